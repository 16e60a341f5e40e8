//! Pages for people in a browser: server-rendered Tera templates over the same model calls as
//! the API. This module holds what every page shares: who is visiting (session cookie,
//! language), the CSRF check and one-time key of every form, rendering with the layout, and
//! errors turned into pages.
pub mod account;
pub mod admin;
pub mod cases;
pub mod desk;
pub mod forms;
pub mod oversight;
pub mod public;

use std::{
    borrow::Cow,
    sync::{Arc, LazyLock},
};

use axum::{
    body::Body,
    extract::{FromRef, FromRequest, FromRequestParts, Request},
    http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use loco_rs::{
    app::AppContext,
    controller::views::{engines::TeraView, ViewRenderer},
};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::Sha256;

use crate::{
    errors::{Answer, AppError, FieldErrors, Said},
    models::{
        form_replays,
        holidays::CalendarVersion,
        users,
        vocabulary::{Locale, Role},
        web_sessions,
    },
    policy::Policy,
    settings::Settings,
    views::{i18n, problems},
};

// A form's field problems are said by the views; handlers take it from here with the rest of
// what a page needs.
pub use crate::views::problems::field_messages;

pub const SESSION_COOKIE: &str = "redress_session";
pub const CSRF_COOKIE: &str = "redress_csrf";
pub const LANG_COOKIE: &str = "redress_lang";
pub const FLASH_COOKIE: &str = "redress_flash";

/// The largest form body a page accepts (the longest case text is far below it).
pub const MAX_FORM_BYTES: usize = 512 * 1024;

static PAGES: LazyLock<Result<TeraView, String>> = LazyLock::new(|| {
    let loader = i18n::loader()?;
    TeraView::build_with_post_process(move |tera| {
        tera.register_function("t", fluent_templates::FluentLoader::new(loader.clone()));
        tera.register_function("name_in", name_in);
        tera.register_function("when", when);
        tera.register_function("num", num);
        Ok(())
    })
    .map_err(|e| format!("page templates: {e}"))
});

/// `name_in(of=x, lang=lang)`: a member state's or a body's name in the page's language,
/// from its `names`, or else the name it is kept under.
fn name_in(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let of: Option<tera::Value> = kwargs.get("of")?;
    let lang: Option<String> = kwargs.get("lang")?;
    let of = serde_json::to_value(&of).unwrap_or(Value::Null);
    let lang = lang.unwrap_or_else(|| "en".into());
    Ok(of["names"]
        .get(&lang)
        .or_else(|| of.get("name"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
}

/// `when(at=x, lang=lang)`: an instant of a view (its `utc` and `zone`) in the page's
/// language, in the viewer's zone: `3 December 2026, 18:00 CET`.
fn when(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let at: Option<tera::Value> = kwargs.get("at")?;
    let lang: Option<String> = kwargs.get("lang")?;
    let at = serde_json::to_value(&at).unwrap_or(Value::Null);
    let locale = lang
        .and_then(|l| l.parse::<Locale>().ok())
        .unwrap_or(Locale::En);
    let instant = at["utc"]
        .as_str()
        .and_then(|u| chrono::DateTime::parse_from_rfc3339(u).ok())
        .map(|u| u.to_utc());
    let zone = at["zone"]
        .as_str()
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok());
    Ok(match (instant, zone) {
        (Some(instant), Some(zone)) => i18n::when_in(locale, instant, zone),
        // Not an instant of a view: shown as it was given.
        _ => at["shown"].as_str().unwrap_or_default().to_string(),
    })
}

/// `num(n=x, lang=lang)`: a figure as the page's language writes numbers (`12 345,5` in
/// French); `—` for none.
fn num(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let n: Option<tera::Value> = kwargs.get("n")?;
    let lang: Option<String> = kwargs.get("lang")?;
    let locale = lang
        .and_then(|l| l.parse::<Locale>().ok())
        .unwrap_or(Locale::En);
    Ok(
        match serde_json::to_value(&n)
            .ok()
            .as_ref()
            .and_then(Value::as_f64)
        {
            Some(n) => i18n::number_in(locale, n, 1),
            None => "—".to_string(),
        },
    )
}

fn pages() -> Result<&'static TeraView, AppError> {
    PAGES.as_ref().map_err(|e| AppError::Internal(e.clone()))
}

/// The signed-in person behind a page request.
#[derive(Clone, Debug)]
pub struct Me {
    pub user: users::Model,
    pub actor: users::Actor,
}

/// Whoever is asking for a page: signed in or not, in which language, with the secret their
/// forms must carry back.
pub struct Visitor {
    pub ctx: Arc<AppContext>,
    pub me: Option<Me>,
    /// The holiday table's version, read with the signed-in account.
    calendar: Option<CalendarVersion>,
    pub locale: Locale,
    pub now: DateTime<Utc>,
    /// The path and query asked for, where sign-in returns to.
    pub here: String,
    session: Option<String>,
    csrf_basis: String,
    secure: bool,
    flash: Option<String>,
    cookies: Vec<Cookie<'static>>,
    /// A session cookie came that no longer opens a session (it ran out or was ended).
    stale_session: bool,
}

/// A cookie's name as sent: over TLS with the `__Host-` prefix, which browsers accept only
/// from a secure origin, for path `/` and without a domain, so neither a sibling subdomain
/// nor a plain-HTTP answer can plant or overwrite it (a fixed session, a known CSRF secret).
fn cookie_name(name: &'static str, secure: bool) -> Cow<'static, str> {
    if secure {
        Cow::Owned(format!("__Host-{name}"))
    } else {
        Cow::Borrowed(name)
    }
}

/// A cookie's value, read under the name it is sent with (see [`cookie_name`]).
fn read_cookie(jar: &CookieJar, name: &'static str, secure: bool) -> Option<String> {
    jar.get(&cookie_name(name, secure))
        .map(|c| c.value().to_string())
}

/// A cookie that only shapes the page (language, menu), read under either name: no harm if
/// it was planted, and the error pages run without the request's TLS verdict.
/// Whether a request carries a page session (under either cookie name): its answer is
/// private, whatever it is (a page, a CSV download, a chart).
#[must_use]
pub fn carries_session(headers: &HeaderMap) -> bool {
    read_either_cookie(&CookieJar::from_headers(headers), SESSION_COOKIE).is_some()
}

fn read_either_cookie(jar: &CookieJar, name: &'static str) -> Option<String> {
    read_cookie(jar, name, true).or_else(|| read_cookie(jar, name, false))
}

fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((cookie_name(name, secure), value))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .build()
}

fn expired(name: &'static str, secure: bool) -> Cookie<'static> {
    let mut c = cookie(name, String::new(), secure);
    c.make_removal();
    c
}

/// The language a request asks for: the language cookie (kept in step with the account),
/// else the browser's `Accept-Language`, else English.
fn requested_locale(headers: &HeaderMap) -> Locale {
    read_either_cookie(&CookieJar::from_headers(headers), LANG_COOKIE)
        .and_then(|c| c.parse::<Locale>().ok())
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::negotiate)
        })
        .unwrap_or(Locale::En)
}

