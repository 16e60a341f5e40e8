use std::{path::Path, sync::Arc};

use async_trait::async_trait;
use loco_rs::{
    app::{AppContext, Hooks},
    bgworker::Queue,
    boot::{create_app, BootResult, StartMode},
    config::Config,
    controller::AppRoutes,
    db::truncate_table,
    environment::Environment,
    task::Tasks,
    Result,
};
use migration::Migrator;

use crate::{
    clock::Clock,
    controllers,
    models::_entities::{
        admin_events, assignments, bodies, case_co_complainants, case_events, cases, challenges,
        deadlines, delegations, document_chunks, documents, extension_requests, figure_changes,
        figure_summaries, form_replays, holds, holidays, inbound_mail, mediator_conflicts,
        mediator_profiles, notifications, reference_counters, register_digests, review_samples,
        sign_in_failures, submissions, translations, users, web_sessions,
    },
    settings::Settings,
    tasks,
};

pub struct App;
#[async_trait]
impl Hooks for App {
    fn app_name() -> &'static str {
        env!("CARGO_CRATE_NAME")
    }

    fn app_version() -> String {
        format!(
            "{} ({})",
            env!("CARGO_PKG_VERSION"),
            option_env!("BUILD_SHA").unwrap_or("dev")
        )
    }

    async fn boot(
        mode: StartMode,
        environment: &Environment,
        config: Config,
    ) -> Result<BootResult> {
        create_app::<Self, Migrator>(mode, environment, config).await
    }

    /// Parses the domain policy once, so a bad `settings:` block stops the app at boot, as
    /// does a JWT secret signing cannot read; installs the app's one clock; puts the app's own pool (`pool::connect`) in
    /// place of the framework's.
    async fn after_context(mut ctx: AppContext) -> Result<AppContext> {
        // The settings move from the framework's configuration to the shared store: the
        // router's state is the whole context, copied (and dropped) for every request, and
        // the settings tree was most of its cost.
        let written = match ctx.config.settings.take() {
            Some(written) => written,
            // The framework's `start` boots a second time with the first boot's
            // configuration, whose settings that boot moved: the same files give them again.
            None => Self::load_config(&ctx.environment)
                .await?
                .settings
                .unwrap_or(serde_json::Value::Null),
        };
        let settings = Settings::from_value(Some(&written).filter(|w| !w.is_null()))
            .map_err(|e| loco_rs::Error::Message(e.to_string()))?
            .sign_replies_with(&ctx.config.get_jwt_config()?.secret);
        let clock = match settings.clock_starts_at {
            Some(_) if ctx.environment == Environment::Production => {
                return Err(loco_rs::Error::Message(
                    "settings.clock_starts_at: a production clock is the system's; remove it"
                        .into(),
                ))
            }
            Some(at) => Clock::starting_at(at),
            None => Clock::system(),
        };
        ctx.shared_store.insert(Arc::new(clock));
        ctx.shared_store
            .insert(Arc::new(controllers::register::Snapshots::default()));
        ctx.shared_store.insert(Arc::new(settings));
        ctx.shared_store
            .insert(Arc::new(crate::settings::Written(written)));
        ctx.shared_store
            .insert(Arc::new(crate::models::holidays::Calendars::default()));
        crate::models::users::check_jwt_secret(&ctx.config.get_jwt_config()?.secret)
            .map_err(loco_rs::Error::Message)?;
        let framework_pool = std::mem::replace(
            &mut ctx.db,
            crate::pool::connect(&ctx.config.database).await?,
        );
        framework_pool.close().await?;
        Ok(ctx)
    }

    /// Records the procedural policy in the administrative chain when it changed since the
    /// last start; a fresh development database gets the demo data on first start.
    async fn before_run(ctx: &AppContext) -> Result<()> {
        let written = crate::settings::Written::of(ctx)?;
        let now = crate::clock::now(ctx);
        if let Some(entry) =
            crate::models::admin_log::record_policy(&ctx.db, &written.0, now).await?
        {
            tracing::info!(seq = entry.seq, "the procedural policy changed; recorded");
        }
        if ctx.environment == Environment::Development {
            let summary = tasks::demo::load(ctx, crate::clock::now(ctx)).await?;
            tracing::info!(summary, "demo data");
        }
        Ok(())
    }

    fn routes(_ctx: &AppContext) -> AppRoutes {
        AppRoutes::with_default_routes()
            .add_route(controllers::auth::routes())
            .add_route(controllers::reference::routes())
            .add_route(controllers::cases::routes())
            .add_route(controllers::documents::routes())
            .add_route(controllers::messages::routes())
            .add_route(controllers::mail::routes())
            .add_route(controllers::admin::routes())
            .add_route(controllers::notices::routes())
            .add_route(controllers::mediators::routes())
            .add_route(controllers::oversight::routes())
            .add_route(controllers::register::routes())
            .add_route(controllers::docs::routes())
            .add_route(controllers::web::routes())
    }

    /// Pages answer their errors as pages, in the visitor's language.
    async fn after_routes(router: axum::Router, ctx: &AppContext) -> Result<axum::Router> {
        // One context shared by every request (`extract::Ctx`): a context carries the whole
        // configuration, and a layer's state or axum's `State` is copied for each request.
        let shared = Arc::new(ctx.clone());
        Ok(router
            .fallback(nowhere)
            .layer(axum::middleware::from_fn_with_state(
                shared.clone(),
                controllers::web::error_pages,
            ))
            .layer(axum::Extension(shared))
            .layer(axum::middleware::map_response(retry_later))
            .layer(axum::middleware::from_fn(api_language))
            .layer(axum::middleware::from_fn(secure_headers)))
    }

    async fn connect_workers(_ctx: &AppContext, _queue: &Queue) -> Result<()> {
        Ok(())
    }

    fn register_tasks(tasks: &mut Tasks) {
        tasks.register(tasks::audit_verify::AuditVerify);
        tasks.register(tasks::seed_demo::SeedDemo);
        tasks.register(tasks::notices::Remind);
        tasks.register(tasks::notices::Deliver);
        tasks.register(tasks::notices::Rebuild);
        tasks.register(tasks::synthetic::Synthesize);
        tasks.register(tasks::figures::Refresh);
        tasks.register(tasks::digests::Publish);
        tasks.register(tasks::digests::VerifyReceipt);
        tasks.register(tasks::mail::Receive);
        tasks.register(tasks::mail::Poll);
    }

    async fn truncate(ctx: &AppContext) -> Result<()> {
        // Children before parents: foreign keys refuse to orphan rows.
        truncate_table(&ctx.db, web_sessions::Entity).await?;
        truncate_table(&ctx.db, sign_in_failures::Entity).await?;
        truncate_table(&ctx.db, form_replays::Entity).await?;
        truncate_table(&ctx.db, figure_summaries::Entity).await?;
        truncate_table(&ctx.db, figure_changes::Entity).await?;
        truncate_table(&ctx.db, review_samples::Entity).await?;
        truncate_table(&ctx.db, inbound_mail::Entity).await?;
        truncate_table(&ctx.db, notifications::Entity).await?;
        truncate_table(&ctx.db, register_digests::Entity).await?;
        truncate_table(&ctx.db, case_events::Entity).await?;
        truncate_table(&ctx.db, admin_events::Entity).await?;
        truncate_table(&ctx.db, challenges::Entity).await?;
        truncate_table(&ctx.db, assignments::Entity).await?;
        truncate_table(&ctx.db, mediator_conflicts::Entity).await?;
        truncate_table(&ctx.db, mediator_profiles::Entity).await?;
        truncate_table(&ctx.db, translations::Entity).await?;
        truncate_table(&ctx.db, document_chunks::Entity).await?;
        truncate_table(&ctx.db, documents::Entity).await?;
        truncate_table(&ctx.db, submissions::Entity).await?;
        truncate_table(&ctx.db, extension_requests::Entity).await?;
        truncate_table(&ctx.db, holds::Entity).await?;
        truncate_table(&ctx.db, deadlines::Entity).await?;
        truncate_table(&ctx.db, case_co_complainants::Entity).await?;
        truncate_table(&ctx.db, cases::Entity).await?;
        truncate_table(&ctx.db, users::Entity).await?;
        truncate_table(&ctx.db, holidays::Entity).await?;
        truncate_table(&ctx.db, bodies::Entity).await?;
        truncate_table(&ctx.db, delegations::Entity).await?;
        truncate_table(&ctx.db, reference_counters::Entity).await?;
        Ok(())
    }

    async fn seed(ctx: &AppContext, _base: &Path) -> Result<()> {
        tasks::demo::load(ctx, crate::clock::now(ctx)).await?;
        Ok(())
    }
}

