use redress::{app::App, tasks::demo::DEMO_PASSWORD};
use serial_test::serial;

use super::{location, Browser};
use crate::support::*;

#[tokio::test]
#[serial]
async fn signing_in_gives_a_protected_session_cookie_and_signing_out_ends_it_on_the_server() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::default();
        let page = b.get(&server, "/sign-in").await;
        assert_eq!(page.status_code(), 200);
        assert!(page.text().contains("<label for=\"f-email\">"));
        let res = b
            .post(
                &server,
                "/sign-in",
                &[
                    ("email", w.mediator.email.as_str()),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303);
        assert_eq!(location(&res), "/cases");
        let set: Vec<String> = res
            .iter_headers_by_name("set-cookie")
            .map(|h| h.to_str().unwrap().to_string())
            .collect();
        let session = set
            .iter()
            .find(|c| c.starts_with("redress_session="))
            .expect("session cookie");
        assert!(session.contains("HttpOnly"), "{session}");
        assert!(session.contains("SameSite=Lax"), "{session}");
        // Served over plain HTTP in tests, so not Secure (a browser would drop it).
        assert!(!session.contains("Secure"), "{session}");
        assert_eq!(b.get(&server, "/cases").await.status_code(), 200);
        let stolen = b.clone();

        let out = b.post(&server, "/sign-out", &[]).await;
        assert_eq!(out.status_code(), 303);
        assert!(!b.has_cookie("redress_session"));
        // The old cookie, replayed, no longer opens anything.
        let mut replay = stolen;
        let res = replay.get(&server, "/cases").await;
        assert_eq!(res.status_code(), 303);
        assert_eq!(location(&res), "/sign-in?next=%2Fcases");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_wrong_password_keeps_the_address_and_says_so_without_saying_which_was_wrong() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::default();
        b.get(&server, "/sign-in").await;
        let res = b
            .post(
                &server,
                "/sign-in",
                &[
                    ("email", w.mediator.email.as_str()),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 401);
        let html = res.text();
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains(&format!("value=\"{}\"", w.mediator.email)));
        assert!(!b.has_cookie("redress_session"));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_form_without_the_pages_token_or_from_another_site_is_refused() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::default();
        b.get(&server, "/sign-in").await;
        let fields = vec![
            ("email".to_string(), w.mediator.email.clone()),
            ("password".to_string(), DEMO_PASSWORD.to_string()),
        ];
        let res = b.post_raw(&server, "/sign-in", &fields).await;
        assert_eq!(res.status_code(), 403);
        assert!(
            res.text().contains("<h1>"),
            "an error page, not an empty body"
        );

        // The token of one browser is worthless in another.
        let mut other = Browser::default();
        other.get(&server, "/sign-in").await;
        let mut forged = fields.clone();
        forged.insert(0, ("_csrf".to_string(), b.csrf.clone()));
        assert_eq!(
            other
                .post_raw(&server, "/sign-in", &forged)
                .await
                .status_code(),
            403
        );

        // A signed-in person's form posted from another site.
        let mut mediator = Browser::sign_in(&server, &w.mediator).await;
        let res = server
            .post("/sign-out")
            .add_header("origin", "https://evil.example")
            .add_header(
                "cookie",
                format!("redress_session={}", mediator.session_value()),
            )
            .form(&[("_csrf", mediator.csrf.as_str())])
            .await;
        assert_eq!(res.status_code(), 403);
        assert_eq!(mediator.get(&server, "/cases").await.status_code(), 200);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn the_language_choice_is_remembered_on_the_account() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::sign_in(&server, &w.registrar).await;
        let res = b
            .post(&server, "/language", &[("lang", "fr"), ("next", "/desk")])
            .await;
        assert_eq!(res.status_code(), 303);
        assert_eq!(location(&res), "/desk");
        // A new browser, signed in as the same person, speaks French.
        let mut fresh = Browser::sign_in(&server, &w.registrar).await;
        let page = fresh.get(&server, "/sign-in?next=/").await;
        let _ = page;
        let html = fresh.get(&server, "/password/forgot").await.text();
        assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
        let bad = b.post(&server, "/language", &[("lang", "de")]).await;
        assert_eq!(bad.status_code(), 422);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_anonymous_visitor_gets_the_language_their_browser_asks_for() {
    request::<App, _, _>(|server, _ctx| async move {
        let res = server
            .get("/sign-in")
            .add_header("accept-language", "es-419,es;q=0.9,en;q=0.5")
            .await;
        assert!(
            res.text().contains("<html lang=\"es\" dir=\"ltr\">"),
            "{} {}",
            res.status_code(),
            res.text()
        );
        let res = server.get("/sign-in").await;
        assert!(res.text().contains("<html lang=\"en\" dir=\"ltr\">"));
        // The six official languages; Arabic is laid out right to left.
        for (asked, page) in [
            ("ar-EG,ar;q=0.9", "<html lang=\"ar\" dir=\"rtl\">"),
            ("zh-CN,zh;q=0.9", "<html lang=\"zh\" dir=\"ltr\">"),
            ("ru-RU,ru;q=0.9,en;q=0.5", "<html lang=\"ru\" dir=\"ltr\">"),
        ] {
            let html = server
                .get("/sign-in")
                .add_header("accept-language", asked)
                .await
                .text();
            assert!(html.contains(page), "{asked}: {html}");
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_forgotten_password_is_reset_from_the_emailed_code_and_old_sessions_end() {
    use redress::models::_entities::notifications;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut old = Browser::sign_in(&server, &w.complainant).await;
        let mut b = Browser::default();
        b.get(&server, "/password/forgot").await;
        let res = b
            .post(
                &server,
                "/password/forgot",
                &[("email", w.complainant.email.as_str())],
            )
            .await;
        assert_eq!(res.status_code(), 303);
        // The same answer for an address nobody holds.
        let res = b
            .post(
                &server,
                "/password/forgot",
                &[("email", "nobody@test.example")],
            )
            .await;
        assert_eq!(res.status_code(), 303);
        let row = notifications::Entity::find()
            .filter(notifications::Column::Kind.eq("password_reset"))
            .one(&ctx.db)
            .await
            .unwrap()
            .expect("a reset notice");
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
        let token = payload["token"].as_str().unwrap().to_string();

        let page = b
            .get(&server, &format!("/password/reset?token={token}"))
            .await
            .text();
        assert!(
            page.contains(&format!("value=\"{token}\"")),
            "the code is filled in"
        );
        let res = b
            .post(
                &server,
                "/password/reset",
                &[
                    ("token", token.as_str()),
                    ("password", "short"),
                    ("password_confirmation", "short"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 422);
        assert!(res.text().contains("Enter at least 12 characters."));
        let res = b
            .post(
                &server,
                "/password/reset",
                &[
                    ("token", token.as_str()),
                    ("password", "a new long passphrase 2026"),
                    ("password_confirmation", "a new long passphrase 2026"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        // The session opened with the old password is over.
        assert_eq!(old.get(&server, "/cases").await.status_code(), 303);
        let mut fresh = Browser::default();
        fresh.get(&server, "/sign-in").await;
        let res = fresh
            .post(
                &server,
                "/sign-in",
                &[
                    ("email", w.complainant.email.as_str()),
                    ("password", "a new long passphrase 2026"),
                ],
            )
            .await;
        assert_eq!(res.status_code(), 303);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn every_form_of_every_page_is_refused_without_its_token() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = file(&server, &w, &grievance()).await;
        let pid = case["pid"].as_str().unwrap();
        let posts = [
            "/sign-in".to_string(),
            "/sign-out".to_string(),
            "/language".to_string(),
            "/password/forgot".to_string(),
            "/password/reset".to_string(),
            "/cases".to_string(),
            format!("/cases/{pid}/act"),
            "/desk/notices/1/retry".to_string(),
            "/oversight/samples".to_string(),
            "/admin/users".to_string(),
            format!("/admin/users/{}", w.admin.pid()),
            "/admin/bodies".to_string(),
            format!("/admin/mediators/{}", w.mediator.pid()),
            "/admin/holidays".to_string(),
            "/admin/holidays/2026-12-24/delete".to_string(),
        ];
        for who in [&w.admin, &w.registrar, &w.complainant] {
            let b = Browser::sign_in(&server, who).await;
            for path in &posts {
                let mut b = b.clone();
                let res = b
                    .post_raw(&server, path, &[("lang".to_string(), "fr".to_string())])
                    .await;
                assert_eq!(res.status_code(), 403, "{path} without a token");
                let mut b2 = b.clone();
                let res = b2
                    .post_raw(&server, path, &[("_csrf".to_string(), "00".repeat(32))])
                    .await;
                assert_eq!(res.status_code(), 403, "{path} with a wrong token");
            }
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn behind_a_tls_proxy_every_cookie_is_secure_and_bound_to_this_host() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let page = server
            .get("/sign-in")
            .add_header("x-forwarded-proto", "https")
            .await;
        let csrf_cookie = page
            .iter_headers_by_name("set-cookie")
            .map(|h| h.to_str().unwrap().to_string())
            .find(|c| c.starts_with("__Host-redress_csrf="))
            .expect("a CSRF cookie with the __Host- prefix");
        assert!(
            csrf_cookie.contains("Secure")
                && csrf_cookie.contains("Path=/")
                && !csrf_cookie.contains("Domain"),
            "{csrf_cookie}"
        );
        let token = super::input_value(&page.text(), "_csrf").unwrap();
        let pair = csrf_cookie.split(';').next().unwrap().to_string();
        let sign_in = |cookie: String| {
            server
                .post("/sign-in")
                .add_header("x-forwarded-proto", "https")
                .add_header("cookie", cookie)
                .form(&[
                    ("_csrf", token.as_str()),
                    ("email", w.oversight.email.as_str()),
                    ("password", DEMO_PASSWORD),
                ])
        };
        // A secret planted under the plain name (by a sibling subdomain, or over plain
        // HTTP) is not the form's secret over TLS.
        let planted = sign_in(pair.replacen("__Host-", "", 1)).await;
        assert_eq!(planted.status_code(), 403);
        let res = sign_in(pair).await;
        assert_eq!(res.status_code(), 303);
        let session = res
            .iter_headers_by_name("set-cookie")
            .map(|h| h.to_str().unwrap().to_string())
            .find(|c| c.starts_with("__Host-redress_session="))
            .expect("a session cookie with the __Host- prefix");
        assert!(
            session.contains("Secure") && session.contains("HttpOnly"),
            "{session}"
        );
        let value = session.split(';').next().unwrap().to_string();
        let home = |cookie: String| {
            server
                .get("/cases")
                .add_header("x-forwarded-proto", "https")
                .add_header("cookie", cookie)
        };
        assert_eq!(home(value.clone()).await.status_code(), 200);
        // The same session under the plain name does not sign anyone in over TLS.
        let plain = home(value.replacen("__Host-", "", 1)).await;
        assert_eq!(plain.status_code(), 303, "sent to sign in");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn sign_in_returns_only_to_a_page_of_this_site() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for next in [
            "/\t/evil.example",
            "//evil.example",
            "https://evil.example/",
            "/\\evil",
        ] {
            let mut b = Browser::default();
            b.get(&server, "/sign-in").await;
            let res = b
                .post(
                    &server,
                    "/sign-in",
                    &[
                        ("email", w.mediator.email.as_str()),
                        ("password", DEMO_PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(res.status_code(), 303);
            assert_eq!(location(&res), "/cases", "{next:?} must not be followed");
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_form_sent_after_the_session_ran_out_asks_to_sign_in_again_and_come_back() {
    use redress::models::_entities::web_sessions;
    use sea_orm::EntityTrait;
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut b = Browser::sign_in(&server, &w.admin).await;
        b.get(&server, "/admin/holidays").await;
        web_sessions::Entity::delete_many()
            .exec(&ctx.db)
            .await
            .unwrap();
        let res = server
            .post("/admin/holidays")
            .add_header("cookie", format!("redress_session={}", b.session_value()))
            .add_header("referer", "http://localhost/admin/holidays")
            .form(&[
                ("_csrf", b.csrf.as_str()),
                ("date", "2026-12-24"),
                ("name", "Eve"),
            ])
            .await;
        assert_eq!(res.status_code(), 303);
        assert_eq!(location(&res), "/sign-in?next=%2Fadmin%2Fholidays");
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_page_not_found_keeps_a_signed_in_visitors_menu_and_language_choice() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut delegate = Browser::sign_in(&server, &w.complainant).await;
        for path in [
            "/no-such-page".to_string(),
            format!("/cases/{}", uuid::Uuid::new_v4()),
        ] {
            let res = delegate.get(&server, &path).await;
            assert_eq!(res.status_code(), 404, "{path}");
            let html = res.text();
            assert!(
                html.contains("href=\"/cases/new\""),
                "{path}: the menu stays: {html}"
            );
            assert!(
                html.contains("action=\"/sign-out\""),
                "{path}: sign-out stays"
            );
            assert!(
                html.contains("id=\"lang-choice\""),
                "{path}: the language choice stays"
            );
        }
        // Without a session, the plain page, with the way to sign in.
        let res = server.get("/no-such-page").await;
        assert_eq!(res.status_code(), 404);
        assert!(res.text().contains("href=\"/sign-in\""));
    })
    .await;
}
