//! People and their accreditation: one role each, a delegation or body where the role needs
//! one, a locale and a time zone. Admins accredit; nobody signs themselves up.
use chrono::{DateTime, Duration, Utc};
use loco_rs::{auth::jwt, hash};
use sea_orm::{
    entity::prelude::*, ActiveValue::Set, Condition, FromQueryResult, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use serde_json::Map;
use sha2::{Digest, Sha256};

pub use super::_entities::users::{self, ActiveModel, Column, Entity, Model};
use super::{
    admin_log::{self, AdminChange, Subject},
    bodies, delegations,
    holidays::{self, CalendarVersion},
    notifications::{self, Notice, NoticeKind, Timing},
    sign_in_failures::{self, SignInPolicy},
    vocabulary::{Locale, Role},
};
use crate::errors::{too_long, too_short, AppError, AppResult, FieldErrors, Said};

/// The regions of the IANA time zone database whose places people live in
/// (`Pacific/Funafuti`); its aliases (`US/Eastern`) and fixed offsets (`Etc/GMT+5`) are not
/// offered as a person types a zone, though they parse.
pub const ZONE_REGIONS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
];

/// The time zones offered as a person types one: UTC, then every place of [`ZONE_REGIONS`].
#[must_use]
pub fn offered_zones() -> Vec<&'static str> {
    std::iter::once("UTC")
        .chain(chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).filter(|n| {
            n.split_once('/')
                .is_some_and(|(r, _)| ZONE_REGIONS.contains(&r))
        }))
        .collect()
}

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 128;

impl ActiveModelBehavior for ActiveModel {}

/// An account read with the holiday table's version beside it.
#[derive(FromQueryResult)]
struct WithCalendar {
    #[sea_orm(nested)]
    user: Model,
    calendar_version: i64,
}

/// The one account `select` finds, read with the holiday table's version beside it: a
/// request's account and calendar in one statement.
///
/// # Errors
/// Database errors.
pub async fn one_with_calendar(
    db: &impl ConnectionTrait,
    select: Select<Entity>,
) -> AppResult<Option<(Model, CalendarVersion)>> {
    Ok(select
        .column_as(holidays::version_expr(), "calendar_version")
        .into_model::<WithCalendar>()
        .one(db)
        .await?
        .map(|r| (r.user, CalendarVersion(r.calendar_version))))
}

/// The claim of an API token that names the generation of credentials it was issued in.
pub const GENERATION_CLAIM: &str = "gen";

impl Model {
    /// The active account a bearer token names: `Unauthorized` for a token naming no one
    /// (or someone deactivated), database errors as they are.
    ///
    /// # Errors
    /// `Unauthorized`, or the database's.
    ///
    /// A token carries the generation of credentials it was issued in
    /// ([`GENERATION_CLAIM`]); once a reset or a deactivation has started a new one, it names
    /// no one. (A token without the claim is of the first generation.)
    ///
    /// The same statement reads the holiday table's version, so the request's calendar costs
    /// no statement of its own while the holidays stay as they were.
    pub async fn signed_in(
        db: &impl ConnectionTrait,
        claims_pid: &str,
        generation: Option<i64>,
    ) -> AppResult<(Self, CalendarVersion)> {
        let pid = Uuid::parse_str(claims_pid).map_err(|_| AppError::Unauthorized)?;
        one_with_calendar(
            db,
            Entity::find()
                .filter(Column::Pid.eq(pid))
                .filter(Column::Active.eq(true))
                .filter(Column::CredentialGeneration.eq(generation.unwrap_or(0))),
        )
        .await?
        .ok_or(AppError::Unauthorized)
    }

