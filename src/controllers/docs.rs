//! The API description, generated from the handlers and types themselves, and the offline
//! interactive reference that reads it (Swagger UI, served from `assets/static/docs`).
use axum::{response::Redirect, routing::get};
use loco_rs::prelude::{format, Response, Result, Routes};
use serde_json::{json, Value};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

use super::{
    admin, auth, cases, documents, mail, mediators, messages, notices, oversight, reference,
    register,
};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The token from POST /api/auth/login"))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Redress API",
        description = "Grievance and redress case tracking for international organizations. \
            Errors share one body: `error` (a stable code), `description`, and for 422 \
            `errors` per field."
    ),
    paths(
        auth::login, auth::forgot, auth::reset, auth::me,
        reference::list_delegations, reference::list_bodies,
        cases::file, cases::list, cases::show, cases::act,
        documents::add, documents::list, documents::download,
        messages::send, messages::list,
        mail::list, mail::show, mail::raw,
        admin::list_users, admin::create_user, admin::update_user, admin::create_body,
        admin::list_holidays, admin::create_holiday, admin::delete_holiday,
        notices::failed, notices::retry, notices::issue_feed, notices::revoke_feed, notices::feed,
        mediators::caseload, mediators::loads, mediators::fairness, mediators::assignments,
        mediators::profile, mediators::change_profile,
        oversight::metrics, oversight::metrics_csv, oversight::disparities,
        oversight::disparities_csv, oversight::translations, oversight::translations_csv,
        oversight::draw_sample, oversight::samples_drawn,
        oversight::trends, oversight::trends_csv, oversight::mediator_figures,
        oversight::mediator_figures_csv, oversight::trends_chart, oversight::outcomes_chart,
        oversight::disparities_chart, oversight::admin_log,
        register::list, register::export, register::digests, register::inclusion,
    ),
    // Types reached only through query parameters are not collected automatically.
    components(schemas(
        crate::models::cases::CaseStatus,
        crate::models::vocabulary::Party,
        crate::models::inbound::MailOutcome
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Sign-in and password reset (no self sign-up)"),
        (name = "cases", description = "Filing, reading and acting on grievances"),
        (name = "documents", description = "Evidence documents of a case: added as multipart, always downloaded as attachments"),
        (name = "messages", description = "Correspondence on a case, each message to an audience; a message never moves a clock"),
        (name = "reference", description = "Delegations and bodies"),
        (name = "admin", description = "People, bodies and the holiday calendar (admins only)"),
        (name = "notices", description = "Delivery failures and private calendar feeds"),
        (name = "mail", description = "Mail that reached the registry: the review queue, replies placed on cases, bounces and what was set aside (the registry only)"),
        (name = "register", description = "The public register of grievances (no sign-in)"),
        (name = "oversight", description = "Closure metrics, for oversight and the registry"),
        (name = "mediators", description = "Caseloads, loads against capacity, the fairness ledger and assignment records"),
    )
)]
struct ApiDoc;

/// Rewrites the action schema to the wire format. `ActionInput` is deserialized externally
/// tagged (`{"dismiss": {...}}`) so errors keep their field paths, but clients send it flat,
/// with the name in `action` and `expected_version` beside the fields.
fn flatten_actions(doc: &mut Value) {
    let Some(schema) = doc.pointer_mut("/components/schemas/ActionInput") else {
        return;
    };
    let Some(variants) = schema.get("oneOf").and_then(Value::as_array) else {
        return;
    };
    let flat: Vec<Value> = variants
        .iter()
        .filter_map(|v| {
            let (name, inner) = v.get("properties")?.as_object()?.iter().next()?;
            let mut inner = inner.clone();
            let obj = inner.as_object_mut()?;
            obj.insert("title".into(), json!(name));
            let props = obj.entry("properties").or_insert_with(|| json!({}));
            props["action"] = json!({ "type": "string", "enum": [name] });
            props["expected_version"] = json!({
                "type": ["integer", "null"], "format": "int64",
                "description": "the case version you acted on; a stale one answers 409"
            });
            let writes = name
                .parse::<crate::models::cases::CaseAction>()
                .is_ok_and(crate::models::cases::CaseAction::writes_pleading);
            if writes {
                props["written_in"] = json!({
                    "type": ["string", "null"], "enum": crate::models::vocabulary::Language::names(),
                    "description": "the language the action's words are written in; the case's when not given"
                });
            }
            let required = obj.entry("required").or_insert_with(|| json!([]));
            if let Some(r) = required.as_array_mut() {
                r.insert(0, json!("action"));
            }
            Some(inner)
        })
        .collect();
    *schema = json!({ "oneOf": flat, "discriminator": { "propertyName": "action" } });
}

/// The OpenAPI 3 document of the whole JSON API.
#[must_use]
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    flatten_actions(&mut doc);
    doc
}

async fn openapi_json() -> Result<Response> {
    format::json(document())
}

async fn docs() -> Redirect {
    Redirect::permanent("/static/docs/index.html")
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api")
        .add("/openapi.json", get(openapi_json))
        .add("/docs", get(docs))
}
