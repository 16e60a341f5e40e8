//! Each test starts from empty tables: emptying the database between tests leaves no row in
//! any table but the ones that hold a single row the schema starts with.
use chrono::Duration;
use loco_rs::{app::Hooks, boot::run_task, task};
use redress::{app::App, models::digests};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serial_test::serial;

use crate::support::*;

/// Tables whose one row the migrations write and every test needs.
const KEPT: &[&str] = &["seaql_migrations", "calendar_versions", "figure_refresh"];

#[tokio::test]
#[serial]
async fn emptying_the_database_between_tests_leaves_no_table_holding_a_row() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        case_in_mediation(&server, &w).await;
        let vars = task::Vars::from_cli_args(vec![
            ("n".into(), "40".into()),
            ("years".into(), "1".into()),
        ]);
        run_task::<App>(&ctx, Some(&"data:synthesize".to_string()), &vars)
            .await
            .expect("synthetic cases");
        let now = redress::clock::now(&ctx);
        digests::publish(&ctx.db, now + Duration::days(1))
            .await
            .expect("digests");

        App::truncate(&ctx).await.expect("emptied");

        let db = &ctx.db;
        let backend = db.get_database_backend();
        let list = match backend {
            DatabaseBackend::Postgres => {
                "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
            }
            _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        };
        let tables: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, list))
            .await
            .expect("tables")
            .iter()
            .map(|r| r.try_get::<String>("", "name").expect("a name"))
            .filter(|t| !KEPT.contains(&t.as_str()))
            .collect();
        assert!(tables.len() > 20, "{tables:?}");
        let mut holding = Vec::new();
        for table in tables {
            let sql = format!("SELECT COUNT(*) AS n FROM \"{table}\"");
            let row = db
                .query_one_raw(Statement::from_string(backend, sql))
                .await
                .expect("count")
                .expect("a count");
            let n: i64 = row.try_get("", "n").expect("n");
            if n > 0 {
                holding.push((table, n));
            }
        }
        assert!(holding.is_empty(), "rows left after emptying: {holding:?}");
    })
    .await;
}
