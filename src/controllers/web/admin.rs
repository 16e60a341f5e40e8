//! What admins manage from the browser: people, delegations, bodies, mediator profiles, the
//! holiday calendar; and the timeline policies in force, to read. Never case content.
use axum::{extract::Path, extract::Query, http::StatusCode, response::Response};
use serde_json::{json, Map, Value};

use super::{field_messages, forms, parse_query, Posted, Visitor, WebError};
use crate::{
    controllers::extract::pid,
    errors::{AppError, FieldErrors},
    models::{
        bodies, delegations, holidays, mediators, users,
        vocabulary::{BodyKind, Language, Locale, Role},
    },
    settings::Settings,
    views::{
        mediators::ProfileView,
        people::{BodyView, DelegationView, HolidayView, UserView},
    },
};

async fn delegation_views(
    db: &sea_orm::DatabaseConnection,
) -> Result<Vec<DelegationView>, WebError> {
    Ok(delegations::list(db)
        .await?
        .iter()
        .map(DelegationView::from)
        .collect())
}

async fn body_views(db: &sea_orm::DatabaseConnection) -> Result<Vec<BodyView>, WebError> {
    Ok(bodies::list(db).await?.iter().map(BodyView::from).collect())
}

async fn users_page(
    v: &Visitor,
    status: StatusCode,
    role: Option<Role>,
    values: Map<String, Value>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let mut rows = Vec::new();
    for u in users::list(&v.ctx.db, role).await? {
        let aff = u.affiliation_codes(&v.ctx.db).await?;
        rows.push(UserView::new(&u, aff));
    }
    let delegations = delegation_views(&v.ctx.db).await?;
    let bodies = body_views(&v.ctx.db).await?;
    v.page(
        status,
        "admin/users.html",
        "users-title",
        json!({
            "rows": rows,
            "role": role,
            "roles": Role::names(),
            "locales": Locale::names(),
            "zones": users::offered_zones(),
            "delegations": delegations,
            "bodies": bodies,
            "values": values,
            "errors": field_messages(v.locale, errors),
        }),
    )
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleQuery {
    role: Option<Role>,
}

/// `GET /admin/users`
pub async fn users_index(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let q: RoleQuery = parse_query(&raw)?;
    let mut values = Map::new();
    values.insert("time_zone".into(), Value::String("Europe/Zurich".into()));
    users_page(&v, StatusCode::OK, q.role, values, &FieldErrors::new()).await
}

/// `POST /admin/users`: accredits someone; without a password they set one from the
/// emailed reset code.
pub async fn accredit(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let outcome = async {
        let settings = Settings::of(&v.ctx)?;
        forms::new_user(&form)
            .map_err(AppError::Validation)?
            .accredit(&v.ctx.db, &me.actor, &settings, v.now)
            .await
            .map(|_| ())
    }
    .await;
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        "/admin/users",
        "flash-accredited",
        move |status, errors| async move {
            users_page(
                page,
                status,
                None,
                sent.echo(),
                &errors,
            )
            .await
        },
    )
    .await
}

async fn user_page(
    v: &Visitor,
    raw: &str,
    status: StatusCode,
    values: Option<Map<String, Value>>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let user = users::by_pid(&v.ctx.db, pid(raw)?).await?;
    let aff = user.affiliation_codes(&v.ctx.db).await?;
    let view = UserView::new(&user, aff);
    let values = values.unwrap_or_else(|| {
        let mut m = Map::new();
        m.insert("name".into(), Value::String(view.name.clone()));
        m.insert("locale".into(), Value::String(view.locale.clone()));
        m.insert("time_zone".into(), Value::String(view.time_zone.clone()));
        m.insert(
            "active".into(),
            Value::String(if view.active { "yes" } else { "no" }.into()),
        );
        m
    });
    v.page(
        status,
        "admin/user.html",
        "user-title",
        json!({
            "user": view,
            "locales": Locale::names(),
            "zones": users::offered_zones(),
            "values": values,
            "errors": field_messages(v.locale, errors),
        }),
    )
}

/// `GET /admin/users/{pid}`
pub async fn user_edit(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    user_page(&v, &raw, StatusCode::OK, None, &FieldErrors::new()).await
}

