//! Each node keeps the working-day calendar it built; a holiday written by anyone (an admin on
//! another node, a seed, a hand-made change to the table) is in every node's calendar at its
//! next request, and an unchanged table costs no rebuild.
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    models::{
        _entities::holidays as rows,
        holidays::{self, Calendars},
    },
    policy::Policy,
    settings::Settings,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serial_test::serial;

fn christmas_eve() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 24).expect("a date")
}

#[tokio::test]
#[serial]
async fn a_holiday_added_on_one_node_is_in_the_other_nodes_calendar_at_its_next_request() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = &boot.app_context;
    let settings = Settings::of(ctx).expect("settings");
    let (here, there) = (Calendars::default(), Calendars::default());
    let day = christmas_eve();
    let before = here.current(&ctx.db, &settings).await.expect("calendar");
    assert!(before.is_working_day(day));
    assert!(Arc::ptr_eq(
        &before,
        &here.current(&ctx.db, &settings).await.expect("calendar")
    ));

    there.current(&ctx.db, &settings).await.expect("calendar");
    holidays::add(&ctx.db, day, "Christmas Eve", Utc::now())
        .await
        .expect("added");
    assert!(!here
        .current(&ctx.db, &settings)
        .await
        .expect("calendar")
        .is_working_day(day));
    assert!(!there
        .current(&ctx.db, &settings)
        .await
        .expect("calendar")
        .is_working_day(day));

    rows::Entity::delete_many()
        .filter(rows::Column::Date.eq(day))
        .exec(&ctx.db)
        .await
        .expect("removed");
    assert!(here
        .current(&ctx.db, &settings)
        .await
        .expect("calendar")
        .is_working_day(day));
}

#[tokio::test]
#[serial]
async fn a_holiday_written_straight_into_the_table_reaches_the_next_policy() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = &boot.app_context;
    let day = christmas_eve();
    let first = Policy::of(ctx).await.expect("policy");
    assert!(first.calendar.is_working_day(day));

    let now = Utc::now();
    let row = rows::ActiveModel {
        date: Set(day),
        name: Set("Christmas Eve".into()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .expect("inserted");
    assert!(!Policy::of(ctx)
        .await
        .expect("policy")
        .calendar
        .is_working_day(day));

    let mut moved: rows::ActiveModel = row.into();
    moved.date = Set(day.succ_opt().expect("a date"));
    moved.update(&ctx.db).await.expect("moved");
    let after_move = Policy::of(ctx).await.expect("policy");
    assert!(after_move.calendar.is_working_day(day));
    assert!(!after_move
        .calendar
        .is_working_day(day.succ_opt().expect("a date")));

    rows::Entity::delete_many()
        .filter(rows::Column::Name.eq("Christmas Eve"))
        .exec(&ctx.db)
        .await
        .expect("deleted");
    assert!(Policy::of(ctx)
        .await
        .expect("policy")
        .calendar
        .is_working_day(day.succ_opt().expect("a date")));
}

#[tokio::test]
#[serial]
async fn the_calendar_read_with_a_signed_in_account_is_the_one_in_force_at_that_request() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = &boot.app_context;
    let w = crate::support::world(ctx).await;
    let user = redress::models::users::by_pid(&ctx.db, w.mediator.actor.pid)
        .await
        .expect("the mediator");
    let request = || async {
        let (_, version) = redress::models::users::Model::signed_in(
            &ctx.db,
            &user.pid.to_string(),
            Some(user.credential_generation),
        )
        .await
        .expect("signed in");
        Policy::as_seen(ctx, Utc::now(), version)
            .await
            .expect("policy")
    };
    let day = christmas_eve();
    assert!(request().await.calendar.is_working_day(day));
    // Written as another node would: straight into the table, this node told nothing.
    holidays::add(&ctx.db, day, "Christmas Eve", Utc::now())
        .await
        .expect("added");
    assert!(!request().await.calendar.is_working_day(day));
    rows::Entity::delete_many()
        .filter(rows::Column::Date.eq(day))
        .exec(&ctx.db)
        .await
        .expect("removed");
    assert!(request().await.calendar.is_working_day(day));
}
