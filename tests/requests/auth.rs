use redress::{app::App, models::notifications, tasks::demo::DEMO_PASSWORD};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn an_accredited_person_signs_in_and_a_wrong_password_does_not() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let ok = server
            .post("/api/auth/login")
            .json(&json!({"email": w.mediator.email, "password": DEMO_PASSWORD}))
            .await;
        assert_eq!(ok.status_code(), 200);
        let body: Value = ok.json();
        let me = server
            .get("/api/auth/me")
            .authorization_bearer(body["token"].as_str().unwrap())
            .await;
        assert_eq!(me.json::<Value>()["role"], "mediator");
        assert_eq!(me.json::<Value>()["delegation"], "GHA");
        let bad = server
            .post("/api/auth/login")
            .json(&json!({"email": w.mediator.email, "password": "wrong password!"}))
            .await;
        assert_eq!(bad.status_code(), 401);
        let unknown = server
            .post("/api/auth/login")
            .json(&json!({"email": "nobody@test.example", "password": "whatever1234"}))
            .await;
        assert_eq!(unknown.status_code(), 401);
        assert_eq!(
            server
                .post("/api/auth/login")
                .json(&json!({"email": "x"}))
                .await
                .status_code(),
            422
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn an_admin_accredits_someone_who_sets_a_password_from_the_queued_reset_link() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let bad = post(&server, &w.admin, "/api/admin/users", &json!({
            "email": "not-an-email", "name": "X", "role": "delegate", "time_zone": "Mars/Olympus"
        })).await;
        assert_eq!(bad.status_code(), 422);
        let errors: Value = bad.json();
        for field in ["email", "name", "time_zone"] {
            assert!(errors["errors"][field].is_array(), "{field}: {errors}");
        }
        let no_delegation = post(&server, &w.admin, "/api/admin/users", &json!({
            "email": "new@test.example", "name": "New Delegate", "role": "delegate", "time_zone": "Pacific/Fiji"
        })).await;
        assert_eq!(no_delegation.status_code(), 422);

        let created = post(&server, &w.admin, "/api/admin/users", &json!({
            "email": "New@Test.example", "name": "New Delegate", "role": "delegate", "delegation": "fji",
            "locale": "fr", "time_zone": "Pacific/Fiji"
        })).await;
        assert_eq!(created.status_code(), 201, "{}", created.text());
        let user: Value = created.json();
        assert_eq!(user["email"], "new@test.example");
        assert_eq!(user["delegation"], "FJI");

        let invite = notifications::Entity::find()
            .filter(notifications::Column::Kind.eq("password_reset"))
            .one(&ctx.db)
            .await
            .unwrap()
            .expect("an invitation is queued");
        assert_eq!(invite.locale, "fr");
        let token = serde_json::from_str::<Value>(&invite.payload).unwrap()["token"].as_str().unwrap().to_string();
        let weak = server.post("/api/auth/reset").json(&json!({"token": token, "password": "short"})).await;
        assert_eq!(weak.status_code(), 422);
        let reset = server.post("/api/auth/reset").json(&json!({"token": token, "password": "a long new passphrase"})).await;
        assert_eq!(reset.status_code(), 200, "{}", reset.text());
        let reused = server.post("/api/auth/reset").json(&json!({"token": token, "password": "another passphrase"})).await;
        assert_eq!(reused.status_code(), 422, "a reset token works once");
        let login = server.post("/api/auth/login").json(&json!({"email": "new@test.example", "password": "a long new passphrase"})).await;
        assert_eq!(login.status_code(), 200);

        let deactivated = server
            .patch(&format!("/api/admin/users/{}", user["pid"].as_str().unwrap()))
            .authorization_bearer(&w.admin.token)
            .json(&json!({"active": false}))
            .await;
        assert_eq!(deactivated.status_code(), 200);
        let login = server.post("/api/auth/login").json(&json!({"email": "new@test.example", "password": "a long new passphrase"})).await;
        assert_eq!(login.status_code(), 401);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn forgot_password_answers_alike_for_known_and_unknown_addresses() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let known = server
            .post("/api/auth/forgot")
            .json(&json!({"email": w.registrar.email}))
            .await;
        let unknown = server
            .post("/api/auth/forgot")
            .json(&json!({"email": "nobody@test.example"}))
            .await;
        assert_eq!(known.status_code(), 200);
        assert_eq!(known.text(), unknown.text());
        let queued = notifications::Entity::find()
            .filter(notifications::Column::Kind.eq("password_reset"))
            .all(&ctx.db)
            .await
            .unwrap();
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].user_id, w.registrar.actor.id);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn repeated_wrong_passwords_are_answered_429_at_both_doors_with_the_time_to_come_back() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut last = None;
        for _ in 0..5 {
            last = Some(
                server
                    .post("/api/auth/login")
                    .json(&json!({"email": w.oversight.email, "password": "guess guess guess"}))
                    .await,
            );
        }
        let last = last.unwrap();
        assert_eq!(last.status_code(), 429, "{}", last.text());
        let body: Value = last.json();
        assert_eq!(body["error"], "throttled");
        assert!(
            body["description"]
                .as_str()
                .unwrap()
                .contains("paused until"),
            "{body}"
        );
        let right = server
            .post("/api/auth/login")
            .json(&json!({"email": w.oversight.email, "password": DEMO_PASSWORD}))
            .await;
        assert_eq!(
            right.status_code(),
            429,
            "paused for everyone, the owner too"
        );

        // The page door shares the count, and says so in the visitor's language.
        let mut b = crate::pages::Browser::default();
        b.get(&server, "/sign-in").await;
        b.post(&server, "/language", &[("lang", "es")]).await;
        let page = b
            .post(
                &server,
                "/sign-in",
                &[
                    ("email", w.oversight.email.as_str()),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(page.status_code(), 429, "{}", page.text());
        assert!(
            page.text().contains("queda en pausa hasta"),
            "{}",
            page.text()
        );
    })
    .await;
}