/// `POST /admin/users/{pid}`
pub async fn user_update(
    Path(raw): Path<String>,
    Posted { v, form }: Posted,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    let outcome = async {
        forms::user_change(&form)
            .map_err(AppError::Validation)?
            .apply(&v.ctx.db, &me.actor, pid(&raw)?, v.now)
            .await
            .map(|_| ())
    }
    .await;
    let location = format!("/admin/users/{raw}");
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        &location,
        "flash-saved",
        move |status, errors| async move {
            user_page(page, &raw, status, Some(sent.echo()), &errors).await
        },
    )
    .await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    q: Option<String>,
}

/// `GET /admin/delegations?q=`: the member states, or those a search names: by code, or by
/// a name in any language the pages speak containing the words, whatever their accents.
pub async fn delegations_index(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let query: SearchQuery = parse_query(&raw)?;
    let q = query.q.unwrap_or_default();
    let states = delegations::list(&v.ctx.db).await?;
    let names = delegations::StateNames::of(&states);
    let found: Vec<&delegations::Model> = if q.trim().is_empty() {
        states.iter().collect()
    } else {
        let mut found = names.containing(&q);
        found.extend(
            names
                .coded(&q)
                .filter(|d| !found.iter().any(|f| f.id == d.id)),
        );
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found
    };
    let rows: Vec<DelegationView> = found.into_iter().map(DelegationView::from).collect();
    v.page(
        StatusCode::OK,
        "admin/delegations.html",
        "delegations-title",
        json!({ "rows": rows, "q": q }),
    )
}

async fn bodies_page(
    v: &Visitor,
    status: StatusCode,
    values: Map<String, Value>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let rows = body_views(&v.ctx.db).await?;
    v.page(
        status,
        "admin/bodies.html",
        "bodies-title",
        json!({
            "rows": rows,
            "kinds": BodyKind::names(),
            "translations": Locale::names().into_iter().filter(|l| *l != "en").collect::<Vec<_>>(),
            "values": values,
            "errors": field_messages(v.locale, errors),
        }),
    )
}

/// `GET /admin/bodies`
pub async fn bodies_index(v: Visitor) -> Result<Response, WebError> {
    bodies_page(&v, StatusCode::OK, Map::new(), &FieldErrors::new()).await
}

/// `POST /admin/bodies`
pub async fn body_create(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let outcome = async {
        forms::new_body(&form)
            .map_err(AppError::Validation)?
            .add(&v.ctx.db, &me.actor, v.now)
            .await
            .map(|_| ())
    }
    .await;
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        "/admin/bodies",
        "flash-saved",
        move |status, errors| async move { bodies_page(page, status, sent.echo(), &errors).await },
    )
    .await
}

/// `GET /admin/mediators`
pub async fn mediators_index(v: Visitor) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let people = users::list(&v.ctx.db, Some(Role::Mediator)).await?;
    let mut rows = Vec::new();
    for u in &people {
        let profile = mediators::profile(&v.ctx.db, u.pid).await?;
        rows.push(ProfileView::from(&profile));
    }
    v.page(
        StatusCode::OK,
        "admin/mediators.html",
        "mediators-title",
        json!({ "rows": rows }),
    )
}

async fn mediator_page(
    v: &Visitor,
    raw: &str,
    status: StatusCode,
    values: Option<Map<String, Value>>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let profile = ProfileView::from(&mediators::profile(&v.ctx.db, pid(raw)?).await?);
    let values = values.unwrap_or_else(|| {
        let mut m = Map::new();
        m.insert("capacity".into(), Value::from(profile.capacity.to_string()));
        m.insert(
            "on_leave".into(),
            Value::String(if profile.on_leave { "yes" } else { "no" }.into()),
        );
        m.insert("languages".into(), json!(profile.languages));
        m.insert(
            "conflicting_delegations".into(),
            json!(profile.conflicting_delegations),
        );
        m.insert(
            "conflicting_bodies".into(),
            json!(profile.conflicting_bodies),
        );
        m
    });
    let delegations = delegation_views(&v.ctx.db).await?;
    let bodies = body_views(&v.ctx.db).await?;
    v.page(
        status,
        "admin/mediator.html",
        "mediator-title",
        json!({
            "profile": profile,
            "languages": Language::names(),
            "delegations": delegations,
            "bodies": bodies,
            "values": values,
            "errors": field_messages(v.locale, errors),
        }),
    )
}

