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
        assert!(html.contains("<html lang=\"fr\">"), "{html}");
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
            res.text().contains("<html lang=\"es\">"),
            "{} {}",
            res.status_code(),
            res.text()
        );
        let res = server.get("/sign-in").await;
        assert!(res.text().contains("<html lang=\"en\">"));
    })
    .await;
}
