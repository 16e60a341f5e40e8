//! Closure metrics on a small history whose answers are worked out by hand: every case is
//! driven through the real filing and transition at chosen instants (March 2026, Zurich
//! calendar, no holidays), then every figure is asserted.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    models::{
        _entities::{cases, figure_changes, notifications},
        cases::{
            actions::ActionInput as I,
            filing::{file, NewCase, RespondentRef},
            transition::{transition, Command},
            Model as Case,
        },
        oversight::{
            figures::{self, Parts},
            metrics::{self, Scope},
        },
        users::Actor,
        vocabulary::{Category, Confidentiality, DismissalReason, Language, Urgency},
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::{json, Value};
use serial_test::serial;

use crate::support::*;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    let month = if day > 31 { 4 } else { 3 };
    let day = if day > 31 { day - 31 } else { day };
    Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0)
        .single()
        .expect("instant")
}

struct History<'a> {
    ctx: &'a loco_rs::app::AppContext,
}

impl History<'_> {
    async fn file(
        &self,
        who: &Actor,
        body: &str,
        category: Category,
        key: &str,
        when: DateTime<Utc>,
    ) -> Case {
        file(
            &self.ctx.db,
            &policy_at(self.ctx, when).await,
            who,
            NewCase {
                title: "Speaking slot cut from the debate".into(),
                category,
                body: body.into(),
                incident_date: NaiveDate::from_ymd_opt(2026, 2, 20).unwrap(),
                facts: "The chair removed our delegation from the speakers' list.".into(),
                remedy_sought: "A guaranteed slot.".into(),
                respondent: RespondentRef::Body { code: body.into() },
                co_complainants: Vec::new(),
                confidentiality: Confidentiality::Public,
                language: Language::En,
                urgency: Urgency::Normal,
                idempotency_key: Some(key.into()),
            },
        )
        .await
        .expect("filed")
        .case()
        .clone()
    }

    async fn act(&self, who: &Actor, case: &Case, input: I, when: DateTime<Utc>) -> Case {
        transition(
            &self.ctx.db,
            &policy_at(self.ctx, when).await,
            who,
            case.pid,
            Command::of(input.clone()),
        )
        .await
        .unwrap_or_else(|e| panic!("{input:?} at {when}: {e}"))
    }
}

