use loco_rs::{boot::run_task, task};
use redress::{app::App, models::case_events};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde_json::json;
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn audit_verify_passes_on_real_cases_and_fails_once_an_event_is_edited() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let case = case_in_mediation(&server, &w).await;
        must(
            &server,
            &w.mediator,
            &case,
            json!({"action": "request_response", "request": "Account?"}),
        )
        .await;
        let vars = task::Vars::from_cli_args(vec![]);
        run_task::<App>(&ctx, Some(&"audit:verify".to_string()), &vars)
            .await
            .expect("a clean chain verifies");

        let first = case_events::Entity::find()
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        let mut am: case_events::ActiveModel = first.into();
        am.action = Set("dismiss".into());
        am.update(&ctx.db).await.unwrap();
        let res = run_task::<App>(&ctx, Some(&"audit:verify".to_string()), &vars).await;
        assert!(res.is_err(), "an edited event must be reported");
    })
    .await;
}
