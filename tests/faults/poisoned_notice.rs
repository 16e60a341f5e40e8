//! A poisoned notice among 500: one row that cannot be built (a kind no email exists for,
//! as a row left from an older version would be), and a recipient whose stored name carries
//! a line break. The node fails that one row, flags it to the registry, and delivers the 499
//! others; none is left claimed or pending.
use std::time::Duration;

use redress::models::{
    _entities::{case_events, cases, users},
    notifications::{self, Notice, NoticeKind, Timing},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serial_test::serial;

use super::{wait_for, Burst, Delivery, Node};
use crate::support::smtp::Sink;

const CASES: u64 = 500;
const DUE: u64 = 499;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts server processes: see tests/faults"]
#[serial]
async fn a_poisoned_notice_among_500_fails_alone_flagged_and_the_rest_arrive() {
    let Some(burst) = Burst::seed(CASES, DUE).await else {
        return;
    };
    let db = &burst.ctx.db;
    let (_, first) = burst.filers.delegates[0];
    let filer = users::Entity::find_by_id(first)
        .one(db)
        .await
        .expect("query")
        .expect("delegate");
    let mut renamed: users::ActiveModel = filer.clone().into();
    renamed.name = Set("Delegate\r\nBcc: victim@example.org".into());
    let filer = renamed.update(db).await.expect("rename");
    let now = chrono::Utc::now();
    let case = cases::Entity::find()
        .one(db)
        .await
        .expect("query")
        .expect("a seeded case");
    // Kinds are a closed vocabulary in the code; the stored row names one no version knows.
    let mut rows = notifications::rows_for(
        std::slice::from_ref(&filer),
        &Notice {
            kind: NoticeKind::CaseFiled,
            case_id: Some(case.id),
            dedupe_base: "poison".into(),
            payload: serde_json::json!({}),
            timing: Timing::Now,
        },
        now,
    );
    for row in &mut rows {
        row.kind = Set("retired_kind".into());
    }
    notifications::insert_rows(db, rows)
        .await
        .expect("the poisoned row");

    let sink = Sink::start();
    let _node = Node::start("poisoned", &burst.url, sink.port).await;
    let due = usize::try_from(DUE).expect("a count");
    let took = wait_for("every notice settled", Duration::from_secs(180), || async {
        let d = Delivery::read(db, &sink).await;
        d.reminders_of(CASES) == due && d.pending() == 0 && d.received() >= due
    })
    .await;
    // A late copy of anything would show now.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let d = Delivery::read(db, &sink).await;
    let failed: Vec<_> = d.rows.iter().filter(|r| r.failed_at.is_some()).collect();
    let sent = d.rows.iter().filter(|r| r.sent_at.is_some()).count();
    println!(
        "poisoned notice among {}: {sent} delivered, {} failed, {} pending, {} duplicated, \
         settled in {:.1} s",
        d.rows.len(),
        failed.len(),
        d.pending(),
        d.duplicated().len(),
        took.as_secs_f64()
    );
    assert_eq!(d.rows.len(), due + 1);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].kind, "retired_kind");
    assert!(failed[0]
        .last_error
        .as_deref()
        .unwrap_or_default()
        .contains("retired_kind"));
    assert_eq!(sent, due, "every other notice was delivered");
    assert_eq!(d.pending(), 0, "none stuck");
    assert!(d.duplicated().is_empty());
    assert_eq!(d.strangers, 0);
    assert!(sink.to("victim@example.org").is_empty());
    for m in sink.to(&filer.email) {
        let to = m.header("To").unwrap_or_default();
        assert!(!to.contains('\n') && !to.contains('\r'), "{to:?}");
    }
    // Flagged: the failure joins the case's audit chain, which the registry's list reads.
    let flagged = case_events::Entity::find()
        .filter(case_events::Column::Action.eq("notice_failed"))
        .all(db)
        .await
        .expect("events");
    assert_eq!(flagged.len(), 1, "{flagged:?}");
}