/// Five cases, four of them filed in March:
/// - A: registered after 1 working day, eligible after 2, mediated (a hold, a granted
///   extension), accepted and closed after 6;
/// - B: registered late (3), dismissed (4), appealed, dismissed again, closed after 21;
/// - C (another body and category): registered the same day, withdrawn;
/// - D: never registered, so its acknowledgment is overdue;
/// - E: filed in April, outside the period.
async fn history(ctx: &loco_rs::app::AppContext, w: &World) -> (Case, Case) {
    let h = History { ctx };
    let (del, reg, med, res) = (
        &w.complainant.actor,
        &w.registrar.actor,
        &w.mediator.actor,
        &w.respondent.actor,
    );
    let a = h
        .file(del, "HRC", Category::SpeakingTime, "a", at(2, 9))
        .await;
    h.act(
        reg,
        &a,
        I::Register {
            note: None,
            note_audience: None,
        },
        at(3, 9),
    )
    .await;
    h.act(
        reg,
        &a,
        I::DeclareEligible {
            note: None,
            note_audience: None,
        },
        at(4, 9),
    )
    .await;
    h.act(
        med,
        &a,
        I::RequestResponse {
            request: "Your account, please.".into(),
        },
        at(5, 9),
    )
    .await;
    h.act(
        med,
        &a,
        I::PlaceHold {
            reason: "Waiting for the verbatim record.".into(),
        },
        at(5, 10),
    )
    .await;
    h.act(med, &a, I::LiftHold { note: None }, at(5, 11)).await;
    let formal = redress::models::deadlines::open_for_case(&ctx.db, a.id)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.kind == "formal_response")
        .expect("formal response clock");
    h.act(
        res,
        &a,
        I::RequestExtension {
            deadline_id: formal.id,
            days: 2,
            reason: "The chair is travelling.".into(),
        },
        at(5, 12),
    )
    .await;
    let request = redress::models::_entities::extension_requests::Entity::find()
        .one(&ctx.db)
        .await
        .unwrap()
        .unwrap();
    h.act(
        med,
        &a,
        I::DecideExtension {
            request: request.pid,
            grant: true,
            days: None,
            note: "Granted.".into(),
        },
        at(5, 13),
    )
    .await;
    h.act(
        res,
        &a,
        I::SubmitResponse {
            response: "We regret it and offer a slot.".into(),
        },
        at(6, 9),
    )
    .await;
    h.act(del, &a, I::AcceptResponse { note: None }, at(9, 9))
        .await;
    h.act(
        med,
        &a,
        I::Close {
            summary: "Slot granted.".into(),
        },
        at(10, 9),
    )
    .await;

    let b = h
        .file(del, "HRC", Category::SpeakingTime, "b", at(3, 9))
        .await;
    h.act(
        reg,
        &b,
        I::Register {
            note: None,
            note_audience: None,
        },
        at(6, 9),
    )
    .await;
    let dismiss = || I::Dismiss {
        reason: DismissalReason::OutsideMandate,
        note: "A national matter.".into(),
    };
    h.act(reg, &b, dismiss(), at(9, 9)).await;
    h.act(
        del,
        &b,
        I::Appeal {
            grounds: "The matter concerns the session's procedure.".into(),
        },
        at(10, 9),
    )
    .await;
    h.act(reg, &b, dismiss(), at(11, 9)).await;
    // The appeal window is 15 calendar days plus 5 for an LDC complainant.
    h.act(
        reg,
        &b,
        I::Close {
            summary: "Dismissal final.".into(),
        },
        at(32, 9),
    )
    .await;

    let c = h
        .file(del, "COP", Category::AgendaSetting, "c", at(4, 9))
        .await;
    h.act(
        reg,
        &c,
        I::Register {
            note: None,
            note_audience: None,
        },
        at(4, 15),
    )
    .await;
    h.act(del, &c, I::Withdraw { reason: None }, at(5, 9)).await;

    let d = h
        .file(del, "HRC", Category::SpeakingTime, "d", at(5, 9))
        .await;
    let e = h
        .file(del, "HRC", Category::SpeakingTime, "e", at(32, 9))
        .await;
    h.act(
        reg,
        &e,
        I::Register {
            note: None,
            note_audience: None,
        },
        at(32, 10),
    )
    .await;

    // One of A's notices could not be delivered.
    let notice = notifications::Entity::find()
        .filter(notifications::Column::CaseId.eq(a.id))
        .one(&ctx.db)
        .await
        .unwrap()
        .expect("a notice");
    let mut am: notifications::ActiveModel = notice.into();
    am.failed_at = Set(Some(at(10, 10).into()));
    am.update(&ctx.db).await.unwrap();
    (c, d)
}

fn march() -> (DateTime<Utc>, DateTime<Utc>) {
    (at(1, 0), at(32, 0))
}