    /// Ends every credential of this account at once, on every node: the API tokens (a new
    /// generation begins), the page sessions, the calendar feed and any reset code. A password
    /// reset and a deactivation do this; reactivating an account revives none of them.
    ///
    /// # Errors
    /// Database errors.
    pub async fn end_credentials(
        db: &impl ConnectionTrait,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        use sea_orm::sea_query::ExprTrait;
        Entity::update_many()
            .col_expr(
                Column::CredentialGeneration,
                sea_orm::sea_query::Expr::col(Column::CredentialGeneration).add(1),
            )
            .col_expr(
                Column::CalendarTokenHash,
                sea_orm::sea_query::Expr::value(Option::<String>::None),
            )
            .col_expr(
                Column::ResetTokenHash,
                sea_orm::sea_query::Expr::value(Option::<String>::None),
            )
            .col_expr(
                Column::ResetSentAt,
                sea_orm::sea_query::Expr::value(Option::<DateTimeWithTimeZone>::None),
            )
            .col_expr(
                Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(DateTimeWithTimeZone::from(now)),
            )
            .filter(Column::Id.eq(user_id))
            .exec(db)
            .await?;
        super::web_sessions::end_all_for(db, user_id).await
    }
}

/// The signed-in person, parsed once from their row: every domain call takes this.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: i64,
    pub pid: Uuid,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<i64>,
    pub body_id: Option<i64>,
    pub locale: Locale,
    pub zone: chrono_tz::Tz,
}

impl Model {
    /// The domain view of this user.
    ///
    /// # Errors
    /// When a stored role, locale or zone is not one the code knows.
    pub fn actor(&self) -> AppResult<Actor> {
        Ok(Actor {
            id: self.id,
            pid: self.pid,
            name: self.name.clone(),
            role: Role::parse_stored(&self.role)?,
            delegation_id: self.delegation_id,
            body_id: self.body_id,
            locale: Locale::parse_stored(&self.locale)?,
            zone: self
                .time_zone
                .parse()
                .map_err(|_| AppError::Corrupt(format!("time zone `{}`", self.time_zone)))?,
        })
    }