/// `GET /admin/mediators/{pid}`
pub async fn mediator_edit(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    mediator_page(&v, &raw, StatusCode::OK, None, &FieldErrors::new()).await
}

/// `POST /admin/mediators/{pid}`: the lists given replace the stored ones.
pub async fn mediator_update(
    Path(raw): Path<String>,
    Posted { v, form }: Posted,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    let outcome = async {
        let change = forms::profile_change(&form).map_err(AppError::Validation)?;
        mediators::change_profile(&v.ctx.db, &me.actor, pid(&raw)?, change, v.now)
            .await
            .map(|_| ())
    }
    .await;
    let location = format!("/admin/mediators/{raw}");
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        &location,
        "flash-saved",
        move |status, errors| async move {
            mediator_page(page, &raw, status, Some(sent.echo()), &errors).await
        },
    )
    .await
}

async fn holidays_page(
    v: &Visitor,
    status: StatusCode,
    values: Map<String, Value>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin])?;
    let settings = Settings::of(&v.ctx)?;
    let rows: Vec<HolidayView> = holidays::list(&v.ctx.db)
        .await?
        .iter()
        .map(HolidayView::from)
        .collect();
    v.page(
        status,
        "admin/holidays.html",
        "holidays-title",
        json!({
            "rows": rows,
            "zone": settings.calendar.zone.name(),
            "values": values,
            "errors": field_messages(v.locale, errors),
        }),
    )
}

/// `GET /admin/holidays`
pub async fn holidays_index(v: Visitor) -> Result<Response, WebError> {
    holidays_page(&v, StatusCode::OK, Map::new(), &FieldErrors::new()).await
}

/// `POST /admin/holidays`: every running clock moves with the calendar (see
/// `deadlines:rebuild`).
pub async fn holiday_create(Posted { v, form }: Posted) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let outcome = async {
        forms::new_holiday(&form)
            .map_err(AppError::Validation)?
            .add(&v.ctx.db, &me.actor, v.now)
            .await
            .map(|_| ())
    }
    .await;
    let (page, sent) = (&v, &form);
    v.answer(
        &form,
        outcome,
        "/admin/holidays",
        "flash-saved",
        move |status, errors| async move {
            holidays_page(page, status, sent.echo(), &errors).await
        },
    )
    .await
}

/// `POST /admin/holidays/{date}/delete`
pub async fn holiday_delete(
    Path(raw): Path<String>,
    Posted { v, form }: Posted,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Admin])?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let outcome = match chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(date) => holidays::remove(&v.ctx.db, &me.actor, date, v.now).await,
        Err(_) => Err(AppError::NotFound),
    };
    v.answer(
        &form,
        outcome,
        "/admin/holidays",
        "flash-saved",
        |_, errors| async { Err(AppError::Validation(errors).into()) },
    )
    .await
}

/// `GET /admin/policies`: the timelines in force, as configured.
pub async fn policies(v: Visitor) -> Result<Response, WebError> {
    v.with_role(&[Role::Admin, Role::Oversight, Role::Registrar])?;
    let settings = Settings::of(&v.ctx)?;
    let timelines: Vec<Value> = settings
        .timelines
        .iter()
        .map(|(kind, t)| {
            json!({ "kind": kind, "unit": t.unit, "days": t.days, "urgent_days": t.urgent_days })
        })
        .collect();
    let overrides: Vec<Value> = settings
        .category_overrides
        .iter()
        .flat_map(|(category, clocks)| {
            clocks.iter().map(move |(kind, o)| {
                json!({ "category": category, "kind": kind, "days": o.days, "urgent_days": o.urgent_days })
            })
        })
        .collect();
    v.page(
        StatusCode::OK,
        "admin/policies.html",
        "policies-title",
        json!({
            "timelines": timelines,
            "overrides": overrides,
            "zone": settings.calendar.zone.name(),
            "business_day_end": settings.calendar.business_day_end.format("%H:%M").to_string(),
            "weekend": settings.calendar.weekend.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>(),
            "sdt_days": settings.special_and_differential.extra_working_days,
            "max_extension_days": settings.max_extension_days,
            "reminder_leads": settings.notices.reminder_leads_working_days,
        }),
    )
}
