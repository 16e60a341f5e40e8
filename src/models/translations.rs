//! Translations on a clock (DESIGN §4). A party asks for a pleading, a message or a
//! document it reads in one of the six languages; the request runs a clock of the
//! registry's, and providing the translation meets it. The translation is a pleading of its
//! own, read by the audience of its original, and the original stays the authentic version.
//!
//! While a party waits for a translation it asked for, the clocks it owes are paused: a
//! delegation is never held to a deadline in a language it asked to read in its own. The
//! wait is the request's clock itself, from its start until it is met (or cancelled with
//! the case), so [`waits`] is all the clock arithmetic needs to know of it. A translation is
//! the asking side's ([`read_by_asker`]): the registry's clock behind it is shown to the staff
//! alone (`Disclosure::may_see_clock`), and the side reads its due day on the request.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, Condition, QueryOrder};

pub use super::_entities::translations::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::{deadlines, documents, submissions},
    cases::CaseRole,
    correspondence,
    deadlines::clock::Pause,
    vocabulary::{Audience, Language, Party, SubmissionKind},
};
use crate::errors::{AppError, AppResult};

impl ActiveModelBehavior for ActiveModel {}

super::vocabulary::vocabulary_enum! {
    /// Where a translation request stands: `pending` while the registry's clock runs,
    /// `provided`, or `lapsed` when the case ended before it was.
    pub enum State { Pending, Provided, Lapsed }
}

impl Model {
    /// # Errors
    /// When the stored language is unknown.
    pub fn language(&self) -> AppResult<Language> {
        Language::parse_stored(&self.language)
    }

    /// # Errors
    /// When the stored party is unknown.
    pub fn party(&self) -> AppResult<Party> {
        Party::parse_stored(&self.party)
    }

    /// Where the request stands, given its clock.
    #[must_use]
    pub fn state(&self, clock: Option<&deadlines::Model>) -> State {
        if self.translation_id.is_some() {
            State::Provided
        } else if clock.is_some_and(|c| c.cancelled_at.is_some()) {
            State::Lapsed
        } else {
            State::Pending
        }
    }
}

/// What a translation is asked of: a pleading or message, or a document, with the
/// language it was written in and who reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub pid: Uuid,
    pub submission_id: Option<i64>,
    pub document_id: Option<i64>,
    pub language: Language,
    pub audience: Audience,
}

