//! A database out of reach answers 503 with a time to come back, never a 500, and the app
//! needs no restart: the same router serves again as soon as its database does.
use std::time::Duration;

use axum_test::TestServer;
use loco_rs::app::Hooks;
use redress::app::App;
use serial_test::serial;

use crate::support::*;

/// The app's own router over a connection pool that can reach nothing (port 1 never
/// answers), built the way boot builds it.
async fn router_without_a_database(ctx: &loco_rs::app::AppContext) -> TestServer {
    let mut opt = sea_orm::ConnectOptions::new("postgres://redress@127.0.0.1:1/redress");
    opt.connect_lazy(true)
        .acquire_timeout(Duration::from_millis(300))
        .connect_timeout(Duration::from_millis(300))
        .max_connections(1);
    let mut cut_off = ctx.clone();
    cut_off.db = sea_orm::Database::connect(opt)
        .await
        .expect("a lazy pool connects to nothing yet");
    let app = App::before_routes(&cut_off).await.expect("before routes");
    let app = App::routes(&cut_off)
        .to_router::<App>(cut_off.clone(), app)
        .expect("routes");
    let router = App::after_routes(app, &cut_off)
        .await
        .expect("after routes");
    TestServer::new(router).expect("test server")
}

#[tokio::test]
#[serial]
async fn a_database_out_of_reach_answers_503_with_a_retry_time_and_never_500() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let cut_off = router_without_a_database(&ctx).await;

        let filing = cut_off
            .post("/api/cases")
            .add_header("authorization", format!("Bearer {}", w.complainant.token))
            .json(&grievance())
            .await;
        assert_eq!(filing.status_code(), 503, "{}", filing.text());
        assert_eq!(filing.header("retry-after"), "5");
        let body: serde_json::Value = filing.json();
        assert_eq!(body["error"], "unavailable");

        let page = cut_off
            .get("/register")
            .add_header("accept-language", "fr")
            .await;
        assert_eq!(page.status_code(), 503);
        assert_eq!(page.header("retry-after"), "5");
        assert!(
            page.text().contains("Service momentanément indisponible"),
            "{}",
            page.text()
        );

        // Nothing was filed, and the app with its database serves as before.
        let listed = get(&server, &w.complainant, "/api/cases").await;
        assert_eq!(listed.status_code(), 200);
        assert_eq!(listed.json::<serde_json::Value>()["total"], 0);
    })
    .await;
}