/// A flash is the key of a message in the translations, never text from the request.
fn is_flash_key(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

impl Visitor {
    async fn read(parts: &Parts, ctx: Arc<AppContext>) -> Result<Self, WebError> {
        let jar = CookieJar::from_headers(&parts.headers);
        let settings = Settings::of(&ctx)?;
        let forwarded_tls = parts
            .headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
        let secure = settings.public_base_url.starts_with("https://") || forwarded_tls;
        let at = crate::clock::now(&ctx);
        let mut cookies = Vec::new();
        let session = read_cookie(&jar, SESSION_COOKIE, secure);
        let mut me = None;
        let mut calendar = None;
        if let Some(token) = &session {
            match web_sessions::resolve(&ctx.db, token, at).await? {
                Some((user, version)) => {
                    let actor = user.actor()?;
                    me = Some(Me { user, actor });
                    calendar = Some(version);
                }
                None => cookies.push(expired(SESSION_COOKIE, secure)),
            }
        }
        let stale_session = session.is_some() && me.is_none();
        let session = session.filter(|_| me.is_some());
        let locale = me
            .as_ref()
            .map(|m| m.actor.locale)
            .unwrap_or_else(|| requested_locale(&parts.headers));
        let csrf_basis = if let Some(token) = &session {
            token.clone()
        } else if let Some(c) = read_cookie(&jar, CSRF_COOKIE, secure).filter(|c| c.len() >= 32) {
            c
        } else {
            let fresh = uuid::Uuid::new_v4().simple().to_string();
            cookies.push(cookie(CSRF_COOKIE, fresh.clone(), secure));
            fresh
        };
        let flash = read_cookie(&jar, FLASH_COOKIE, secure);
        if flash.is_some() {
            cookies.push(expired(FLASH_COOKIE, secure));
        }
        let here = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_string(), ToString::to_string);
        Ok(Self {
            ctx,
            me,
            calendar,
            locale,
            now: at,
            here,
            session,
            csrf_basis,
            secure,
            flash: flash.filter(|k| is_flash_key(k)),
            cookies,
            stale_session,
        })
    }

    /// The policy in force for this request, at the instant it arrived.
    ///
    /// # Errors
    /// Database errors reading the calendar.
    pub async fn policy(&self) -> Result<Policy, WebError> {
        Ok(match self.calendar {
            Some(version) => Policy::as_seen(&self.ctx, self.now, version).await?,
            None => Policy::of_at(&self.ctx, self.now).await?,
        })
    }

    /// The signed-in person, or a trip to the sign-in page that comes back here.
    ///
    /// # Errors
    /// [`WebError::SignIn`] for an anonymous visitor.
    pub fn signed_in(&self) -> Result<&Me, WebError> {
        self.me
            .as_ref()
            .ok_or_else(|| WebError::SignIn(self.here.clone()))
    }

    /// The signed-in person when they hold one of `roles`; a page of another role does not
    /// exist for them (404), as in the API.
    ///
    /// # Errors
    /// [`WebError::SignIn`] or 404.
    pub fn with_role(&self, roles: &[Role]) -> Result<&Me, WebError> {
        let me = self.signed_in()?;
        if roles.contains(&me.actor.role) {
            Ok(me)
        } else {
            Err(AppError::NotFound.into())
        }
    }

    /// The CSRF token of this visitor: a keyed hash of their session (or, before sign-in, of
    /// their CSRF cookie), so a token lifted from one browser is worthless in another.
    #[must_use]
    pub fn csrf_token(&self) -> String {
        self.csrf_mac()
            .map(|mac| hex::encode(mac.finalize().into_bytes()))
            .unwrap_or_default()
    }

    fn csrf_ok(&self, sent: Option<&str>) -> bool {
        let (Some(mac), Some(Ok(sent))) = (self.csrf_mac(), sent.map(hex::decode)) else {
            return false;
        };
        // Constant-time comparison.
        mac.verify_slice(&sent).is_ok()
    }

    /// The keyed hash behind the token, fed with this visitor's basis.
    fn csrf_mac(&self) -> Option<Hmac<Sha256>> {
        let secret = self.ctx.config.get_jwt_config().ok()?.secret.clone();
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
        mac.update(b"csrf\0");
        mac.update(self.csrf_basis.as_bytes());
        Some(mac)
    }

    /// The session token, for signing out.
    #[must_use]
    pub fn session_token(&self) -> Option<&str> {
        self.session.as_deref()
    }

    /// Whether cookies must carry `Secure` (the site is served over TLS).
    #[must_use]
    pub const fn secure(&self) -> bool {
        self.secure
    }

    /// Adds a cookie to whatever this visitor is answered with.
    pub fn set_cookie(&mut self, c: Cookie<'static>) {
        self.cookies.push(c);
    }

    /// A session cookie (HttpOnly, SameSite=Lax, Secure over TLS).
    #[must_use]
    pub fn session_cookie(&self, name: &'static str, value: String) -> Cookie<'static> {
        cookie(name, value, self.secure)
    }

    /// A cookie that removes `name`.
    #[must_use]
    pub fn removal(&self, name: &'static str) -> Cookie<'static> {
        expired(name, self.secure)
    }

    /// A word in the visitor's language.
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.locale, key, &[])
    }

    /// The visitor's time zone (UTC before sign-in).
    #[must_use]
    pub fn zone(&self) -> chrono_tz::Tz {
        self.me.as_ref().map_or(chrono_tz::UTC, |m| m.actor.zone)
    }

    /// What a form shown again says about its refusal, in the visitor's words.
    #[must_use]
    pub fn problem(&self, e: &AppError) -> String {
        problems::problem(self.locale, self.zone(), e)
    }

    fn navigation(&self) -> Vec<Value> {
        let items: &[(&str, &str)] = match self.me.as_ref().map(|m| m.actor.role) {
            None => &[("/register", "nav-register"), ("/sign-in", "nav-sign-in")],
            Some(Role::Delegate) => &[("/cases", "nav-my-cases"), ("/cases/new", "nav-file")],
            Some(Role::Respondent) => &[("/cases", "nav-inbox")],
            Some(Role::Mediator) => &[
                ("/cases", "nav-caseload"),
                ("/desk/notices", "nav-failed-notices"),
            ],
            Some(Role::Registrar) => &[
                ("/desk", "nav-intake"),
                ("/cases", "nav-all-cases"),
                ("/desk/mail", "nav-received-mail"),
                ("/desk/notices", "nav-failed-notices"),
            ],
            Some(Role::Oversight) => &[
                ("/oversight", "nav-dashboard"),
                ("/cases", "nav-all-cases"),
                ("/oversight/samples", "nav-samples"),
                ("/desk/notices", "nav-failed-notices"),
            ],
            Some(Role::Admin) => &[
                ("/admin/users", "nav-users"),
                ("/admin/delegations", "nav-delegations"),
                ("/admin/bodies", "nav-bodies"),
                ("/admin/mediators", "nav-mediators"),
                ("/admin/holidays", "nav-holidays"),
                ("/admin/policies", "nav-policies"),
            ],
        };
        let path = self.here.split('?').next().unwrap_or("/");
        items
            .iter()
            .map(|(href, key)| json!({ "href": href, "key": key, "current": path == *href }))
            .collect()
    }

    /// Renders `template` inside the layout, with `data` as `data` and what every page
    /// needs (language, person, navigation, CSRF token, a fresh form key, the flash).
    ///
    /// # Errors
    /// When the template fails to render.
    pub fn page(
        &self,
        status: StatusCode,
        template: &str,
        title_key: &str,
        data: impl Serialize,
    ) -> Result<Response, WebError> {
        let me = self.me.as_ref().map(|m| {
            json!({
                "name": m.user.name,
                "role": m.actor.role,
                "zone": m.actor.zone.name(),
            })
        });
        let context = json!({
            "lang": self.locale,
            "dir": if self.locale.is_rtl() { "rtl" } else { "ltr" },
            "title_key": title_key,
            "me": me,
            "nav": self.navigation(),
            "csrf": self.csrf_token(),
            "form_key": uuid::Uuid::new_v4().to_string(),
            "flash": self.flash,
            "here": self.here,
            "locales": Locale::names(),
            "data": data,
        });
        let html = pages()?
            .render(template, context)
            .map_err(|e| AppError::Internal(format!("rendering {template}: {e}")))?;
        let mut res = (status, axum::response::Html(html)).into_response();
        self.finish(&mut res);
        Ok(res)
    }

    /// A 303 to `location`, with a message (a translation key) to show there.
    #[must_use]
    pub fn redirect(&self, location: &str, flash: Option<&str>) -> Response {
        let mut res = Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, location)
            .body(Body::empty())
            .unwrap_or_default();
        self.finish(&mut res);
        if let Some(key) = flash.filter(|k| is_flash_key(k)) {
            append_cookie(
                &mut res,
                &cookie(FLASH_COOKIE, key.to_string(), self.secure),
            );
        }
        res
    }

    fn finish(&self, res: &mut Response) {
        for c in &self.cookies {
            append_cookie(res, c);
        }
        harden(res.headers_mut(), self.me.is_some());
    }

    /// Claims this form's one-time key before acting: `None` to go on and act, or the
    /// answer when the same form was sent before (where it led, or a conflict while the
    /// first is still being handled).
    ///
    /// # Errors
    /// Database errors; 422 for a damaged key; 409 while the same form is being handled.
    pub async fn replay(&self, form: &FormData) -> Result<Option<Response>, WebError> {
        let (Some(me), Some(key)) = (&self.me, form.get("_key")) else {
            return Ok(None);
        };
        let key = form_replays::parse_key(key)?;
        match form_replays::claim(&self.ctx.db, me.actor.id, &key, self.now).await? {
            form_replays::Claim::Fresh => Ok(None),
            form_replays::Claim::Done(location) => {
                Ok(Some(self.redirect(&location, Some("flash-already-done"))))
            }
            form_replays::Claim::Pending => Err(AppError::Conflict(
                "this form is already being sent; wait a moment and reload".into(),
            )
            .into()),
        }
    }

    /// Frees this form's key after a refusal, so the corrected form can be sent.
    ///
    /// # Errors
    /// Database errors.
    pub async fn release(&self, form: &FormData) -> Result<(), WebError> {
        if let (Some(me), Some(key)) = (&self.me, form.get("_key")) {
            if let Ok(key) = form_replays::parse_key(key) {
                form_replays::release(&self.ctx.db, me.actor.id, &key).await?;
            }
        }
        Ok(())
    }

    /// Records where this form's key led, then goes there.
    ///
    /// # Errors
    /// Database errors.
    pub async fn done(
        &self,
        form: &FormData,
        location: &str,
        flash: &str,
    ) -> Result<Response, WebError> {
        if let (Some(me), Some(key)) = (&self.me, form.get("_key")) {
            let key = form_replays::parse_key(key)?;
            form_replays::settle(&self.ctx.db, me.actor.id, &key, location).await?;
        }
        Ok(self.redirect(location, Some(flash)))
    }
}