    /// A signed token for the API (Loco's JWT, keyed by the user's pid).
    ///
    /// # Errors
    /// When signing fails.
    pub fn generate_jwt(&self, secret: &str, expiration: u64) -> AppResult<String> {
        let mut claims = Map::new();
        claims.insert(GENERATION_CLAIM.into(), self.credential_generation.into());
        jwt::JWT::new(secret)
            .generate_token(expiration, self.pid.to_string(), claims)
            .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Checks an email and password; a wrong email, a wrong password and a deactivated
    /// account all look the same to the caller.
    ///
    /// # Errors
    /// [`AppError::Unauthorized`] when the credentials do not match an active user.
    pub async fn authenticate(
        db: &(impl ConnectionTrait + TransactionTrait),
        email: &str,
        password: &str,
        now: DateTime<Utc>,
        policy: SignInPolicy,
    ) -> AppResult<Self> {
        let subject = sign_in_failures::subject(email);
        sign_in_failures::forget_stale(db, now, policy).await?;
        super::redo_when_busy(|| async {
            let txn = db.begin().await?;
            let verdict = Self::attempt(&txn, email, password, &subject, now, policy).await;
            match verdict {
                Ok(_) | Err(AppError::Unauthorized | AppError::Throttled(_)) => {
                    txn.commit().await?;
                }
                // No verdict: nothing of the attempt is kept, its count included.
                Err(_) => txn.rollback().await?,
            }
            verdict
        })
        .await
    }

    /// One sign-in attempt, inside its transaction: admitted and counted, then judged.
    async fn attempt(
        db: &impl ConnectionTrait,
        email: &str,
        password: &str,
        subject: &str,
        now: DateTime<Utc>,
        policy: SignInPolicy,
    ) -> AppResult<Self> {
        sign_in_failures::admit(db, subject, now, policy).await?;
        let user = Entity::find()
            .filter(Column::Email.eq(normalize_email(email)))
            .filter(Column::Active.eq(true))
            .one(db)
            .await?;
        // An unknown address costs the same hashing as a known one, so the time taken
        // does not tell who is accredited.
        let stored = user
            .as_ref()
            .map_or(NOBODY.as_str(), |u| u.password.as_str());
        let right = hash::verify_password(password, stored);
        match user {
            Some(u) if right => {
                sign_in_failures::clear(db, subject).await?;
                Ok(u)
            }
            _ => match sign_in_failures::after_failure(db, subject, now, policy).await? {
                Some(until) => Err(AppError::Throttled(until)),
                None => Err(AppError::Unauthorized),
            },
        }
    }

    /// Starts a password reset: stores a hash of a fresh token and queues the email that
    /// carries it. Unknown addresses are answered the same way, so the endpoint cannot be
    /// used to learn who is accredited.
    ///
    /// # Errors
    /// Database errors.
    pub async fn request_password_reset(
        db: &impl ConnectionTrait,
        email: &str,
        now: DateTime<Utc>,
        policy: SignInPolicy,
    ) -> AppResult<()> {
        let Some(user) = Entity::find()
            .filter(Column::Email.eq(normalize_email(email)))
            .filter(Column::Active.eq(true))
            .one(db)
            .await?
        else {
            return Ok(());
        };
        let token = fresh_token();
        // One email per interval, decided in the UPDATE itself, so requests sent at once
        // cannot each send one (and each code kill the one before).
        let recent = now - Duration::minutes(policy.reset_interval_minutes);
        let issued = Entity::update_many()
            .col_expr(
                Column::ResetTokenHash,
                sea_orm::sea_query::Expr::value(Some(token_hash(&token))),
            )
            .col_expr(
                Column::ResetSentAt,
                sea_orm::sea_query::Expr::value(Some(DateTimeWithTimeZone::from(now))),
            )
            .filter(Column::Id.eq(user.id))
            .filter(
                sea_orm::Condition::any()
                    .add(Column::ResetSentAt.is_null())
                    .add(Column::ResetSentAt.lte(DateTimeWithTimeZone::from(recent))),
            )
            .exec(db)
            .await?;
        if issued.rows_affected == 0 {
            return Ok(());
        }
        notifications::enqueue(
            db,
            &[user],
            &Notice {
                kind: NoticeKind::PasswordReset,
                case_id: None,
                dedupe_base: format!("password_reset:{}", now.timestamp_micros()),
                payload: serde_json::json!({ "token": token }),
                timing: Timing::Now,
            },
            now,
        )
        .await
    }

    /// Completes a reset with the emailed token; the token works once and expires.
    ///
    /// # Errors
    /// 422 when the token is unknown or expired, or the password too weak.
    pub async fn reset_password(
        db: &(impl ConnectionTrait + TransactionTrait),
        token: &str,
        password: &str,
        valid_minutes: i64,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut errors = FieldErrors::new();
        check_password(&mut errors, "password", password);
        errors.into_result()?;
        let user = Entity::find()
            .filter(Column::ResetTokenHash.eq(token_hash(token)))
            .one(db)
            .await?;
        let Some(user) = user.filter(|u| {
            u.reset_sent_at
                .is_some_and(|at| now - at.to_utc() <= Duration::minutes(valid_minutes))
        }) else {
            return Err(AppError::Validation(FieldErrors::single_said(
                "token",
                "invalid",
                Said::new("field-reset-link-expired"),
            )));
        };
        let mut active: ActiveModel = user.into();
        active.password = Set(hash_password(password)?);
        active.reset_token_hash = Set(None);
        active.reset_sent_at = Set(None);
        // The new password and the end of every old credential, together or not at all.
        let txn = db.begin().await?;
        let user = active.update(&txn).await?;
        Self::end_credentials(&txn, user.id, now).await?;
        Ok(txn.commit().await?)
    }
}

fn hash_password(password: &str) -> AppResult<String> {
    hash::hash_password(password).map_err(|e| AppError::Internal(e.to_string()))
}

impl Model {
    /// Issues a fresh private calendar-feed token, replacing (and so revoking) any earlier
    /// one. Only its hash is stored; the token is shown once.
    ///
    /// # Errors
    /// Database errors.
    pub async fn issue_calendar_token(
        &self,
        db: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> AppResult<String> {
        let token = fresh_token();
        let mut active: ActiveModel = self.clone().into();
        active.calendar_token_hash = Set(Some(token_hash(&token)));
        active.updated_at = Set(now.into());
        active.update(db).await?;
        Ok(token)
    }

    /// Revokes the calendar feed: its URL stops working at once.
    ///
    /// # Errors
    /// Database errors.
    pub async fn revoke_calendar_token(
        &self,
        db: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut active: ActiveModel = self.clone().into();
        active.calendar_token_hash = Set(None);
        active.updated_at = Set(now.into());
        active.update(db).await?;
        Ok(())
    }

    /// The active person a calendar-feed token belongs to.
    ///
    /// # Errors
    /// 404 for an unknown or revoked token, or a deactivated person.
    pub async fn by_calendar_token(db: &impl ConnectionTrait, token: &str) -> AppResult<Self> {
        Entity::find()
            .filter(Column::CalendarTokenHash.eq(token_hash(token)))
            .filter(Column::Active.eq(true))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// A password hash that matches nothing anyone can type, checked when an address is unknown.
static NOBODY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash::hash_password(&fresh_token()).unwrap_or_default());

/// A secret for a link or feed: two random UUIDs (244 random bits) as 64 hex digits. Only
/// its hash is stored.
pub(crate) fn fresh_token() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[must_use]
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_password(errors: &mut FieldErrors, field: &str, password: &str) {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        errors.add_said(field, "length", too_short(MIN_PASSWORD_CHARS as u64));
    } else if n > MAX_PASSWORD_CHARS {
        errors.add_said(field, "length", too_long(MAX_PASSWORD_CHARS as u64));
    }
}

/// What an admin supplies to accredit someone, already parsed into domain types.
#[derive(Clone, Debug)]
pub struct Accreditation {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// ISO alpha-3 code: the delegation a delegate speaks for, a respondent official's
    /// delegation, or a mediator's nationality.
    pub delegation: Option<String>,
    /// Code of the body a respondent official answers for.
    pub body: Option<String>,
    pub locale: Locale,
    pub zone: chrono_tz::Tz,
    /// When absent, the person sets one through the emailed reset link.
    pub password: Option<String>,
}

/// Changes an admin may make to an accreditation.
#[derive(Clone, Debug, Default)]
pub struct AccreditationChange {
    pub name: Option<String>,
    pub locale: Option<Locale>,
    pub zone: Option<chrono_tz::Tz>,
    pub active: Option<bool>,
}

/// Resolves the delegation and body an accreditation names, checking that the role has
/// exactly the affiliation it needs.
async fn affiliation(
    db: &impl ConnectionTrait,
    role: Role,
    delegation: Option<&str>,
    body: Option<&str>,
    errors: &mut FieldErrors,
) -> AppResult<(Option<i64>, Option<i64>)> {
    let delegation_id = match delegation {
        Some(code) => delegations::Model::id_named(db, code, "delegation", errors).await?,
        None => None,
    };
    let body_id = match body {
        Some(code) => bodies::Model::id_named(db, code, "body", errors).await?,
        None => None,
    };
    match role {
        Role::Delegate | Role::Mediator if delegation.is_none() => errors.add_said(
            "delegation",
            "required",
            Said::new(if role == Role::Delegate {
                "field-delegate-needs-delegation"
            } else {
                "field-mediator-needs-nationality"
            }),
        ),
        Role::Delegate | Role::Mediator if body.is_some() => {
            errors.add_said(
                "body",
                "not_allowed",
                Said::new("field-body-only-respondents"),
            );
        }
        Role::Respondent if delegation.is_some() == body.is_some() => errors.add_said(
            "body",
            "required",
            Said::new("field-respondent-answers-for-one"),
        ),
        Role::Registrar | Role::Oversight | Role::Admin
            if delegation.is_some() || body.is_some() =>
        {
            errors.add_said("role", "not_allowed", Said::new("field-role-unaffiliated"));
        }
        _ => {}
    }
    Ok((delegation_id, body_id))
}

/// Creates an accredited user; a mediator also gets a profile with the default capacity.
/// Without a password, an invitation (a reset link) is queued.
///
/// # Errors
/// 422 for invalid or duplicate fields.
pub async fn accredit(
    db: &impl ConnectionTrait,
    settings: &crate::settings::Settings,
    input: Accreditation,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    let mut errors = FieldErrors::new();
    let email = normalize_email(&input.email);
    if Entity::find()
        .filter(Column::Email.eq(&email))
        .one(db)
        .await?
        .is_some()
    {
        errors.add(
            "email",
            "taken",
            "someone is already accredited with this email",
        );
    }
    if let Some(p) = &input.password {
        check_password(&mut errors, "password", p);
    }
    let (delegation_id, body_id) = affiliation(
        db,
        input.role,
        input.delegation.as_deref(),
        input.body.as_deref(),
        &mut errors,
    )
    .await?;
    errors.into_result()?;
    let password = match &input.password {
        Some(p) => hash_password(p)?,
        // Unusable until the invitee sets one: no password verifies against a random hash.
        None => hash_password(&Uuid::new_v4().to_string())?,
    };
    let user = new_row(
        NewAccount {
            pid: Uuid::new_v4(),
            email: email.clone(),
            password_hash: password,
            api_key: format!("rd-{}", Uuid::new_v4().simple()),
            name: input.name.trim().to_string(),
            role: input.role,
            delegation_id,
            body_id,
            locale: input.locale,
            zone: input.zone,
        },
        now,
    )
    .insert(db)
    .await?;
    if input.role == Role::Mediator {
        super::mediators::create_profile(db, &user, settings.assignment.default_capacity, now)
            .await?;
    }
    if input.password.is_none() {
        Model::request_password_reset(db, &email, now, settings.sign_in).await?;
    }
    Ok(user)
}

/// A new account as it is stored: checked and resolved already.
pub struct NewAccount {
    pub pid: Uuid,
    pub email: String,
    pub password_hash: String,
    pub api_key: String,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<i64>,
    pub body_id: Option<i64>,
    pub locale: Locale,
    pub zone: chrono_tz::Tz,
}

/// The row of an active account created at `now`, with no reset pending. Accreditation and
/// bulk seeding both start from it, so a column added to users is given its value here.
#[must_use]
pub fn new_row(account: NewAccount, now: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        pid: Set(account.pid),
        email: Set(account.email),
        password: Set(account.password_hash),
        api_key: Set(account.api_key),
        name: Set(account.name),
        role: Set(account.role.to_string()),
        delegation_id: Set(account.delegation_id),
        body_id: Set(account.body_id),
        locale: Set(account.locale.to_string()),
        time_zone: Set(account.zone.name().to_string()),
        active: Set(true),
        reset_token_hash: Set(None),
        reset_sent_at: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
}

/// Applies an admin's change to an accreditation. An admin cannot deactivate themself, so
/// the last admin can never lock everyone out.
///
/// # Errors
/// 404 when there is no such user; 422 for a self-deactivation.
pub async fn change(
    db: &(impl ConnectionTrait + TransactionTrait),
    admin: &Actor,
    pid: Uuid,
    change: AccreditationChange,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    if change.active == Some(false) && pid == admin.pid {
        FieldErrors::single("active", "self", "admins cannot deactivate themselves")
            .into_result()?;
    }
    // The record as it stood, read in the transaction that changes it, so the audit chain's
    // "before" is the one the change replaced.
    let txn = db.begin().await?;
    let user = Entity::find()
        .filter(Column::Pid.eq(pid))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = user.accreditation();
    let mut active: ActiveModel = user.into();
    if let Some(name) = change.name {
        active.name = Set(name.trim().to_string());
    }
    if let Some(locale) = change.locale {
        active.locale = Set(locale.to_string());
    }
    if let Some(zone) = change.zone {
        active.time_zone = Set(zone.name().to_string());
    }
    if let Some(a) = change.active {
        active.active = Set(a);
    }
    active.updated_at = Set(now.into());
    // A deactivation and the end of every credential, together or not at all.
    let user = active.update(&txn).await?;
    let user = if change.active == Some(false) {
        Model::end_credentials(&txn, user.id, now).await?;
        Entity::find_by_id(user.id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?
    } else {
        user
    };
    let change = AdminChange::of(
        admin.id,
        Subject::User,
        pid.to_string(),
        Some(&before),
        Some(&user.accreditation()),
    )?;
    admin_log::record(&txn, change, now).await?;
    txn.commit().await?;
    Ok(user)
}

/// What the administrative audit chain keeps of a person: their accreditation, never a
/// credential.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AccreditationRecord {
    pub email: String,
    pub name: String,
    pub role: String,
    pub delegation_id: Option<i64>,
    pub body_id: Option<i64>,
    pub locale: String,
    pub time_zone: String,
    pub active: bool,
}

impl Model {
    /// This person's accreditation, as the administrative audit chain records it.
    #[must_use]
    pub fn accreditation(&self) -> AccreditationRecord {
        AccreditationRecord {
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role.clone(),
            delegation_id: self.delegation_id,
            body_id: self.body_id,
            locale: self.locale.clone(),
            time_zone: self.time_zone.clone(),
            active: self.active,
        }
    }
}

/// Someone to accredit, as an admin describes them (from the API or the page).
#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewUserParams)]
pub struct NewUser {
    #[validate(email(message = "must be an email address"), length(max = 254))]
    pub email: String,
    #[validate(
        length(max = 200),
        custom(function = "crate::errors::one_line"),
        custom(function = "crate::errors::visible_2")
    )]
    pub name: String,
    pub role: Role,
    pub delegation: Option<String>,
    pub body: Option<String>,
    #[serde(default = "default_locale")]
    pub locale: Locale,
    pub time_zone: String,
    pub password: Option<String>,
}