#[tokio::test]
#[serial]
async fn closure_metrics_match_a_history_worked_out_by_hand() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        history(&ctx, &w).await;
        let (from, to) = march();
        let scope = Scope::resolve(&ctx.db, from, to, None, None, None)
            .await
            .unwrap();
        let m = metrics::overview(&ctx.db, &scope, at(33, 12))
            .await
            .unwrap();
        let got = serde_json::to_value(&m).unwrap();

        assert_eq!(got["filed"], 4);
        assert_eq!(got["registered"], 3);
        assert_eq!(got["dismissed"], 1);
        assert_eq!(got["dismissed_by_reason"], json!({"outside_mandate": 1}));
        assert_eq!(
            got["by_status"],
            json!({"closed": 2, "withdrawn": 1, "submitted": 1})
        );
        assert_eq!(got["open_by_status"], json!({"submitted": 1}));
        assert_eq!(got["closed"], 2);
        assert_eq!(
            got["closed_by_outcome"],
            json!({"response_accepted": 1, "dismissed": 1})
        );
        // Acknowledged after 0 (C), 1 (A) and 3 (B) working days.
        assert_eq!(
            got["time_to_acknowledge"],
            json!({"count": 3, "median": 1, "p90": 3, "max": 3})
        );
        // First eligibility decisions: A after 2, B after 4 (the second dismissal does not count).
        assert_eq!(
            got["time_to_eligibility"],
            json!({"count": 2, "median": 2, "p90": 4, "max": 4})
        );
        // Closed after 6 (A: 3-6, 9, 10 March) and 21 (B: 4 March to 1 April).
        assert_eq!(
            got["time_to_closure"],
            json!({"count": 2, "median": 6, "p90": 21, "max": 21})
        );

        let ack = &got["deadlines_by_kind"]["acknowledge"];
        assert_eq!(
            (
                ack["met_on_time"].as_u64(),
                ack["met_late"].as_u64(),
                ack["overdue"].as_u64()
            ),
            (Some(2), Some(1), Some(1))
        );
        assert_eq!(ack["share_met_on_time"], 50.0);
        let eligibility = &got["deadlines_by_kind"]["eligibility"];
        assert_eq!(
            (
                eligibility["met_on_time"].as_u64(),
                eligibility["cancelled"].as_u64()
            ),
            (Some(3), Some(1))
        );
        assert!(
            got["deadlines_by_kind"].get("appeal_window").is_none(),
            "a right, not an obligation"
        );
        for kind in [
            "mediator_assignment",
            "formal_response",
            "complainant_reply",
            "resolution",
        ] {
            assert_eq!(got["deadlines_by_kind"][kind]["met_on_time"], 1, "{kind}");
            assert_eq!(
                got["deadlines_by_kind"][kind]["share_met_on_time"], 100.0,
                "{kind}"
            );
        }
        let registry = &got["deadlines_by_party"]["registrar"];
        assert_eq!(registry["met_on_time"], 6);
        assert_eq!(registry["share_met_on_time"], 75.0);
        assert_eq!(got["overdue_cases"], 1);
        assert_eq!(got["holds"], 1);
        assert_eq!(
            got["extensions"],
            json!({"requested": 1, "granted": 1, "refused": 0, "pending": 0})
        );
        assert_eq!(got["appealed"], 1);
        assert_eq!(got["notices_failed"], 1);

        // Filters narrow the cohort.
        let cop = Scope::resolve(&ctx.db, from, to, Some("COP"), None, None)
            .await
            .unwrap();
        let m = metrics::overview(&ctx.db, &cop, at(33, 12)).await.unwrap();
        assert_eq!(
            (m.filed, m.registered, m.by_status.get("withdrawn").copied()),
            (1, 1, Some(1))
        );
        let agenda = Scope::resolve(&ctx.db, from, to, None, Some(Category::AgendaSetting), None)
            .await
            .unwrap();
        assert_eq!(
            metrics::overview(&ctx.db, &agenda, at(33, 12))
                .await
                .unwrap()
                .filed,
            1
        );
        let against_hrc = Scope::resolve(&ctx.db, from, to, None, None, Some("hrc"))
            .await
            .unwrap();
        assert_eq!(
            metrics::overview(&ctx.db, &against_hrc, at(33, 12))
                .await
                .unwrap()
                .filed,
            3
        );
        let april = Scope::resolve(&ctx.db, at(32, 0), at(33, 0), None, None, None)
            .await
            .unwrap();
        let m = metrics::overview(&ctx.db, &april, at(33, 12))
            .await
            .unwrap();
        assert_eq!((m.filed, m.time_to_acknowledge.median), (1, Some(0)));

        // Over HTTP, as JSON and as CSV, for oversight and the registry only.
        let path = "/api/oversight/metrics?from=2026-03-01&to=2026-03-31";
        let res = get(&server, &w.oversight, path).await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let body: Value = res.json();
        assert_eq!(body["filed"], 4);
        assert_eq!(body["time_to_closure"], got["time_to_closure"]);
        let csv = get(
            &server,
            &w.registrar,
            "/api/oversight/metrics.csv?from=2026-03-01&to=2026-03-31",
        )
        .await;
        assert_eq!(csv.status_code(), 200);
        assert!(csv
            .header("content-type")
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let text = csv.text();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            rows.headers().unwrap(),
            vec!["section", "key", "measure", "value"]
        );
        let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        let find = |section: &str, key: &str, measure: &str| {
            records
                .iter()
                .find(|r| &r[0] == section && &r[1] == key && &r[2] == measure)
                .map(|r| r[3].to_string())
        };
        assert_eq!(find("cases", "filed", "count").as_deref(), Some("4"));
        assert_eq!(
            find("time_to_closure", "", "p90_working_days").as_deref(),
            Some("21")
        );
        assert_eq!(
            find(
                "deadlines_by_kind",
                "acknowledge",
                "share_met_on_time_percent"
            )
            .as_deref(),
            Some("50")
        );
        assert_eq!(
            find("dismissed_by_reason", "outside_mandate", "count").as_deref(),
            Some("1")
        );
        for who in [&w.complainant, &w.respondent, &w.mediator, &w.admin] {
            assert_eq!(
                get(&server, who, path).await.status_code(),
                404,
                "{}",
                who.email
            );
        }

        // Trends by each event's own month: filings, closures, and the obligations that fell
        // due (March: 8 of 10 on time, B's late acknowledgment and D's missing one; April:
        // E's acknowledgment on time, its eligibility decision never made).
        let trends: Value = get(&server, &w.oversight, "/api/oversight/trends?from=2026-03-01&to=2026-04-30").await.json();
        assert_eq!(trends["items"], json!([
            {"month": "2026-03", "filed": 4, "closed": 1, "deadlines_due": 10, "deadlines_met_on_time": 8, "share_met_on_time": 80.0, "partial": false},
            {"month": "2026-04", "filed": 1, "closed": 1, "deadlines_due": 2, "deadlines_met_on_time": 1, "share_met_on_time": 50.0, "partial": false},
        ]));
        let csv = get(&server, &w.oversight, "/api/oversight/trends.csv?from=2026-03-01&to=2026-04-30").await.text();
        assert_eq!(csv.lines().next(), Some("month,filed,closed,deadlines_due,deadlines_met_on_time,share_met_on_time_percent"));
        assert_eq!(csv.lines().nth(1), Some("2026-03,4,1,10,8,80"));

        // Only A had a mediator: closed after 6 working days, its resolution clock met.
        let mediators: Value = get(&server, &w.registrar, "/api/oversight/mediators?from=2026-03-01&to=2026-03-31").await.json();
        let items = mediators["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["pid"], w.mediator.pid());
        assert_eq!(items[0]["regional_group"], "african");
        assert_eq!((items[0]["cases"].as_u64(), items[0]["open"].as_u64(), items[0]["closed"].as_u64()), (Some(1), Some(0), Some(1)));
        assert_eq!(items[0]["time_to_closure"]["median"], 6);
        assert_eq!(items[0]["deadlines"]["met_on_time"], 1);
        let csv = get(&server, &w.registrar, "/api/oversight/mediators.csv?from=2026-03-01&to=2026-03-31").await.text();
        assert_eq!(csv.lines().count(), 2);
        let chart = get(&server, &w.oversight, "/api/oversight/charts/trends.svg?from=2026-03-01&to=2026-04-30").await;
        assert_eq!(chart.status_code(), 200);
        assert_eq!(chart.header("content-type").to_str().unwrap(), "image/svg+xml");
        assert!(chart.text().contains("2026-04") && chart.text().contains("<polyline"));
        let chart = get(&server, &w.oversight, "/api/oversight/charts/outcomes.svg?from=2026-03-01&to=2026-03-31").await.text();
        assert!(chart.contains("Response accepted") && chart.contains("Dismissed"), "{chart}");
        for path in ["/api/oversight/trends", "/api/oversight/mediators", "/api/oversight/charts/trends.svg"] {
            assert_eq!(get(&server, &w.mediator, path).await.status_code(), 404);
        }
        for bad in [
            "body=NOPE",
            "respondent=ATLANTIS",
            "category=weather",
            "from=2026-04-01&to=2026-03-01",
            "from=March",
            "limit=3",
        ] {
            let res = get(
                &server,
                &w.oversight,
                &format!("/api/oversight/metrics?{bad}"),
            )
            .await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_seeded_bias_against_ldc_complainants_is_flagged_and_small_groups_are_not() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let dismiss = json!({"action": "dismiss", "reason": "manifestly_unfounded", "note": "No procedural rule was broken."});
        let eligible = json!({"action": "declare_eligible"});
        // Tuvalu (LDC, SIDS, Asia-Pacific): 6 of 8 dismissed in English, 2 of 2 in French.
        // Bolivia (LLDC, Latin America): 1 of 8 dismissed.
        let mut plan = Vec::new();
        for i in 0..8 {
            plan.push((&w.complainant, "en", i < 6));
            plan.push((&w.outsider, "en", i < 1));
        }
        plan.push((&w.complainant, "fr", true));
        plan.push((&w.complainant, "fr", true));
        for (who, language, dismissed) in plan {
            let mut g = grievance();
            g["language"] = json!(language);
            g["co_complainants"] = json!([]);
            let case = file_as(&server, who, &g).await;
            must(&server, &w.registrar, &case, json!({"action": "register"})).await;
            must(&server, &w.registrar, &case, if dismissed { dismiss.clone() } else { eligible.clone() }).await;
        }

        let res = get(&server, &w.oversight, "/api/oversight/disparities").await;
        assert_eq!(res.status_code(), 200, "{}", res.text());
        let d: Value = res.json();
        assert_eq!(d["min_cases"], 5);
        assert_eq!(d["all"]["eligibility_decided"], 18);
        let group = |dimension: &str, name: &str| {
            d[dimension].as_array().unwrap().iter().find(|c| c["group"]["group"] == name).cloned()
                .unwrap_or_else(|| panic!("no {name} in {dimension}"))
        };
        let ldc = group("by_complainant_group", "ldc");
        assert_eq!((ldc["group"]["eligibility_decided"].as_u64(), ldc["group"]["dismissed"].as_u64()), (Some(10), Some(8)));
        assert_eq!(ldc["group"]["dismissal_rate"], 80.0);
        assert_eq!(ldc["rest"]["dismissal_rate"], 12.5);
        assert_eq!(ldc["flags"], json!([{"measure": "dismissal_rate", "group_value": 80.0, "rest_value": 12.5,
            "difference": 67.5, "margin": 10.0, "group_count": 10, "rest_count": 8}]));
        for name in ["sids", "asia_pacific", "lldc", "latin_american_caribbean"] {
            assert_eq!(group("by_complainant_group", name)["flags"].as_array().unwrap().len(), 1, "{name}");
        }
        assert_eq!(group("by_complainant_group", "lldc")["flags"][0]["difference"], -67.5);
        assert!(d["by_complainant_group"].as_array().unwrap().iter().all(|c| c["group"]["group"] != "other"),
            "a group with no cases is not listed");
        // French: 2 decisions, all dismissals, but too few to judge; English: the rest is too small.
        let french = group("by_language", "fr");
        assert_eq!(french["group"]["dismissal_rate"], 100.0);
        assert_eq!(french["flags"], json!([]));
        assert_eq!(group("by_language", "en")["flags"], json!([]));

        let chart = get(&server, &w.oversight, "/api/oversight/charts/disparities.svg").await.text();
        assert!(
            chart.contains("LDC") && chart.contains("LLDC") && chart.contains("Asia-Pacific"),
            "groups are named in the viewer's language: {chart}"
        );
        assert!(chart.to_uppercase().contains("#A4161A"), "flagged groups are drawn in the pages' red");
        let csv = get(&server, &w.registrar, "/api/oversight/disparities.csv").await;
        assert_eq!(csv.status_code(), 200);
        let text = csv.text();
        assert!(text.starts_with("dimension,group,side,measure,value"));
        assert!(text.contains("complainant_group,ldc,flag,dismissal_rate,67.5"), "{text}");
        assert!(text.contains("language,fr,group,dismissal_rate_percent,100"));
        for who in [&w.complainant, &w.mediator, &w.admin] {
            assert_eq!(get(&server, who, "/api/oversight/disparities").await.status_code(), 404);
        }
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_review_sample_is_reproducible_from_its_seed_and_every_draw_is_recorded() {
    request::<App, _, _>(|server, ctx| async move {
        let w = world(&ctx).await;
        let mut references = Vec::new();
        for _ in 0..6 {
            let case = file_as(&server, &w.complainant, &grievance()).await;
            must(
                &server,
                &w.complainant,
                &case,
                json!({"action": "withdraw"}),
            )
            .await;
            must(
                &server,
                &w.registrar,
                &case,
                json!({"action": "close", "summary": "Withdrawn by the complainant."}),
            )
            .await;
            references.push(case["reference"].as_str().unwrap().to_string());
        }
        file_as(&server, &w.complainant, &grievance()).await; // open: never in a sample

        let draw = |body: Value| {
            let (server, who) = (&server, &w.oversight);
            async move { post(server, who, "/api/oversight/samples", &body).await }
        };
        let first = draw(json!({"size": 3, "seed": 42})).await;
        assert_eq!(first.status_code(), 201, "{}", first.text());
        let first: Value = first.json();
        assert_eq!(first["population"], 6);
        assert_eq!(first["seed"], "42");
        let expected: Vec<&String> = redress::models::oversight::samples::positions(42, 6, 3)
            .into_iter()
            .map(|i| &references[i])
            .collect();
        assert_eq!(first["cases"], json!(expected));
        let again: Value = draw(json!({"size": 3, "seed": 42})).await.json();
        assert_eq!(
            again["cases"], first["cases"],
            "the same seed draws the same cases"
        );
        let unseeded: Value = draw(json!({"size": 10})).await.json();
        assert_eq!(
            unseeded["cases"].as_array().unwrap().len(),
            6,
            "a small population is taken whole"
        );
        assert!(unseeded["seed"].as_str().unwrap().parse::<u64>().is_ok());

        for bad in [
            json!({"size": 0}),
            json!({"size": 500}),
            json!({"size": 3, "seed": "forty-two"}),
            json!({"size": 3, "seed": -1}),
            json!({"size": 3, "body": "NOPE"}),
            json!({"size": 3, "colour": "red"}),
        ] {
            let res = draw(bad.clone()).await;
            assert_eq!(res.status_code(), 422, "{bad}: {}", res.text());
        }
        assert_eq!(
            post(
                &server,
                &w.registrar,
                "/api/oversight/samples",
                &json!({"size": 3})
            )
            .await
            .status_code(),
            404
        );
        let log: Value = get(&server, &w.registrar, "/api/oversight/samples")
            .await
            .json();
        let items = log["items"].as_array().unwrap();
        assert_eq!(items.len(), 3, "every draw is recorded");
        assert!(items
            .iter()
            .all(|d| d["drawn_by"] == format!("Test {}", w.oversight.email)));
        assert_eq!(
            get(&server, &w.mediator, "/api/oversight/samples")
                .await
                .status_code(),
            404
        );
    })
    .await;
}

fn day(month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, 0, 0, 0)
        .single()
        .expect("day")
}

#[tokio::test]
#[serial]
async fn kept_summaries_give_the_same_figures_as_the_cases_for_any_period() {
    request::<App, _, _>(|_server, ctx| async move {
        let w = world(&ctx).await;
        history(&ctx, &w).await;
        let now = at(33, 12);
        let all = Parts {
            overview: true,
            series: true,
            cells: true,
            mediators: true,
        };
        let everything = Scope::resolve(&ctx.db, day(1, 1), day(12, 1), None, None, None)
            .await
            .unwrap();
        let cop = Scope::resolve(&ctx.db, day(1, 1), day(12, 1), Some("COP"), None, None)
            .await
            .unwrap();
        // Whole months, edges inside two months, one day, one day without cases, from the
        // beginning; for every body and for one.
        let periods = [
            (Some(day(3, 1)), day(4, 1)),
            (Some(day(3, 3)), day(4, 2)),
            (Some(day(3, 4)), day(3, 5)),
            (Some(day(3, 7)), day(3, 8)),
            (None, day(4, 2)),
            (Some(day(2, 1)), day(5, 1)),
        ];
        for scope in [&everything, &cop] {
            for (from, to) in periods {
                let kept = figures::gather(&ctx.db, scope, from, to, all, now)
                    .await
                    .unwrap();
                let mut condition = scope.filters().add(cases::Column::FiledAt.lt(to));
                if let Some(from) = from {
                    condition = condition.add(cases::Column::FiledAt.gte(from));
                }
                let direct = figures::compute(&ctx.db, condition).await.unwrap();
                assert_eq!(kept, direct, "{:?} {from:?}..{to}", scope.body_id);
            }
        }
        let whole = figures::gather(&ctx.db, &everything, None, day(12, 1), all, now)
            .await
            .unwrap();
        assert_eq!(whole.cases, 5);
        assert_eq!(whole.overview.holds, 1);
        assert_eq!(whole.overview.extensions.get("granted"), Some(&1));
    })
    .await;
}

#[tokio::test]
#[serial]
async fn a_change_after_figures_were_read_is_in_the_next_figures() {
    request::<App, _, _>(|_server, ctx| async move {
        let w = world(&ctx).await;
        let (_, d) = history(&ctx, &w).await;
        let (from, to) = march();
        let scope = Scope::resolve(&ctx.db, from, to, None, None, None)
            .await
            .unwrap();
        let before = metrics::overview(&ctx.db, &scope, at(33, 12))
            .await
            .unwrap();
        assert_eq!(before.by_status.get("submitted"), Some(&1));
        assert_eq!(before.registered, 3);
        assert_eq!(
            figure_changes::Entity::find().count(&ctx.db).await.unwrap(),
            0,
            "reading folds every recorded change in"
        );

        transition(
            &ctx.db,
            &policy_at(&ctx, at(33, 9)).await,
            &w.registrar.actor,
            d.pid,
            Command::of(I::Register {
                note: None,
                note_audience: None,
            }),
        )
        .await
        .unwrap();
        assert_eq!(
            figure_changes::Entity::find().count(&ctx.db).await.unwrap(),
            1
        );
        let after = metrics::overview(&ctx.db, &scope, at(33, 12))
            .await
            .unwrap();
        assert_eq!(after.by_status.get("submitted"), None);
        assert_eq!(after.by_status.get("registered"), Some(&1));
        assert_eq!(after.registered, 4);
        assert_eq!(after.filed, before.filed);
    })
    .await;
}
