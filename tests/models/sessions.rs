use chrono::Duration;
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    models::{users, web_sessions},
};
use serial_test::serial;

use crate::support::{monday_morning, world};

#[tokio::test]
#[serial]
async fn a_session_in_use_keeps_going_an_idle_one_ends_and_none_outlives_a_week() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let w = world(&ctx).await;
    let user = users::by_pid(&ctx.db, w.mediator.actor.pid).await.unwrap();
    let t0 = monday_morning();
    let token = web_sessions::start(&ctx.db, &user, t0).await.unwrap();
    let at = |h: i64| t0 + Duration::hours(h);
    let open = |h: i64| {
        let (db, token) = (ctx.db.clone(), token.clone());
        async move {
            web_sessions::resolve(&db, &token, at(h))
                .await
                .unwrap()
                .is_some()
        }
    };
    assert!(open(3).await, "early in the day");
    // Used in the second half of its life: extended by a working day from then.
    assert!(open(8).await);
    assert!(open(19).await, "still open 11 hours after its last use");
    // Idle for more than a working day: over.
    assert!(!open(19 + 13).await);

    let token = web_sessions::start(&ctx.db, &user, t0).await.unwrap();
    let mut last = true;
    for h in (7..=24 * 8).step_by(7) {
        last = web_sessions::resolve(&ctx.db, &token, at(h))
            .await
            .unwrap()
            .is_some();
        if h < 24 * 7 {
            assert!(last, "in use at hour {h}");
        }
    }
    assert!(!last, "a week after sign-in, even in use");
}
