//! The registry's desk: the intake queue (to register, to assess, awaiting a mediator), the
//! mediators' loads, and notices that could not be delivered.
use axum::{
    extract::{Path, Query},
    http::StatusCode,
    response::Response,
};
use serde_json::{json, Value};

use super::{Posted, Visitor, WebError};
use crate::{
    errors::AppError,
    models::{
        cases::{self, CaseFilter, CaseStatus},
        inbound::{
            queue::{self, MailFilter},
            MailOutcome,
        },
        mediators::ledger,
        notifications,
        vocabulary::Role,
    },
    views::{
        cases::CaseSummary,
        mediators::{LoadList, LoadView},
        Instant,
    },
};

/// Rows of each intake queue shown on the desk.
const QUEUE_ROWS: u64 = 25;

async fn queue(v: &Visitor, status: CaseStatus) -> Result<(Vec<Value>, u64), WebError> {
    let me = v.signed_in()?;
    let policy = v.policy().await?;
    let calendar = &policy.calendar;
    // The intake queue is worked oldest first; the rest is on the case list.
    let filter = CaseFilter {
        status: Some(status),
        oldest_first: Some(true),
        per_page: Some(QUEUE_ROWS),
        ..CaseFilter::default()
    };
    let listing = cases::list_for(&v.ctx.db, &me.actor, &filter, v.now).await?;
    let rows: Vec<CaseSummary> = listing
        .items
        .iter()
        .map(|c| CaseSummary::new(c, &listing.context, &me.actor, calendar, v.now))
        .collect();
    Ok((
        rows.iter().map(|s| super::cases::row(v, s)).collect(),
        listing.total,
    ))
}

/// `GET /desk`
pub async fn index(v: Visitor) -> Result<Response, WebError> {
    v.with_role(&[Role::Registrar])?;
    let (submitted, submitted_total) = queue(&v, CaseStatus::Submitted).await?;
    let (registered, registered_total) = queue(&v, CaseStatus::Registered).await?;
    let (assessing, assessing_total) = queue(&v, CaseStatus::UnderAssessment).await?;
    let (items, awaiting_mediator) = ledger::loads(&v.ctx.db, v.now).await?;
    let loads = LoadList {
        items: items.iter().map(LoadView::from).collect(),
        awaiting_mediator,
    };
    v.page(
        StatusCode::OK,
        "desk/index.html",
        "desk-title",
        json!({
            "queues": [
                { "key": "desk-to-register", "rows": submitted, "total": submitted_total, "status": "submitted" },
                { "key": "desk-registered", "rows": registered, "total": registered_total, "status": "registered" },
                { "key": "desk-assessing", "rows": assessing, "total": assessing_total, "status": "under_assessment" },
            ],
            "loads": loads,
        }),
    )
}

/// `GET /desk/notices`
pub async fn notices(v: Visitor) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Registrar, Role::Oversight, Role::Mediator])?;
    let items = notifications::failures_for(&v.ctx.db, &me.actor, 500).await?;
    let delivery = notifications::delivery_for(&v.ctx.db, &me.actor).await?;
    let rows: Vec<Value> = items
        .iter()
        .map(|f| {
            let mut row = serde_json::to_value(f).unwrap_or(Value::Null);
            if let Some(obj) = row.as_object_mut() {
                obj.insert(
                    "failed".into(),
                    serde_json::to_value(Instant::new(f.failed_at, me.actor.zone))
                        .unwrap_or(Value::Null),
                );
            }
            row
        })
        .collect();
    v.page(
        StatusCode::OK,
        "desk/notices.html",
        "notices-title",
        json!({ "rows": rows, "delivery": delivery, "can_retry": me.actor.role != Role::Oversight }),
    )
}

/// `POST /desk/notices/{id}/retry`
pub async fn retry(
    Path(id): Path<String>,
    Posted { v, form }: Posted,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Registrar, Role::Mediator])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let outcome = match id.parse::<i64>() {
        Ok(id) => notifications::requeue(&v.ctx.db, &me.actor, id, v.now).await,
        Err(_) => Err(AppError::NotFound),
    };
    v.answer(
        &form,
        outcome,
        "/desk/notices",
        "flash-requeued",
        |_, errors| async { Err(AppError::Validation(errors).into()) },
    )
    .await
}

/// The outcomes the mail page has a tab for, in its order.
const MAIL_TABS: [MailOutcome; 4] = [
    MailOutcome::Review,
    MailOutcome::Placed,
    MailOutcome::Bounce,
    MailOutcome::SetAside,
];

/// `GET /desk/mail`: mail that reached the registry, the review queue first.
pub async fn mail(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Registrar])?;
    let filter: MailFilter = super::parse_query(&raw)?;
    let shown = filter.outcome.unwrap_or(MailOutcome::Review);
    let items = queue::list(&v.ctx.db, &me.actor, &filter).await?;
    let rows: Vec<Value> = items
        .iter()
        .map(|m| {
            let mut row = serde_json::to_value(m).unwrap_or(Value::Null);
            if let Some(obj) = row.as_object_mut() {
                obj.insert(
                    "arrived".into(),
                    serde_json::to_value(Instant::new(m.arrived_at, me.actor.zone))
                        .unwrap_or(Value::Null),
                );
                obj.insert("kb".into(), json!((m.size + 1023) / 1024));
            }
            row
        })
        .collect();
    let tabs: Vec<Value> = MAIL_TABS
        .iter()
        .map(|o| {
            json!({
                "href": format!("/desk/mail?outcome={o}"),
                "key": format!("received-outcome-{o}"),
                "current": *o == shown,
            })
        })
        .collect();
    v.page(
        StatusCode::OK,
        "desk/mail.html",
        "received-title",
        json!({ "rows": rows, "tabs": tabs, "outcome": shown }),
    )
}

/// `GET /desk/mail/{pid}`: one message as Redress read it (its words without quoted history,
/// its files, why it is where it is), for a registrar who cannot open the raw message.
pub async fn mail_one(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Registrar])?;
    let message = crate::controllers::extract::pid(&raw)?;
    let host = crate::settings::Settings::of(&v.ctx)?
        .public_host()
        .to_string();
    let opened = queue::open(&v.ctx.db, &me.actor, message, &host).await?;
    let arrived = Instant::new(opened.listed.arrived_at, me.actor.zone);
    v.page(
        StatusCode::OK,
        "desk/mail_one.html",
        "received-title",
        json!({ "m": opened, "arrived": arrived }),
    )
}

/// `GET /desk/mail/{pid}/raw`: one message exactly as it arrived.
pub async fn mail_raw(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Registrar])?;
    let message = crate::controllers::extract::pid(&raw)?;
    let bytes = queue::raw(&v.ctx.db, &me.actor, message).await?;
    Ok(crate::controllers::mail::rfc822(message, bytes))
}