/// The pleading, message or document `pid` of the case that someone standing as `role`
/// reads, as something to translate; `None` when there is none they read (a translation
/// itself is not translated again: its original is).
///
/// # Errors
/// Database errors; a stored language or audience the code does not know.
pub async fn source(
    db: &impl ConnectionTrait,
    case_id: i64,
    role: CaseRole,
    pid: Uuid,
) -> AppResult<Option<Source>> {
    if let Some(s) = submissions::Entity::find()
        .filter(submissions::Column::CaseId.eq(case_id))
        .filter(submissions::Column::Pid.eq(pid))
        .filter(submissions::Column::Kind.ne(SubmissionKind::Translation.as_ref()))
        .filter(correspondence::submissions_read_by(Some(role)))
        .one(db)
        .await?
    {
        return Ok(Some(Source {
            pid,
            submission_id: Some(s.id),
            document_id: None,
            language: Language::parse_stored(&s.language)?,
            audience: Audience::parse_stored(&s.audience)?,
        }));
    }
    let Some(d) = documents::Entity::find()
        .filter(documents::Column::CaseId.eq(case_id))
        .filter(documents::Column::Pid.eq(pid))
        .filter(correspondence::documents_read_by(Some(role), case_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    // A document is read by the audience of the pleading it came with; evidence on its
    // own by every party.
    let pleading = match d.submission_id {
        Some(id) => submissions::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    // A translation's file is translated through its original.
    if pleading
        .as_ref()
        .is_some_and(|s| s.kind == SubmissionKind::Translation.as_ref())
    {
        return Ok(None);
    }
    let audience = pleading
        .map(|s| Audience::parse_stored(&s.audience))
        .transpose()?
        .unwrap_or(Audience::AllParties);
    Ok(Some(Source {
        pid,
        submission_id: None,
        document_id: Some(d.id),
        language: Language::parse_stored(&d.language)?,
        audience,
    }))
}

/// The request of `source` into `language` for `audience` already made, pending or provided
/// (one lapsed with its case may be asked again after an appeal reopens it).
///
/// # Errors
/// Database errors.
pub async fn already_asked(
    db: &impl ConnectionTrait,
    source: &Source,
    language: Language,
    audience: Audience,
) -> AppResult<Option<Model>> {
    let of_source = match (source.submission_id, source.document_id) {
        (Some(id), _) => Column::SubmissionId.eq(id),
        (None, Some(id)) => Column::DocumentId.eq(id),
        (None, None) => return Ok(None),
    };
    let live = sea_orm::sea_query::Query::select()
        .column(deadlines::Column::Id)
        .from(deadlines::Entity)
        .and_where(deadlines::Column::CancelledAt.is_null())
        .to_owned();
    Ok(Entity::find()
        .filter(of_source)
        .filter(Column::Language.eq(language.as_ref()))
        .filter(Column::Audience.eq(audience.as_ref()))
        .filter(
            Condition::any()
                .add(Column::TranslationId.is_not_null())
                .add(Column::DeadlineId.in_subquery(live)),
        )
        .one(db)
        .await?)
}

/// Who reads a translation asked for by someone standing as `role` of an original read by
/// `source`: the side that asked (the staff, when the mediator asked), never more than the
/// original's readers. The language a side asks to read in says something of who it is,
/// which for a protected complainant the other side must not learn; each side asks for its
/// own.
#[must_use]
pub const fn read_by_asker(source: Audience, role: CaseRole) -> Audience {
    match (role, source) {
        (CaseRole::Mediator | CaseRole::Registrar | CaseRole::Oversight, _) => Audience::Staff,
        (CaseRole::LeadComplainant | CaseRole::CoComplainant, Audience::AllParties) => {
            Audience::ComplainantSide
        }
        (CaseRole::Respondent, Audience::AllParties) => Audience::RespondentSide,
        (_, narrower) => narrower,
    }
}

/// A request as the action makes it.
pub struct Request<'a> {
    pub case_id: i64,
    pub source: &'a Source,
    /// Who reads it ([`read_by_asker`]).
    pub audience: Audience,
    pub language: Language,
    pub requested_by_id: i64,
    pub party: Party,
    /// The registry's clock the request runs.
    pub deadline_id: i64,
}

/// Records a request, in the caller's transaction.
///
/// # Errors
/// Database errors.
pub async fn open(
    db: &impl ConnectionTrait,
    req: Request<'_>,
    now: DateTime<Utc>,
) -> AppResult<Model> {
    Ok(ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(req.case_id),
        submission_id: Set(req.source.submission_id),
        document_id: Set(req.source.document_id),
        source_language: Set(req.source.language.to_string()),
        language: Set(req.language.to_string()),
        audience: Set(req.audience.to_string()),
        requested_by_id: Set(req.requested_by_id),
        party: Set(req.party.to_string()),
        deadline_id: Set(req.deadline_id),
        translation_id: Set(None),
        provided_by_id: Set(None),
        provided_at: Set(None),
        working_days: Set(None),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The request `pid` of the case, if it has one.
///
/// # Errors
/// Database errors.
pub async fn of_case(
    db: &impl ConnectionTrait,
    case_id: i64,
    pid: Uuid,
) -> AppResult<Option<Model>> {
    super::of_case::<Entity>(db, (Column::Pid, Column::CaseId), case_id, pid).await
}

/// Records the translation `translation_id` (a pleading) as provided for `request`, in
/// `working_days` from the request.
///
/// # Errors
/// 409 when it was provided meanwhile; database errors.
pub async fn provide(
    db: &impl ConnectionTrait,
    request: &Model,
    (translation_id, provided_by_id): (i64, i64),
    working_days: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let res = Entity::update_many()
        .col_expr(Column::TranslationId, Expr::value(translation_id))
        .col_expr(Column::ProvidedById, Expr::value(provided_by_id))
        .col_expr(Column::WorkingDays, Expr::value(working_days))
        .col_expr(
            Column::ProvidedAt,
            Expr::value(sea_orm::Value::from(DateTimeWithTimeZone::from(now))),
        )
        .col_expr(
            Column::UpdatedAt,
            Expr::value(sea_orm::Value::from(DateTimeWithTimeZone::from(now))),
        )
        .filter(Column::Id.eq(request.id))
        .filter(Column::TranslationId.is_null())
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::Conflict(
            "this translation was provided meanwhile; reload the case".into(),
        ));
    }
    Ok(())
}

/// A request as a case page lists it: with the ids its original and its translation are
/// known by to clients.
#[derive(Clone, Debug)]
pub struct Listed {
    pub request: Model,
    /// The pleading, message or document translated.
    pub source: Uuid,
    /// The translation provided (a pleading), once it is.
    pub translation: Option<Uuid>,
}

/// The requests of a case that someone standing as `role` reads (those of what they read),
/// oldest first.
///
/// # Errors
/// Database errors.
pub async fn read_by(
    db: &impl ConnectionTrait,
    case_id: i64,
    role: Option<CaseRole>,
) -> AppResult<Vec<Listed>> {
    use std::collections::HashMap;
    let audiences: Vec<&'static str> = correspondence::reached_by(role)
        .iter()
        .map(|a| (*a).into())
        .collect();
    let rows = Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .filter(Column::Audience.is_in(audiences))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let named = rows
        .iter()
        .flat_map(|r| [r.submission_id, r.translation_id])
        .flatten();
    let pleadings: HashMap<i64, Uuid> = submissions::Entity::find()
        .filter(submissions::Column::CaseId.eq(case_id))
        .filter(submissions::Column::Id.is_in(named))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.pid))
        .collect();
    let files: HashMap<i64, Uuid> = documents::Entity::find()
        .filter(documents::Column::CaseId.eq(case_id))
        .filter(documents::Column::Id.is_in(rows.iter().filter_map(|r| r.document_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.pid))
        .collect();
    rows.into_iter()
        .map(|request| {
            let source = request
                .submission_id
                .and_then(|id| pleadings.get(&id))
                .or_else(|| request.document_id.and_then(|id| files.get(&id)))
                .copied()
                .ok_or_else(|| {
                    AppError::Corrupt(format!("translation {} has no original", request.pid))
                })?;
            let translation = request
                .translation_id
                .and_then(|id| pleadings.get(&id))
                .copied();
            Ok(Listed {
                request,
                source,
                translation,
            })
        })
        .collect()
}

/// The waits of a case's parties for translations they asked for: each from its request
/// until its clock was met or cancelled (still open: it has not ended), for the party
/// that waits.
///
/// # Errors
/// Database errors; a stored party the code does not know.
pub async fn waits(db: &impl ConnectionTrait, case_id: i64) -> AppResult<Vec<(Party, Pause)>> {
    Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .find_also_related(deadlines::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(t, clock)| clock.map(|c| (t, c)))
        .map(|(t, clock)| {
            Ok((
                t.party()?,
                Pause {
                    start: clock.starts_at.to_utc(),
                    end: clock.met_at.or(clock.cancelled_at).map(|at| at.to_utc()),
                },
            ))
        })
        .collect()
}