const fn default_locale() -> Locale {
    Locale::En
}

/// A change to an accreditation, as an admin asks for it; absent fields stay as they are.
#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UserChangeParams)]
pub struct UserChange {
    #[validate(
        length(max = 200),
        custom(function = "crate::errors::one_line"),
        custom(function = "crate::errors::visible_2")
    )]
    pub name: Option<String>,
    pub locale: Option<Locale>,
    pub time_zone: Option<String>,
    pub active: Option<bool>,
}

/// The IANA zone `raw` names; anything else is a problem of `time_zone`.
pub fn zone(errors: &mut FieldErrors, raw: &str) -> Option<chrono_tz::Tz> {
    raw.parse::<chrono_tz::Tz>().map_or_else(
        |_| {
            errors.add_said(
                "time_zone",
                "invalid",
                Said::new("field-bad-zone").text("zone", raw),
            );
            None
        },
        Some,
    )
}

impl NewUser {
    /// Accredits the person described as `admin`, once the description passes (name, email,
    /// zone), and records it in the administrative audit chain.
    ///
    /// # Errors
    /// 422 per field; a taken email is a 422 on `email`.
    pub async fn accredit(
        self,
        db: &(impl ConnectionTrait + TransactionTrait),
        admin: &Actor,
        settings: &crate::settings::Settings,
        now: DateTime<Utc>,
    ) -> AppResult<Model> {
        let mut errors = FieldErrors::new();
        errors.check(&self);
        let zone = zone(&mut errors, &self.time_zone);
        errors.into_result()?;
        let Some(zone) = zone else {
            return Err(AppError::Internal("zone parsed without errors".into()));
        };
        let txn = db.begin().await?;
        let user = accredit(
            &txn,
            settings,
            Accreditation {
                email: self.email,
                name: self.name,
                role: self.role,
                delegation: self.delegation,
                body: self.body,
                locale: self.locale,
                zone,
                password: self.password,
            },
            now,
        )
        .await?;
        let change = AdminChange::of(
            admin.id,
            Subject::User,
            user.pid.to_string(),
            None,
            Some(&user.accreditation()),
        )?;
        admin_log::record(&txn, change, now).await?;
        txn.commit().await?;
        Ok(user)
    }
}

