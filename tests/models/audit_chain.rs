use chrono::Duration;
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    models::{
        case_events::{self, verify_chain, NewEvent},
        cases::filing::{file, NewCase, RespondentRef},
        vocabulary::{Category, Confidentiality, Language, Urgency},
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serial_test::serial;

use crate::support::{monday_morning, policy_at, world, World};

async fn case_with_events(ctx: &loco_rs::app::AppContext) -> i64 {
    filed_with_events(ctx, &world(ctx).await).await
}

async fn filed_with_events(ctx: &loco_rs::app::AppContext, w: &World) -> i64 {
    let now = monday_morning();
    let filed = file(
        &ctx.db,
        &policy_at(ctx, now).await,
        &w.complainant.actor,
        NewCase {
            title: "Agenda item dropped".into(),
            category: Category::AgendaSetting,
            body: "HRC".into(),
            incident_date: (now - Duration::days(3)).date_naive(),
            facts: "The item was removed from the agenda without consultation.".into(),
            remedy_sought: "Reinstatement of the item.".into(),
            respondent: RespondentRef::Body { code: "HRC".into() },
            co_complainants: vec![],
            confidentiality: Confidentiality::Public,
            language: Language::En,
            urgency: Urgency::Normal,
            idempotency_key: None,
        },
    )
    .await
    .expect("filed");
    let case_id = filed.case().id;
    for i in 1..=3 {
        case_events::append(
            &ctx.db,
            NewEvent {
                case_id,
                actor_id: Some(w.registrar.actor.id),
                action: redress::models::case_events::Recorded::Note,
                from: None,
                to: None,
                detail: serde_json::json!({ "n": i }),
            },
            now + Duration::minutes(i),
        )
        .await
        .expect("appended");
    }
    case_id
}

async fn events(ctx: &loco_rs::app::AppContext, case_id: i64) -> Vec<case_events::Model> {
    case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case_id))
        .order_by_asc(case_events::Column::Seq)
        .all(&ctx.db)
        .await
        .expect("events")
}

#[tokio::test]
#[serial]
async fn an_untouched_chain_verifies() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let case_id = case_with_events(&ctx).await;
    let chain = events(&ctx, case_id).await;
    assert_eq!(chain.len(), 4);
    assert!(verify_chain(&chain).is_empty());
}

#[tokio::test]
#[serial]
async fn an_edited_event_breaks_the_chain_at_that_event() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let case_id = case_with_events(&ctx).await;
    let second = events(&ctx, case_id).await.remove(1);
    let mut am: case_events::ActiveModel = second.into();
    am.detail = Set(r#"{"n":99}"#.into());
    am.update(&ctx.db).await.expect("tampered");
    let breaks = verify_chain(&events(&ctx, case_id).await);
    assert_eq!(breaks.len(), 1, "{breaks:?}");
    assert_eq!(breaks[0].seq, 2);
    assert!(breaks[0].problem.contains("edited"));
}

#[tokio::test]
#[serial]
async fn a_deleted_event_breaks_the_chain_after_the_gap() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let case_id = case_with_events(&ctx).await;
    let third = events(&ctx, case_id).await.remove(2);
    case_events::Entity::delete_by_id(third.id)
        .exec(&ctx.db)
        .await
        .expect("deleted");
    let breaks = verify_chain(&events(&ctx, case_id).await);
    assert!(
        breaks
            .iter()
            .any(|b| b.seq == 4 && b.problem.contains("missing")),
        "{breaks:?}"
    );
}

#[tokio::test]
#[serial]
async fn a_chain_starts_from_a_secret_seed_so_its_hashes_cannot_test_a_guess_of_who_filed() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let w = world(&ctx).await;
    let chain = events(&ctx, filed_with_events(&ctx, &w).await).await;
    let another = events(&ctx, filed_with_events(&ctx, &w).await).await;
    let seed = chain[0].prev_hash.clone();
    assert_ne!(seed, another[0].prev_hash, "each chain has its own seed");
    assert_ne!(seed, "0".repeat(64));
    // An attacker holds every hashed field of every event, the right actor and the previous
    // hash included (the timeline shows each hash): without the seed, which no view shows,
    // no event's hash can be reproduced, so none can confirm a guess of who acted.
    let unknown = "0".repeat(64);
    for e in &chain {
        let guess = case_events::Link::of(e, &unknown);
        assert_ne!(case_events::chain_hash(&guess), e.hash, "event #{}", e.seq);
        let keyed = case_events::Link::of(e, &seed);
        assert_eq!(case_events::chain_hash(&keyed), e.hash, "event #{}", e.seq);
    }
}

#[tokio::test]
#[serial]
async fn a_chain_whose_first_event_was_replaced_with_another_start_breaks_at_the_next() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let case_id = case_with_events(&ctx).await;
    let first = events(&ctx, case_id).await.remove(0);
    // A forger re-hashes the first event from a start of their own.
    let start = "f".repeat(64);
    let hash = case_events::chain_hash(&case_events::Link {
        prev_hash: &start,
        ..case_events::Link::of(&first, &start)
    });
    let mut am: case_events::ActiveModel = first.into();
    am.prev_hash = Set(start);
    am.hash = Set(hash);
    am.update(&ctx.db).await.expect("forged");
    let breaks = verify_chain(&events(&ctx, case_id).await);
    assert!(
        breaks
            .iter()
            .any(|b| b.seq == 2 && b.problem.contains("previous event")),
        "{breaks:?}"
    );
    // Every later link was keyed with the seed the forger replaced.
    for seq in 2..=4 {
        assert!(
            breaks
                .iter()
                .any(|b| b.seq == seq && b.problem.contains("edited")),
            "{breaks:?}"
        );
    }
    assert!(breaks.iter().all(|b| b.seq >= 2), "{breaks:?}");
}

#[tokio::test]
#[serial]
async fn a_chain_that_does_not_start_from_a_seed_is_named() {
    let boot = boot_test::<App>().await.expect("boot");
    let ctx = boot.app_context;
    let case_id = case_with_events(&ctx).await;
    let mut chain = events(&ctx, case_id).await;
    chain[0].prev_hash = "not a seed".into();
    let breaks = verify_chain(&chain);
    assert!(
        breaks
            .iter()
            .any(|b| b.seq == 1 && b.problem.contains("seed")),
        "{breaks:?}"
    );
}