impl Visitor {
    /// Answers a sent form: the page it led to when `outcome` is done, the form again with
    /// its problems (from `again`, given the refusal's status) when refused field by field,
    /// an error page otherwise. A refused form's key is freed.
    ///
    /// # Errors
    /// The outcome's error when it is not a refusal of fields.
    pub async fn answer<Fut>(
        &self,
        form: &FormData,
        outcome: Result<(), AppError>,
        location: &str,
        flash: &str,
        again: impl FnOnce(StatusCode, FieldErrors) -> Fut,
    ) -> Result<Response, WebError>
    where
        Fut: std::future::Future<Output = Result<Response, WebError>>,
    {
        match outcome {
            Ok(()) => self.done(form, location, flash).await,
            Err(e) => {
                self.release(form).await?;
                let (status, errors) = fields_refused(e)?;
                again(status, errors).await
            }
        }
    }
}

/// A form's refusal field by field, as the status to show the form again with (from the one
/// mapping) and the problems; any other error is an error page.
///
/// # Errors
/// `e` itself when it is not a refusal of fields.
pub fn fields_refused(e: AppError) -> Result<(StatusCode, FieldErrors), WebError> {
    let status = e.answer().status;
    match e {
        AppError::Validation(errors) => Ok((status, errors)),
        other => Err(other.into()),
    }
}