#[tokio::test]
#[serial]
async fn every_answer_carries_the_security_headers_and_nothing_behind_a_token_is_cached() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let api = get(&server, &w.registrar, "/api/cases").await;
        let csv = server.get("/api/register.csv").await;
        let page = server.get("/register").await;
        let missing = server.get("/api/cases/not-a-case").await;
        for (what, res) in [
            ("api", &api),
            ("csv", &csv),
            ("page", &page),
            ("401", &missing),
        ] {
            assert_eq!(res.header("x-content-type-options"), "nosniff", "{what}");
            assert_eq!(res.header("x-frame-options"), "DENY", "{what}");
            assert_eq!(res.header("referrer-policy"), "same-origin", "{what}");
        }
        assert_eq!(api.header("cache-control"), "no-store");
        assert!(page
            .header("content-security-policy")
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'"));
    })
    .await;
}

/// The codes of the reset emails queued, oldest first.
async fn reset_codes(ctx: &loco_rs::app::AppContext) -> Vec<String> {
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq("password_reset"))
        .all(&ctx.db)
        .await
        .unwrap()
        .iter()
        .map(|n| {
            serde_json::from_str::<Value>(&n.payload).unwrap()["token"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// The bearer token, calendar feed and page session a person holds.
struct Credentials {
    token: String,
    feed: String,
    session: crate::pages::Browser,
}

async fn credentials_of(server: &axum_test::TestServer, who: &Person) -> Credentials {
    let issued: Value = post(server, who, "/api/auth/me/calendar", &json!({}))
        .await
        .json();
    let url = issued["url"].as_str().expect("url");
    let feed = url.split_once("5150").map_or(url, |(_, p)| p).to_string();
    Credentials {
        token: who.token.clone(),
        feed,
        session: crate::pages::Browser::sign_in(server, who).await,
    }
}

/// Which of the credentials still work: (token, feed, session).
async fn still_working(server: &axum_test::TestServer, c: &mut Credentials) -> (bool, bool, bool) {
    let token = server
        .get("/api/cases")
        .authorization_bearer(&c.token)
        .await
        .status_code()
        == 200;
    let feed = server.get(&c.feed).await.status_code() == 200;
    let page = c.session.get(server, "/cases").await;
    (token, feed, page.status_code() == 200)
}

#[tokio::test]
#[serial]
async fn a_password_reset_ends_every_credential_and_reactivation_revives_none() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut before = credentials_of(&server, &w.respondent).await;
        assert_eq!(
            still_working(&server, &mut before).await,
            (true, true, true)
        );

        let asked = server
            .post("/api/auth/forgot")
            .json(&json!({"email": w.respondent.email}))
            .await;
        assert_eq!(asked.status_code(), 200);
        let code = reset_codes(&ctx).await.pop().expect("the reset is queued");
        let reset = server
            .post("/api/auth/reset")
            .json(&json!({"token": code, "password": "a long new passphrase"}))
            .await;
        assert_eq!(reset.status_code(), 200, "{}", reset.text());
        assert_eq!(
            still_working(&server, &mut before).await,
            (false, false, false),
            "after the reset"
        );

        let login: Value = server
            .post("/api/auth/login")
            .json(&json!({"email": w.respondent.email, "password": "a long new passphrase"}))
            .await
            .json();
        let fresh = login["token"].as_str().expect("token").to_string();
        let with_fresh = || server.get("/api/cases").authorization_bearer(&fresh);
        assert_eq!(with_fresh().await.status_code(), 200);

        // Deactivated, then reactivated: what was issued before stays dead.
        let again = Person {
            token: fresh.clone(),
            ..w.respondent.clone()
        };
        let issued: Value = post(&server, &again, "/api/auth/me/calendar", &json!({}))
            .await
            .json();
        let url = issued["url"].as_str().expect("url");
        let feed = url.split_once("5150").map_or(url, |(_, p)| p).to_string();
        for active in [false, true] {
            let res = server
                .patch(&format!("/api/admin/users/{}", w.respondent.pid()))
                .authorization_bearer(&w.admin.token)
                .json(&json!({"active": active}))
                .await;
            assert_eq!(res.status_code(), 200, "{}", res.text());
        }
        assert_eq!(with_fresh().await.status_code(), 401);
        assert_eq!(server.get(&feed).await.status_code(), 404);
    })
    .await;
}

#[tokio::test]
#[serial]
async fn asking_for_a_reset_ten_times_sends_one_email_and_the_first_code_keeps_working() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        for _ in 0..10 {
            let res = server
                .post("/api/auth/forgot")
                .json(&json!({"email": w.registrar.email}))
                .await;
            assert_eq!(res.status_code(), 200);
        }
        let codes = reset_codes(&ctx).await;
        assert_eq!(codes.len(), 1, "one email within the interval");
        let code = codes[0].clone();
        let reset = server
            .post("/api/auth/reset")
            .json(&json!({"token": code, "password": "a long new passphrase"}))
            .await;
        assert_eq!(reset.status_code(), 200, "{}", reset.text());
        // After the interval a new request sends again.
        redress::clock::Clock::of(&ctx).advance(chrono::Duration::minutes(6));
        server
            .post("/api/auth/forgot")
            .json(&json!({"email": w.registrar.email}))
            .await;
        assert_eq!(reset_codes(&ctx).await.len(), 2);
    })
    .await;
}