impl UserChange {
    /// Applies the change to the person `pid` as `admin`, once it passes (name, zone).
    ///
    /// # Errors
    /// 404 for an unknown person, 422 per field.
    pub async fn apply(
        self,
        db: &(impl ConnectionTrait + TransactionTrait),
        admin: &Actor,
        pid: Uuid,
        now: DateTime<Utc>,
    ) -> AppResult<Model> {
        let mut errors = FieldErrors::new();
        errors.check(&self);
        let zone = self.time_zone.as_deref().and_then(|z| zone(&mut errors, z));
        errors.into_result()?;
        change(
            db,
            admin,
            pid,
            AccreditationChange {
                name: self.name,
                locale: self.locale,
                zone,
                active: self.active,
            },
            now,
        )
        .await
    }
}

/// The active people of `role`, by id: who is told when a notice goes to a whole role.
///
/// # Errors
/// Database errors.
pub async fn active_in_role(db: &impl ConnectionTrait, role: Role) -> AppResult<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Role.eq(role.as_ref()))
        .filter(Column::Active.eq(true))
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}

/// Users by role, for the admin list.
///
/// # Errors
/// Database errors.
pub async fn list(db: &impl ConnectionTrait, role: Option<Role>) -> AppResult<Vec<Model>> {
    let mut cond = Condition::all();
    if let Some(r) = role {
        cond = cond.add(Column::Role.eq(r.to_string()));
    }
    Ok(Entity::find()
        .filter(cond)
        .order_by_asc(Column::Email)
        .all(db)
        .await?)
}

