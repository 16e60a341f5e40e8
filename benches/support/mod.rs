//! What the benchmarks share: their environment knobs, the boot on the test database at a
//! fixed instant, and the figures they print. Each benchmark uses part of it.
#![allow(dead_code)]

use std::{sync::Arc, time::Duration as Elapsed};

use chrono::{DateTime, TimeZone, Utc};
use loco_rs::{app::AppContext, testing::prelude::boot_test};
use redress::{
    app::App,
    models::{
        _entities::{cases, users},
        users as people,
        vocabulary::{Locale, Role},
    },
    settings::Settings,
};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect};

/// A whole number from the environment (`_` separators allowed), or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.trim().replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// A comma-separated list of whole numbers from the environment, or `default`'s.
pub fn env_list(name: &str, default: &str) -> Vec<u64> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect()
}

/// The app booted on the test database (`DATABASE_URL` chooses it), its settings, the
/// backend's name, and the instant every benchmark runs at: Monday 7 December 2026, 09:00
/// in Geneva.
pub async fn boot() -> (AppContext, Arc<Settings>, String, DateTime<Utc>) {
    let (ctx, settings, backend, now, _) = boot_with_router().await;
    (ctx, settings, backend, now)
}

/// [`boot`], with the app's router for requests sent straight into it. (Booting again
/// would empty the test database.)
pub async fn boot_with_router() -> (
    AppContext,
    Arc<Settings>,
    String,
    DateTime<Utc>,
    axum::Router,
) {
    if std::env::var("BENCH_REUSE").is_ok() {
        // Keep what an earlier `BENCH_KEEP` run left: the test config empties the database
        // at boot otherwise.
        std::env::set_var("DB_TRUNCATE_AT_BOOT", "false");
    }
    let boot = boot_test::<App>().await.expect("boot on the test database");
    let router = boot.router.expect("router");
    let ctx = boot.app_context;
    let settings = Settings::of(&ctx).expect("settings");
    let backend = format!("{:?}", ctx.db.get_database_backend());
    let now = Utc
        .with_ymd_and_hms(2026, 12, 7, 8, 0, 0)
        .single()
        .expect("instant");
    (ctx, settings, backend, now, router)
}

/// Median, 95th percentile and max of timed runs in milliseconds (nearest rank).
pub struct Stats {
    pub median: f64,
    pub p95: f64,
    pub max: f64,
}

impl Stats {
    pub fn of(times: &mut [Elapsed]) -> Self {
        times.sort_unstable();
        let ms = |d: Elapsed| d.as_secs_f64() * 1000.0;
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let at = |q: f64| {
            let rank = ((q * times.len() as f64).ceil() as usize).clamp(1, times.len().max(1));
            times.get(rank - 1).copied().map_or(0.0, ms)
        };
        Self {
            median: at(0.5),
            p95: at(0.95),
            max: times.last().copied().map_or(0.0, ms),
        }
    }
}

#[derive(Debug, FromQueryResult)]
struct Busiest {
    id: i64,
}

/// The person of `role` whose `column` names the most cases.
pub async fn busiest(
    db: &sea_orm::DatabaseConnection,
    column: cases::Column,
    role: Role,
) -> Option<users::Model> {
    let top = cases::Entity::find()
        .select_only()
        .column_as(column, "id")
        .filter(column.is_not_null())
        .group_by(column)
        .order_by_desc(cases::Column::Id.count())
        .limit(1)
        .into_model::<Busiest>()
        .one(db)
        .await
        .expect("the busiest")?;
    let filter = match role {
        Role::Delegate => users::Column::DelegationId.eq(top.id),
        Role::Respondent => users::Column::BodyId.eq(top.id),
        _ => users::Column::Id.eq(top.id),
    };
    users::Entity::find()
        .filter(filter)
        .filter(users::Column::Role.eq(role.as_ref()))
        .one(db)
        .await
        .ok()?
}

pub async fn someone(
    ctx: &loco_rs::app::AppContext,
    settings: &redress::settings::Settings,
    role: Role,
    email: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> users::Model {
    if let Some(u) = users::Entity::find()
        .filter(users::Column::Role.eq(role.as_ref()))
        .one(&ctx.db)
        .await
        .expect("query")
    {
        return u;
    }
    people::accredit(
        &ctx.db,
        settings,
        people::Accreditation {
            email: email.into(),
            name: format!("Bench {role}"),
            role,
            delegation: None,
            body: None,
            locale: Locale::En,
            zone: chrono_tz::Europe::Zurich,
            password: Some("bench password 2026".into()),
        },
        now,
    )
    .await
    .expect("accredit")
}

/// `n` synthetic cases over `years` years from `seed`, in an emptied database, or, with
/// `BENCH_REUSE` set, those an earlier run left when there are enough; then oversight's
/// summaries brought up to date outside any timing, as the minute job does.
pub async fn seed_or_reuse(
    ctx: &AppContext,
    settings: &Settings,
    n: u64,
    seed: u64,
    years: u32,
    now: DateTime<Utc>,
) {
    use sea_orm::PaginatorTrait;
    let held = cases::Entity::find().count(&ctx.db).await.expect("count");
    if std::env::var("BENCH_REUSE").is_ok() && held >= n {
        println!("reusing the {held} cases already there");
    } else {
        use loco_rs::app::Hooks;
        App::truncate(ctx).await.expect("empty the database");
        let summary =
            redress::tasks::synthetic::synthesize(&ctx.db, settings, n, seed, years, now, true)
                .await
                .expect("synthesize");
        println!("seeded in {:.1} s", summary.seconds);
    }
    redress::models::oversight::figures::refresh(&ctx.db, now)
        .await
        .expect("refresh");
}