fn append_cookie(res: &mut Response, c: &Cookie<'static>) {
    if let Ok(v) = HeaderValue::from_str(&c.encoded().to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Headers every page carries: no framing, no sniffing, no third-party anything, and no
/// caching of pages that show a person's cases.
fn harden(headers: &mut HeaderMap, private: bool) {
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        headers,
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
         script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "same-origin");
    if private {
        set(headers, "cache-control", "no-store");
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Self::read(parts, crate::controllers::extract::Ctx::of(parts)?.0).await
    }
}

/// Form fields that hold several choices.
const MULTIPLE_CHOICE: &[&str] = &["languages", "conflicting_delegations", "conflicting_bodies"];

/// Parses a page's query string into `T`; a bad value is a 422 page naming the parameter.
/// An empty value (a filter left on "any") is no filter.
pub fn parse_query<T: serde::de::DeserializeOwned>(
    raw: &[(String, String)],
) -> Result<T, WebError> {
    let encoded = query_with(raw, &[] as &[(&str, u64)]);
    super::extract::parse_query(&encoded).map_err(|e| match e {
        // The parser's own words name Rust types; the reader needs only which field.
        AppError::Validation(fields) => {
            let mut said = FieldErrors::new();
            for (field, messages) in &fields.0 {
                for m in messages {
                    said.add_said(field, &m.code, Said::new("field-invalid"));
                }
            }
            AppError::Validation(said).into()
        }
        other => other.into(),
    })
}

/// `raw` as a query string again, blank values left out and each of `set` replacing the
/// parameter of its name (an empty value removes it): the links of a page keep its filters.
pub fn query_with(raw: &[(String, String)], set: &[(&str, impl ToString)]) -> String {
    let set: Vec<(&str, String)> = set.iter().map(|(k, v)| (*k, v.to_string())).collect();
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            raw.iter()
                .filter(|(k, _)| !set.iter().any(|(name, _)| name == k))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .chain(set.iter().map(|(k, v)| (*k, v.as_str())))
                .filter(|(_, v)| !v.trim().is_empty()),
        )
        .finish()
}