impl Model {
    /// The codes of the delegation and body this user is affiliated with.
    ///
    /// # Errors
    /// Database errors.
    pub async fn affiliation_codes(
        &self,
        db: &impl ConnectionTrait,
    ) -> AppResult<(Option<String>, Option<String>)> {
        let delegation = match self.delegation_id {
            Some(id) => delegations::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|d| d.code),
            None => None,
        };
        let body = match self.body_id {
            Some(id) => bodies::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|b| b.code),
            None => None,
        };
        Ok((delegation, body))
    }
}

/// Remembers the language a person chose for pages and emails.
///
/// # Errors
/// Database errors; 404 when there is no such user.
pub async fn set_locale(
    db: &impl ConnectionTrait,
    user_id: i64,
    locale: Locale,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let user = Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: ActiveModel = user.into();
    active.locale = Set(locale.to_string());
    active.updated_at = Set(now.into());
    active.update(db).await?;
    Ok(())
}

/// The person `pid`, active or not (for admins).
///
/// # Errors
/// 404 when there is no such person.
pub async fn by_pid(db: &impl ConnectionTrait, pid: Uuid) -> AppResult<Model> {
    Entity::find()
        .filter(Column::Pid.eq(pid))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Checks the configured JWT secret the way signing reads it (base64, standard alphabet), so
/// that a secret the token library cannot read stops the app at boot instead of failing every
/// sign-in with a server error.
///
/// # Errors
/// A message naming `auth.jwt.secret` when the secret is empty or not base64.
pub fn check_jwt_secret(secret: &str) -> Result<(), String> {
    let advice = "auth.jwt.secret (JWT_SECRET in production) must be base64: letters, digits, \
                  `+` and `/`, a multiple of four characters long";
    if secret.trim().is_empty() {
        return Err(format!("{advice}; it is empty"));
    }
    jwt::JWT::new(secret)
        .generate_token(60, "boot-check".to_string(), Map::new())
        .map(|_| ())
        .map_err(|e| format!("{advice}; it does not decode: {e}"))
}