/// The API answers in the language a request asks for (`Accept-Language`, among the six),
/// else in English, and says which in `Content-Language`. Pages have their own choice (the
/// account's, a cookie, the browser's).
async fn api_language(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let locale = req
        .headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|h| h.to_str().ok())
        .and_then(crate::views::i18n::negotiate)
        .unwrap_or(crate::models::vocabulary::Locale::En);
    let mut res = crate::views::i18n::answering_in(locale, next.run(req)).await;
    if let Ok(value) = axum::http::HeaderValue::from_str(locale.as_ref()) {
        res.headers_mut()
            .insert(axum::http::header::CONTENT_LANGUAGE, value);
    }
    // A cache must not hand one language's answer to a request for another.
    res.headers_mut().append(
        axum::http::header::VARY,
        axum::http::HeaderValue::from_static("accept-language"),
    );
    res
}

/// An address the app does not have: the API's JSON 404 under `/api/`, else a bare 404 that
/// [`controllers::web::error_pages`] turns into the app's page in the visitor's language.
async fn nowhere(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        loco_rs::Error::from(crate::errors::AppError::NotFound).into_response()
    } else {
        axum::http::StatusCode::NOT_FOUND.into_response()
    }
}

/// A 503 tells clients when to come back, so a retried filing waits out a database restart.
async fn retry_later(mut res: axum::response::Response) -> axum::response::Response {
    if res.status() == axum::http::StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut()
            .entry(axum::http::header::RETRY_AFTER)
            .or_insert(axum::http::HeaderValue::from_static("5"));
    }
    res
}

/// Headers every answer carries, API and CSV included (pages add their own policy first):
/// no content sniffing, no framing, no referrer leaving the site, and nothing cached from a
/// request that carried a token or a page session.
async fn secure_headers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    let authorized = req.headers().contains_key(header::AUTHORIZATION)
        || controllers::web::carries_session(req.headers());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    h.entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    if authorized {
        h.entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    res
}