/// The fields of a posted form, in order (a field may repeat, as a multiple choice does).
#[derive(Clone, Debug, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    #[must_use]
    pub fn parse(bytes: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name`, empty when absent.
    #[must_use]
    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_string()
    }

    /// The value of `name`, or `None` when absent or blank.
    #[must_use]
    pub fn optional(&self, name: &str) -> Option<String> {
        self.get(name)
            .filter(|v| !v.trim().is_empty())
            .map(ToString::to_string)
    }

    /// Every value of `name`.
    #[must_use]
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// What was typed, to fill the form again after a refusal (secrets left out). Fields of
    /// several choices come back as lists, even with one choice, so a page never mistakes
    /// one code for part of another.
    #[must_use]
    pub fn echo(&self) -> serde_json::Map<String, Value> {
        let mut out = serde_json::Map::new();
        for name in MULTIPLE_CHOICE {
            out.insert((*name).to_string(), Value::Array(Vec::new()));
        }
        for (k, v) in &self.0 {
            if k.starts_with('_') || k.contains("password") {
                continue;
            }
            match out.get_mut(k) {
                Some(Value::Array(a)) => a.push(Value::String(v.clone())),
                Some(prev) => {
                    let first = prev.take();
                    *prev = Value::Array(vec![first, Value::String(v.clone())]);
                }
                None => {
                    out.insert(k.clone(), Value::String(v.clone()));
                }
            }
        }
        out
    }
}

/// A posted form from a page of this site, with its visitor: the CSRF token must match and a
/// browser's `Origin`, when sent, must be this site.
pub struct Posted {
    pub v: Visitor,
    pub form: FormData,
}

fn same_origin(headers: &HeaderMap, settings: &Settings) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        // Browsers send Origin on every cross-site POST; its absence is a same-site or
        // non-browser client, which the token alone must then satisfy.
        return true;
    };
    if origin == settings.public_base_url {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| !host.is_empty() && rest == host)
}

impl<S> FromRequest<S> for Posted
where
    AppContext: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (v, form, _, _) = posted(req, state, false).await?;
        Ok(Self { v, form })
    }
}

/// A posted form that may carry documents (`multipart/form-data` with `file` inputs): the
/// checks of [`Posted`], and no file is received before the form's CSRF token, sent ahead
/// of its files, has been checked for a signed-in visitor.
pub struct PostedWithFiles {
    pub v: Visitor,
    pub form: FormData,
    pub attached: crate::models::documents::Attachments,
    /// Why a file was refused: the handler shows the form again with it.
    pub refused: FieldErrors,
}

impl<S> FromRequest<S> for PostedWithFiles
where
    AppContext: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (v, form, attached, refused) = posted(req, state, true).await?;
        Ok(Self {
            v,
            form,
            attached,
            refused,
        })
    }
}

async fn posted<S>(
    req: Request,
    state: &S,
    files: bool,
) -> Result<
    (
        Visitor,
        FormData,
        crate::models::documents::Attachments,
        FieldErrors,
    ),
    WebError,
>
where
    AppContext: FromRef<S>,
    S: Send + Sync,
{
    let multipart = files && super::upload::is_multipart(&req);
    let (mut parts, body) = req.into_parts();
    let v = Visitor::from_request_parts(&mut parts, state).await?;
    let settings = Settings::of(&v.ctx)?;
    if !same_origin(&parts.headers, &settings) {
        return Err(WebError::Forged);
    }
    if v.stale_session {
        // The session ran out while the page was open: sign in again and come back to
        // the page the form was on, rather than a puzzling refusal.
        let back = parts
            .headers
            .get(header::REFERER)
            .and_then(|r| r.to_str().ok())
            .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
            .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
            .and_then(|p| account::local_path(Some(&p)))
            .unwrap_or_else(|| "/".to_string());
        return Err(WebError::SignIn(back));
    }
    let (form, attached, refused) = if multipart {
        let request = Request::from_parts(parts, body);
        let multipart = axum::extract::Multipart::from_request(request, state)
            .await
            .map_err(|e| {
                AppError::Validation(FieldErrors::single(
                    super::extract::WHOLE_REQUEST,
                    "multipart",
                    format!("the form could not be read: {}", e.body_text()),
                ))
            })?;
        let forged = std::sync::atomic::AtomicBool::new(false);
        let sent = super::upload::read(multipart, settings.documents, |texts| {
            let token = texts
                .iter()
                .find(|(k, _)| k == "_csrf")
                .map(|(_, t)| t.as_str());
            if v.me.is_some() && v.csrf_ok(token) {
                Ok(())
            } else {
                forged.store(true, std::sync::atomic::Ordering::Relaxed);
                Err(AppError::NotFound)
            }
        })
        .await;
        let sent = match sent {
            Ok(sent) => sent,
            Err(_) if forged.load(std::sync::atomic::Ordering::Relaxed) => {
                return Err(WebError::Forged)
            }
            Err(e) => return Err(e.into()),
        };
        (
            FormData(sent.texts),
            crate::models::documents::Attachments::new(sent.files),
            sent.refused,
        )
    } else {
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| {
                AppError::Validation(FieldErrors::single(
                    super::extract::WHOLE_REQUEST,
                    "too_large",
                    format!("a form may not exceed {MAX_FORM_BYTES} bytes"),
                ))
            })?;
        (
            FormData::parse(&bytes),
            crate::models::documents::Attachments::default(),
            FieldErrors::new(),
        )
    };
    if !v.csrf_ok(form.get("_csrf")) {
        return Err(WebError::Forged);
    }
    for (field, value) in &form.0 {
        if let Some(why) = crate::models::text::problem(value, true) {
            return Err(AppError::Validation(FieldErrors::single(
                &crate::models::text::one_line(field),
                "control_character",
                why,
            ))
            .into());
        }
    }
    Ok((v, form, attached, refused))
}

/// Why a page could not be shown. The response carries the reason; [`error_pages`] renders it
/// in the visitor's language.
#[derive(Debug)]
pub enum WebError {
    App(AppError),
    /// Not signed in: go to sign-in, then back to this path.
    SignIn(String),
    /// A form without this visitor's CSRF token, or from another site.
    Forged,
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

impl From<loco_rs::Error> for WebError {
    fn from(e: loco_rs::Error) -> Self {
        Self::App(e.into())
    }
}

impl From<sea_orm::DbErr> for WebError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::App(e.into())
    }
}

/// The page an error is shown with, attached to the response for [`error_pages`].
#[derive(Clone, Debug)]
struct Failure {
    title_key: &'static str,
    /// The error, for what its page says beneath the title (said once the language is known).
    error: Option<Arc<AppError>>,
}

/// The pages' door: the status and title from the one mapping, logged as it says; the page
/// itself is rendered by [`error_pages`].
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (answer, error) = match self {
            Self::SignIn(next) => {
                let target = format!(
                    "/sign-in?next={}",
                    form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                return Response::builder()
                    .status(StatusCode::SEE_OTHER)
                    .header(header::LOCATION, target)
                    .body(Body::empty())
                    .unwrap_or_default();
            }
            Self::Forged => (Answer::FORGED, None),
            Self::App(e) => {
                e.log();
                (e.answer(), Some(Arc::new(e)))
            }
        };
        let mut res = Response::builder()
            .status(answer.status)
            .body(Body::empty())
            .unwrap_or_default();
        res.extensions_mut().insert(Failure {
            title_key: answer.title_key,
            error,
        });
        res
    }
}

/// Renders the error pages of [`WebError`] answers, in the language the request asks for
/// (the language cookie, else `Accept-Language`). Other responses pass untouched.
pub async fn error_pages(
    axum::extract::State(ctx): axum::extract::State<Arc<AppContext>>,
    req: Request,
    next: Next,
) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let locale = requested_locale(req.headers());
    let signed_in = read_either_cookie(&jar, SESSION_COOKIE).is_some();
    let asked = signed_in.then(|| (req.uri().clone(), req.headers().clone()));
    let mut res = next.run(req).await;
    let failure = res.extensions_mut().remove::<Failure>().or_else(|| {
        // Nothing answered the address (a page or a static file that is not there): the
        // app's own page, unless the answer is the API's JSON.
        let json = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/json"));
        let not_found = AppError::NotFound.answer();
        (res.status() == not_found.status && !json).then_some(Failure {
            title_key: not_found.title_key,
            error: None,
        })
    });
    let Some(failure) = failure else {
        return res;
    };
    // A signed-in visitor keeps the menu, the sign-out and the language choice on an error
    // page, unless the database itself is what failed.
    if let Some((uri, headers)) = asked.filter(|_| !res.status().is_server_error()) {
        if let Some(mut page) = with_menu(&ctx, uri, headers, &failure, res.status()).await {
            for (k, v) in res.headers() {
                if k != header::CONTENT_LENGTH && k != header::CONTENT_TYPE {
                    page.headers_mut().append(k, v.clone());
                }
            }
            return page;
        }
    }
    let context = json!({
        "lang": locale,
        "dir": if locale.is_rtl() { "rtl" } else { "ltr" },
        "title_key": failure.title_key,
        "me": Value::Null,
        "signed_in": signed_in,
        "nav": [],
        "csrf": "",
        "form_key": "",
        "flash": Value::Null,
        "here": "/",
        "locales": Locale::names(),
        "data": {
            "key": failure.title_key,
            "detail": failure.error.and_then(|e| problems::detail(locale, &e)),
            "signed_in": signed_in,
        },
    });
    let html = pages()
        .and_then(|p| {
            p.render("error.html", context)
                .map_err(|e| AppError::Internal(e.to_string()))
        })
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "error page failed");
            i18n::text(locale, failure.title_key, &[])
        });
    let status = res.status();
    let mut out = (status, axum::response::Html(html)).into_response();
    for (k, v) in res.headers() {
        if k != header::CONTENT_LENGTH && k != header::CONTENT_TYPE {
            out.headers_mut().append(k, v.clone());
        }
    }
    harden(out.headers_mut(), signed_in);
    out
}

/// The error page of `failure` for the signed-in visitor who asked for `uri`, with their
/// menu; `None` when the visitor cannot be read (the page falls back to the plain one).
async fn with_menu(
    ctx: &Arc<AppContext>,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
    failure: &Failure,
    status: StatusCode,
) -> Option<Response> {
    let mut request = axum::http::Request::builder().uri(uri);
    *request.headers_mut()? = headers;
    let (parts, ()) = request.body(()).ok()?.into_parts();
    let v = Visitor::read(&parts, Arc::clone(ctx)).await.ok()?;
    v.me.as_ref()?;
    let detail = failure
        .error
        .as_ref()
        .and_then(|e| problems::detail(v.locale, e));
    v.page(
        status,
        "error.html",
        failure.title_key,
        json!({ "key": failure.title_key, "detail": detail, "signed_in": true }),
    )
    .ok()
}

/// Every page route.
#[must_use]
pub fn routes() -> loco_rs::controller::Routes {
    use axum::{
        extract::DefaultBodyLimit,
        routing::{get, post},
    };
    loco_rs::controller::Routes::new()
        .add("/", get(account::home))
        .add(
            "/sign-in",
            get(account::sign_in_page).post(account::sign_in),
        )
        .add("/sign-out", post(account::sign_out))
        .add(
            "/password/forgot",
            get(account::forgot_page).post(account::forgot),
        )
        .add(
            "/password/reset",
            get(account::reset_page).post(account::reset),
        )
        .add("/language", post(account::language))
        // Filing and acting may carry documents, each held to its limit as it streams in.
        .add(
            "/cases",
            get(cases::index)
                .post(cases::create)
                .layer(DefaultBodyLimit::disable()),
        )
        .add("/cases/new", get(cases::new))
        .add("/cases/{pid}", get(cases::show))
        .add(
            "/cases/{pid}/documents",
            post(cases::add_evidence).layer(DefaultBodyLimit::disable()),
        )
        .add("/cases/{pid}/documents/{document}", get(cases::download))
        .add(
            "/cases/{pid}/messages",
            post(cases::write_message).layer(DefaultBodyLimit::disable()),
        )
        .add(
            "/cases/{pid}/act",
            get(cases::back_to_case)
                .post(cases::act)
                .layer(DefaultBodyLimit::disable()),
        )
        .add("/register", get(public::register))
        .add("/oversight", get(oversight::dashboard))
        .add("/oversight/disparities", get(oversight::disparities_tab))
        .add("/oversight/translations", get(oversight::translations_tab))
        .add("/oversight/trends", get(oversight::trends_tab))
        .add("/oversight/export/{name}", get(oversight::export))
        .add(
            "/oversight/samples",
            get(oversight::samples_index).post(oversight::draw),
        )
        .add(
            "/admin/users",
            get(admin::users_index).post(admin::accredit),
        )
        .add(
            "/admin/users/{pid}",
            get(admin::user_edit).post(admin::user_update),
        )
        .add("/admin/delegations", get(admin::delegations_index))
        .add(
            "/admin/bodies",
            get(admin::bodies_index).post(admin::body_create),
        )
        .add("/admin/mediators", get(admin::mediators_index))
        .add(
            "/admin/mediators/{pid}",
            get(admin::mediator_edit).post(admin::mediator_update),
        )
        .add(
            "/admin/holidays",
            get(admin::holidays_index).post(admin::holiday_create),
        )
        .add("/admin/holidays/{date}/delete", post(admin::holiday_delete))
        .add("/admin/policies", get(admin::policies))
        .add("/desk", get(desk::index))
        .add("/desk/notices", get(desk::notices))
        .add("/desk/notices/{id}/retry", post(desk::retry))
        .add("/desk/mail", get(desk::mail))
        .add("/desk/mail/{pid}", get(desk::mail_one))
        .add("/desk/mail/{pid}/raw", get(desk::mail_raw))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_and_translation_loads() {
        if let Err(e) = super::pages() {
            panic!("{e:?}");
        }
    }
}
