//! The whole story through the pages in headless Chromium, driven over WebDriver
//! (chromedriver), with axe-core checking every page for serious or critical accessibility
//! violations. Screenshots of the main pages land in `target/browser-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Set
//! `REDRESS_BROWSER=skip` to leave these tests out on a machine without them; they fail
//! otherwise, so a missing browser is never mistaken for a pass.
use std::{
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

use fantoccini::{elements::Element, key::Key, Client, ClientBuilder, Locator};
use redress::{app::App, tasks::demo::DEMO_PASSWORD};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

const AXE: &str = include_str!("vendor/axe.min.js");

fn program(env: &str, default: &str) -> String {
    std::env::var(env).unwrap_or_else(|_| default.to_string())
}

/// A chromedriver process, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn start_driver() -> Driver {
    let chromedriver = program("REDRESS_CHROMEDRIVER", "/usr/bin/chromedriver");
    let port = free_port();
    let child = Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {chromedriver} ({e}): install Debian's chromium and \
                 chromium-driver (apt-get install chromium chromium-driver), or set \
                 REDRESS_BROWSER=skip"
            )
        });
    let driver = Driver { child, port };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not listen on {port}");
}

/// One browser window signed in as nobody yet, on the app served at `base`.
struct Browser {
    c: Client,
    base: String,
    shots: PathBuf,
    /// Serious and critical accessibility violations met so far, per page.
    violations: Vec<String>,
}

