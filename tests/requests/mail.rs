//! The registry works the mail that arrived: the review queue by default, any other outcome
//! on request, each message as read and as it arrived. Nobody else learns it exists.
use redress::{
    app::App,
    models::inbound::{self, Via},
    settings::Settings,
};
use serde_json::Value;
use serial_test::serial;

use crate::support::*;

#[tokio::test]
#[serial]
async fn the_registry_reads_the_review_queue_newest_first_and_nobody_else_sees_it() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let settings = Settings::of(&ctx).expect("settings");
        let now = redress::clock::now(&ctx);
        let chinese = mail_fixture("html-only-chinese.eml");
        for (minutes, raw) in [
            (0, mail_fixture("filing-with-attachment.eml")),
            (1, mail_fixture("auto-reply.eml")),
            (2, chinese.clone()),
        ] {
            let at = now + chrono::Duration::minutes(minutes);
            inbound::receive(&ctx.db, &settings, &raw, Via::Pipe, at)
                .await
                .expect("kept");
        }

        let queue: Value = get(&server, &w.registrar, "/api/mail").await.json();
        let queue = queue.as_array().expect("a list");
        assert_eq!(
            queue.len(),
            2,
            "the auto-reply is not in the review queue: {queue:?}"
        );
        assert!(queue[0]["arrived_at"].as_str() > queue[1]["arrived_at"].as_str());
        assert!(queue
            .iter()
            .all(|m| m["outcome"] == "review" && m.get("raw").is_none()));
        let set_aside: Value = get(&server, &w.registrar, "/api/mail?outcome=set_aside")
            .await
            .json();
        assert_eq!(set_aside.as_array().map(Vec::len), Some(1), "{set_aside}");
        let second_page: Value = get(&server, &w.registrar, "/api/mail?per_page=1&page=2")
            .await
            .json();
        assert_eq!(second_page[0]["pid"], queue[1]["pid"]);

        // Newest first: the filing, which arrived first, is second.
        let filing = &queue[1];
        let pid = filing["pid"].as_str().expect("pid");
        let opened: Value = get(&server, &w.registrar, &format!("/api/mail/{pid}"))
            .await
            .json();
        assert!(
            !opened["text"].as_str().unwrap_or_default().is_empty(),
            "{opened}"
        );
        assert_eq!(
            opened["attachments"].as_array().map(Vec::len),
            Some(1),
            "its file, listed before anything is kept of it: {opened}"
        );
        let newest = queue[0]["pid"].as_str().expect("pid");
        let raw = get(&server, &w.registrar, &format!("/api/mail/{newest}/raw")).await;
        assert_eq!(raw.status_code(), 200);
        assert_eq!(raw.as_bytes().as_ref(), chinese.as_slice(), "as it arrived");
        assert_eq!(
            raw.header("content-type").to_str().expect("ascii"),
            "message/rfc822"
        );

        for who in [
            &w.complainant,
            &w.respondent,
            &w.mediator,
            &w.oversight,
            &w.admin,
        ] {
            for path in [
                "/api/mail".to_string(),
                format!("/api/mail/{pid}"),
                format!("/api/mail/{pid}/raw"),
            ] {
                let res = get(&server, who, &path).await;
                assert_eq!(res.status_code(), 404, "{path} for {:?}", who.actor.role);
            }
        }
        for bad in [
            "outcome=everything",
            "page=-1",
            "page=18446744073709551616",
            "colour=red",
        ] {
            let res = get(&server, &w.registrar, &format!("/api/mail?{bad}")).await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
        }
        // Paged as every list: a page past the end is empty.
        let far: Value = get(&server, &w.registrar, "/api/mail?page=9223372036854775807")
            .await
            .json();
        assert_eq!(far, serde_json::json!([]));
        let res = get(&server, &w.registrar, "/api/mail/not-a-pid").await;
        assert_eq!(res.status_code(), 404);
        let res = get(
            &server,
            &w.registrar,
            &format!("/api/mail/{}", uuid::Uuid::new_v4()),
        )
        .await;
        assert_eq!(res.status_code(), 404);
    })
    .await;
}