impl Browser {
    async fn open(driver: &Driver, base: &str) -> Self {
        let profile =
            std::env::temp_dir().join(format!("redress-chromium-{}", uuid::Uuid::new_v4()));
        let caps = json!({
            "goog:chromeOptions": {
                "binary": program("REDRESS_CHROMIUM", "/usr/bin/chromium"),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1280,1024",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        let c = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a Chromium session");
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
        let shots = PathBuf::from(target).join("browser-screenshots");
        std::fs::create_dir_all(&shots).expect("screenshot folder");
        Self {
            c,
            base: base.to_string(),
            shots,
            violations: Vec::new(),
        }
    }

    async fn go(&mut self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
        self.check_accessibility().await;
    }

    async fn path(&self) -> String {
        let url = self.c.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    async fn find(&self, css: &str) -> Element {
        match self.c.find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("no `{css}` on {}: {e}", self.path().await),
        }
    }

    async fn text(&self) -> String {
        self.find("main").await.text().await.expect("text")
    }

    async fn fill(&self, css: &str, value: &str) {
        let e = self.find(css).await;
        e.clear().await.expect("clear");
        e.send_keys(value).await.expect("type");
    }

    async fn choose(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in {css}: {e}"));
    }

    /// Clicks and waits for the page the click leads to.
    async fn submit(&mut self, css: &str) {
        let button = self.find(css).await;
        self.mark().await;
        button.click().await.expect("click");
        self.settle().await;
        self.check_accessibility().await;
    }

    /// Marks the current document, so [`Self::settle`] can tell when another replaced it.
    async fn mark(&self) {
        self.c
            .execute("window.__redressOld = true; return true;", vec![])
            .await
            .expect("mark the page");
    }

    /// Waits until the marked document is gone and its successor has loaded.
    async fn settle(&self) {
        for _ in 0..200 {
            let ready = self
                .c
                .execute(
                    "return window.__redressOld === undefined && document.readyState === 'complete'",
                    vec![],
                )
                .await
                .ok();
            if ready == Some(Value::Bool(true)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no new page after 10 s on {}", self.path().await);
    }

    async fn screenshot(&self, name: &str) {
        let png = self.c.screenshot().await.expect("screenshot");
        std::fs::write(self.shots.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// Runs axe-core on the page and records what it finds serious or critical.
    async fn check_accessibility(&mut self) {
        self.c
            .execute(&format!("{AXE}\nreturn true;"), vec![])
            .await
            .expect("load axe-core");
        let found = self
            .c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                   r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ' (' + v.impact + '): ' +
                          v.nodes.map(n => n.target.join(' ')).join(' | '))));",
                vec![],
            )
            .await
            .expect("axe-core ran");
        let path = self.path().await;
        for v in found.as_array().into_iter().flatten() {
            self.violations
                .push(format!("{path}: {}", v.as_str().unwrap_or_default()));
        }
    }

    /// The page as a phone shows it (390 px wide) and as a desktop does (1280): at each
    /// width, a screenshot and the accessibility check; at the phone's, a page wider than
    /// the screen (scrolling sideways as a whole) is recorded as a violation.
    async fn at_both_widths(&mut self, name: &str) {
        self.screenshot(&format!("{name}-1280")).await;
        self.c
            .set_window_size(390, 844)
            .await
            .expect("a phone's width");
        let widths = self
            .c
            .execute(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                vec![],
            )
            .await
            .expect("widths");
        let (scroll, client) = (
            widths[0].as_i64().unwrap_or(0),
            widths[1].as_i64().unwrap_or(0),
        );
        if scroll > client {
            let path = self.path().await;
            self.violations.push(format!(
                "{path}: {scroll} px wide on a phone showing {client} px"
            ));
        }
        self.check_accessibility().await;
        self.screenshot(&format!("{name}-390")).await;
        self.c
            .set_window_size(1280, 1024)
            .await
            .expect("a desktop's width");
    }

    /// Signs in with the keyboard alone: type, Tab, type, Enter.
    async fn sign_in(&mut self, email: &str) {
        self.go("/sign-in").await;
        let field = self.find("#f-email").await;
        field.click().await.expect("focus");
        self.mark().await;
        field
            .send_keys(&format!("{email}{}{DEMO_PASSWORD}{}", Key::Tab, Key::Enter))
            .await
            .expect("type");
        self.settle().await;
        let here = self.path().await;
        assert!(
            !here.starts_with("/sign-in"),
            "{email} is not signed in: {here}"
        );
        self.check_accessibility().await;
    }

    async fn sign_out(&mut self) {
        self.submit("form[action='/sign-out'] button").await;
    }

    /// Opens the form of `action` on a case page, fills it and sends it.
    async fn act(&mut self, action: &str, fields: &[(&str, &str)]) {
        // The action the case awaits from this person is open already; the others open
        // with a click on their name.
        let details = self
            .find(&format!(
                "details:has(input[name='action'][value='{action}'])"
            ))
            .await;
        if details.attr("open").await.ok().flatten().is_none() {
            self.find(&format!(
                "details:has(input[name='action'][value='{action}']) > summary"
            ))
            .await
            .click()
            .await
            .expect("open the action");
        }
        for (name, value) in fields {
            let css = format!("#a-{action}-{name}");
            let e = self.find(&css).await;
            if e.prop("tagName").await.ok().flatten().as_deref() == Some("SELECT") {
                self.choose(&css, value).await;
            } else {
                self.fill(&css, value).await;
            }
        }
        self.submit(&format!(
            "details:has(input[name='action'][value='{action}']) button[type='submit']"
        ))
        .await;
        let text = self.text().await;
        assert!(
            !text.contains("There is a problem") && !text.contains("could not be done"),
            "{action} was refused: {text}"
        );
    }

    async fn close(self) -> Vec<String> {
        let _ = self.c.close().await;
        self.violations
    }
}

fn skipped() -> bool {
    if std::env::var("REDRESS_BROWSER").as_deref() == Ok("skip") {
        eprintln!("REDRESS_BROWSER=skip: the browser tests did not run");
        return true;
    }
    false
}

async fn serve() -> (String, loco_rs::app::AppContext, axum::Router) {
    let boot = boot_test::<App>().await.expect("boot");
    let router = boot.router.expect("router");
    let kept = router.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("listen");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("serve");
    });
    (format!("http://{addr}"), boot.app_context, kept)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn a_grievance_goes_from_filing_to_the_public_register_through_the_pages() {
    if skipped() {
        return;
    }
    let (base, ctx, _) = serve().await;
    let w = world(&ctx).await;
    let driver = start_driver().await;
    let mut b = Browser::open(&driver, &base).await;

    // The delegate files.
    b.sign_in(&w.complainant.email).await;
    b.go("/cases/new").await;
    b.fill("#f-title", "Speaking slot cut from the general debate")
        .await;
    b.choose("#f-category", "speaking_time").await;
    b.choose("#f-body", "HRC").await;
    b.c.execute(
        "document.getElementById('f-incident_date').value = '2026-01-15'; return true;",
        vec![],
    )
    .await
    .expect("date");
    b.fill(
        "#f-facts",
        "The chair removed our delegation from the speakers' list without notice.",
    )
    .await;
    b.fill("#f-remedy_sought", "A guaranteed slot at the next session.")
        .await;
    b.choose("#f-respondent_code", "HRC").await;
    b.choose("#f-confidentiality", "public").await;
    b.screenshot("01-filing-form").await;
    b.submit("form[action='/cases'] button[type='submit']")
        .await;
    let case_path = b.path().await;
    assert!(case_path.starts_with("/cases/"), "{case_path}");
    let text = b.text().await;
    assert!(text.contains("Your grievance is filed"), "{text}");
    assert!(text.contains("working days left"), "{text}");
    let reference = b.find("h1").await.text().await.expect("h1");
    let reference = reference.split(':').next().unwrap_or_default().to_string();
    b.screenshot("02-case-page-delegate").await;
    b.go("/cases").await;
    assert!(b.text().await.contains(&reference));
    b.screenshot("03-my-cases").await;
    b.sign_out().await;

    // The registry registers it and declares it eligible; a mediator is assigned.
    b.sign_in(&w.registrar.email).await;
    assert!(b.text().await.contains(&reference), "in the intake queue");
    b.screenshot("04-registry-intake").await;
    b.go(&case_path).await;
    b.act("register", &[("note", "Within the mandate.")]).await;
    b.act("declare_eligible", &[]).await;
    let text = b.text().await;
    assert!(text.contains(&w.mediator.actor.name), "assigned: {text}");
    b.sign_out().await;

    // The mediator asks the respondent for a formal response.
    b.sign_in(&w.mediator.email).await;
    assert!(b.text().await.contains(&reference), "on the caseload");
    b.screenshot("05-mediator-caseload").await;
    b.go(&case_path).await;
    b.act(
        "request_response",
        &[("request", "Please explain why the slot was removed.")],
    )
    .await;
    // And writes to the complainant side alone, with a file chosen as a person would.
    let pdf = std::env::temp_dir().join("speakers-list-morning.pdf");
    std::fs::write(&pdf, PDF).expect("a file to upload");
    b.find("details:has(#a-message-body) > summary")
        .await
        .click()
        .await
        .expect("open the message form");
    b.find("input[name='audience'][value='complainant_side']")
        .await
        .click()
        .await
        .expect("choose the audience");
    b.fill(
        "#a-message-body",
        "Do you have the speakers list as circulated that morning?",
    )
    .await;
    b.find("#a-message-file")
        .await
        .send_keys(pdf.to_str().expect("a path"))
        .await
        .expect("choose the file");
    b.submit("form[action$='/messages'] button[type='submit']")
        .await;
    let text = b.text().await;
    assert!(text.contains("Do you have the speakers list"), "{text}");
    assert!(text.contains("speakers-list-morning"), "its file: {text}");
    b.sign_out().await;

    // The respondent answers from the inbox.
    b.sign_in(&w.respondent.email).await;
    assert!(b.text().await.contains(&reference), "in the inbox");
    b.screenshot("06-respondent-inbox").await;
    b.go(&case_path).await;
    assert!(
        !b.text().await.contains("Do you have the speakers list"),
        "the respondent reads nothing written to the complainant side"
    );
    b.act(
        "submit_response",
        &[(
            "response",
            "The list closed by the bureau's decision of 12 January.",
        )],
    )
    .await;
    b.sign_out().await;

    // The delegate accepts.
    b.sign_in(&w.complainant.email).await;
    b.go(&case_path).await;
    let text = b.text().await;
    assert!(text.contains("The list closed by the bureau"));
    assert!(text.contains("Do you have the speakers list"), "{text}");
    b.act("accept_response", &[]).await;
    b.sign_out().await;

    // The mediator closes it.
    b.sign_in(&w.mediator.email).await;
    b.go(&case_path).await;
    b.act("close", &[("summary", "Settled: a slot is guaranteed.")])
        .await;
    assert!(b.text().await.contains("Closed"));
    b.screenshot("07-case-closed").await;
    b.sign_out().await;

    // Oversight sees the closure; the public sees it in the register.
    b.sign_in(&w.oversight.email).await;
    let closed = b
        .find(".cards .card:nth-child(3) .big")
        .await
        .text()
        .await
        .expect("closed count");
    assert_eq!(closed, "1", "the closure is in the metrics");
    b.screenshot("08-oversight-dashboard").await;
    b.sign_out().await;
    b.go("/register").await;
    let register = b.text().await;
    assert!(
        register.contains(&reference) && register.contains("Closed"),
        "{register}"
    );
    b.screenshot("09-public-register").await;

    let violations = b.close().await;
    assert!(
        violations.is_empty(),
        "accessibility violations:\n{}",
        violations.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn every_page_passes_the_accessibility_check_for_every_role() {
    if skipped() {
        return;
    }
    let (base, ctx, router) = serve().await;
    let w = world(&ctx).await;
    let server =
        axum_test::TestServer::new(router.into_make_service_with_connect_info::<SocketAddr>())
            .expect("server");
    let case = case_in_mediation(&server, &w).await;
    // The complaint beside its Arabic translation, and a Chinese one still awaited.
    let complaint = case["submissions"][0]["pid"].as_str().unwrap().to_string();
    let asked = must(
        &server,
        &w.complainant,
        &case,
        json!({"action": "request_translation", "source": complaint, "language": "ar"}),
    )
    .await;
    let request = asked["translations"][0]["pid"]
        .as_str()
        .unwrap()
        .to_string();
    must(
        &server,
        &w.registrar,
        &asked,
        json!({"action": "provide_translation", "request": request, "text": "أُلغيت كلمة وفدنا من المناقشة العامة دون إشعار."}),
    )
    .await;
    must(
        &server,
        &w.co_complainant,
        &case,
        json!({"action": "request_translation", "source": complaint, "language": "zh"}),
    )
    .await;
    let case_path = format!("/cases/{}", case["pid"].as_str().unwrap());
    let driver = start_driver().await;
    let mut b = Browser::open(&driver, &base).await;
    // The check itself can fail: an unlabelled field added to a page is caught.
    b.go("/").await;
    b.c.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">'); return true;",
        vec![],
    )
    .await
    .expect("inject");
    b.check_accessibility().await;
    assert!(
        b.violations.iter().any(|v| v.contains("label")),
        "axe-core did not flag an unlabelled field: {:?}",
        b.violations
    );
    b.violations.clear();
    for path in [
        "/",
        "/sign-in",
        "/password/forgot",
        "/password/reset",
        "/register",
    ] {
        b.go(path).await;
        b.at_both_widths(&format!("public{}", path.replace('/', "-")))
            .await;
    }
    // A refused form, with its summary and messages.
    b.go("/password/reset").await;
    b.submit("form[action='/password/reset'] button").await;
    assert!(b.text().await.contains("There is a problem"));
    // Keyboard: the first Tab reaches the skip link.
    b.c.execute("document.activeElement.blur(); return true;", vec![])
        .await
        .expect("blur");
    b.find("body")
        .await
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tab");
    let first =
        b.c.execute("return document.activeElement.className", vec![])
            .await
            .expect("focus");
    assert_eq!(first, Value::String("skip".into()));

    let tours: &[(&Person, &[&str])] = &[
        (&w.complainant, &["/cases", "/cases/new", "__case"]),
        (&w.respondent, &["/cases", "__case"]),
        (&w.mediator, &["/cases", "/desk/notices", "__case"]),
        (
            &w.registrar,
            &["/desk", "/cases", "/desk/notices", "/oversight", "__case"],
        ),
        (
            &w.oversight,
            &[
                "/oversight",
                "/oversight/disparities",
                "/oversight/translations",
                "/oversight/trends",
                "/oversight/samples",
                "/cases",
                "/admin/policies",
                "__case",
            ],
        ),
        (
            &w.admin,
            &[
                "/admin/users",
                "/admin/delegations",
                "/admin/bodies",
                "/admin/mediators",
                "/admin/holidays",
                "/admin/policies",
            ],
        ),
    ];
    // Every page in English, then in Arabic (right to left) and Chinese: the same checks,
    // and screenshots of each (`ar-...`, `zh-...`).
    for locale in ["en", "ar", "zh"] {
        for (person, pages) in tours {
            relocate(&ctx, person, locale, "Asia/Riyadh").await;
            b.sign_in(&person.email).await;
            for page in *pages {
                let path = if *page == "__case" {
                    case_path.as_str()
                } else {
                    page
                };
                b.go(path).await;
                if *page == "/cases/new" {
                    // The filing form refused, every message showing.
                    b.submit("form[action='/cases'] button[type='submit']")
                        .await;
                }
                let dir =
                    b.c.execute("return document.documentElement.dir", vec![])
                        .await
                        .expect("dir");
                let expected = if locale == "ar" { "rtl" } else { "ltr" };
                assert_eq!(dir, Value::String(expected.into()), "{locale} {path}");
                let role = person.actor.role.to_string();
                let prefix = if locale == "en" {
                    String::new()
                } else {
                    format!("{locale}-")
                };
                b.at_both_widths(&format!("{prefix}{role}{}", page.replace('/', "-")))
                    .await;
            }
            if locale == "en" && person.actor.role == redress::models::vocabulary::Role::Mediator {
                b.go(&case_path).await;
                b.screenshot("10-case-page-mediator").await;
            }
            b.sign_out().await;
        }
    }
    let violations = b.close().await;
    assert!(
        violations.is_empty(),
        "accessibility violations:\n{}",
        violations.join("\n")
    );
}
