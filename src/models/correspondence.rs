//! Correspondence on a case: messages, and notes written with an action, each with an
//! audience (DESIGN §6). This is the one place that says who reads which audience, who may
//! write to which, who is told of a new one, and how a query is scoped to what a viewer
//! reads: the case page, the API, the documents a message carries, the timeline and the
//! notices all ask here.
//!
//! A message is kept as a row of `submissions` of kind `message` (it has an author, a side,
//! words in a language, documents and a seal, as a pleading has), but it is not a pleading:
//! it goes through no lifecycle step, answers no clock and starts none, and it never
//! changes the case's version, so writing one never makes another party's formal step
//! conflict.
use chrono::{DateTime, Utc};
use sea_orm::{
    entity::prelude::*, sea_query::Query, ActiveValue::Set, Condition, QueryOrder, TransactionTrait,
};
use serde::Deserialize;

use super::{
    _entities::submissions,
    case_events::{self, NewEvent, Recorded},
    cases::{self, actions::Audience as Told, CaseRole},
    digests,
    documents::{self, DocumentLimits, Keeping, Spooled},
    notifications::{self, Notice, NoticeKind, Timing},
    seal, users,
    users::Actor,
    vocabulary::{Audience, Channel, Language, SubmissionKind},
};
use crate::errors::{AppError, AppResult, FieldErrors, Said};

/// The audiences someone standing as `role` reads. Each side reads what is written to all
/// parties and to it with the mediator; staff (the mediator, the registry, oversight) read
/// every audience. Someone without a standing reads only what all parties read.
#[must_use]
pub const fn reached_by(role: Option<CaseRole>) -> &'static [Audience] {
    match role {
        Some(CaseRole::LeadComplainant | CaseRole::CoComplainant) => {
            &[Audience::AllParties, Audience::ComplainantSide]
        }
        Some(CaseRole::Respondent) => &[Audience::AllParties, Audience::RespondentSide],
        Some(CaseRole::Mediator | CaseRole::Registrar | CaseRole::Oversight) => &[
            Audience::AllParties,
            Audience::ComplainantSide,
            Audience::RespondentSide,
            Audience::Staff,
        ],
        None => &[Audience::AllParties],
    }
}

/// Whether someone standing as `role` reads what is written to `audience`.
#[must_use]
pub fn reads(role: Option<CaseRole>, audience: Audience) -> bool {
    reached_by(role).contains(&audience)
}

/// The audiences someone standing as `role` may write to: a side writes to all parties or
/// to the mediator alone; the mediator and the registry to any audience; oversight reads
/// and writes nothing on a case.
#[must_use]
pub const fn open_to(role: CaseRole) -> &'static [Audience] {
    match role {
        CaseRole::Oversight => &[],
        _ => reached_by(Some(role)),
    }
}

/// Who is told of something written to `audience`: the people who read it and have a
/// part in the case (oversight reads every audience but is told of none). The registry is
/// told in the mediator's place while the case has none.
#[must_use]
pub const fn told(audience: Audience) -> Told {
    let readers = match audience {
        Audience::AllParties => Told::PARTIES,
        Audience::ComplainantSide => Told::side_of(Some(super::vocabulary::Party::Complainant)),
        Audience::RespondentSide => Told::side_of(Some(super::vocabulary::Party::Respondent)),
        Audience::Staff => Told::MEDIATOR_OR_REGISTRY,
    };
    Told {
        registry_without_mediator: true,
        ..readers
    }
}

fn names(audiences: &[Audience]) -> Vec<&'static str> {
    audiences.iter().map(|a| (*a).into()).collect()
}

/// In SQL over `submissions`: the pleadings, messages and notes `role` reads.
#[must_use]
pub fn submissions_read_by(role: Option<CaseRole>) -> Condition {
    Condition::all().add(submissions::Column::Audience.is_in(names(reached_by(role))))
}

/// In SQL over `case_events`: the events `role` reads. An event about something written to
/// an audience carries it; every other event is read by everyone who sees the case.
#[must_use]
pub fn events_read_by(role: Option<CaseRole>) -> Condition {
    Condition::any()
        .add(case_events::Column::Audience.is_null())
        .add(case_events::Column::Audience.is_in(names(reached_by(role))))
}

/// In SQL over the documents of the case `case_id`: those `role` may see, the files of the
/// pleadings and messages it reads, and evidence added on its own (which every party sees).
#[must_use]
pub fn documents_read_by(role: Option<CaseRole>, case_id: i64) -> Condition {
    // Scoped to the case, so the check reads that case's pleadings, not every case's.
    let read = Query::select()
        .column(submissions::Column::Id)
        .from(submissions::Entity)
        .and_where(submissions::Column::CaseId.eq(case_id))
        .and_where(submissions::Column::Audience.is_in(names(reached_by(role))))
        .to_owned();
    Condition::any()
        .add(documents::Column::SubmissionId.is_null())
        .add(documents::Column::SubmissionId.in_subquery(read))
}

/// The key of an event's detail that names the audience of what it records.
pub const AUDIENCE_KEY: &str = "audience";

/// The audience an event's detail records, when it is narrower than all parties: the one
/// that scopes who reads the event.
#[must_use]
pub fn audience_of_detail(detail: &serde_json::Value) -> Option<String> {
    detail
        .get(AUDIENCE_KEY)
        .and_then(serde_json::Value::as_str)
        .filter(|a| *a != Audience::AllParties.as_ref())
        .map(String::from)
}

/// The longest message, in characters (as a pleading).
pub const MAX_CHARS: u64 = super::cases::filing::MAX_TEXT_CHARS;

/// A message as a client writes it.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    /// Who may read it.
    pub audience: Audience,
    pub body: String,
    /// The language it is written in; the case's when left out.
    pub language: Option<Language>,
    /// How it reached the case: set by the door it came through, never by the client.
    #[serde(skip)]
    pub channel: Channel,
}

impl MessageInput {
    /// The message as a page's form sent it, every problem at once with `refused` (the
    /// problems already found with its files).
    ///
    /// # Errors
    /// A missing or unknown audience or language, a missing or too long text; `refused`.
    pub fn parse(
        audience: Option<&str>,
        body: Option<&str>,
        language: Option<&str>,
        refused: FieldErrors,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let audience = match audience.map(str::trim) {
            None | Some("") => {
                errors.add_said("audience", "required", Said::new("field-required"));
                None
            }
            Some(a) => a.parse::<Audience>().ok().or_else(|| {
                errors.add_said("audience", "unknown", Said::new("field-unknown"));
                None
            }),
        };
        let language = match language.map(str::trim) {
            None | Some("") => None,
            Some(l) => l.parse::<Language>().ok().or_else(|| {
                errors.add_said("language", "unknown", Said::new("field-unknown"));
                None
            }),
        };
        let body = body.unwrap_or_default().to_string();
        errors.text("body", &body, 1, MAX_CHARS);
        errors.merge(refused);
        match audience {
            Some(audience) if errors.is_empty() => Ok(Self {
                audience,
                body,
                language,
                channel: Channel::Online,
            }),
            _ => Err(errors),
        }
    }

    /// Checks the words of a message sent as JSON.
    ///
    /// # Errors
    /// 422 for a missing or too long text.
    pub fn check(&self) -> AppResult<()> {
        let mut errors = FieldErrors::new();
        errors.text("body", &self.body, 1, MAX_CHARS);
        errors.into_result()
    }
}

/// A message as kept, with what came with it.
#[derive(Clone, Debug)]
pub struct Sent {
    pub case: cases::Model,
    pub message: submissions::Model,
    pub documents: Vec<documents::Model>,
}

/// Writes `input` on the case `pid` as `actor`, with `files`, in one transaction with the
/// event that seals its words and files into the case's chain, the notices to its audience
/// (in each reader's language, through the outbox) and the author's receipt (which, for a
/// message that came by mail, says it met no clock). Moves no clock and leaves the case's
/// status and version as they are.
///
/// # Errors
/// 404 for a case the actor may not see; 403 for oversight; 422 for an audience the actor
/// may not write to, bad words or files; 409 for a case that is no longer open; database
/// errors.
pub async fn send<C>(
    db: &C,
    actor: &Actor,
    pid: Uuid,
    input: &MessageInput,
    files: Vec<Spooled>,
    limits: DocumentLimits,
    now: DateTime<Utc>,
) -> AppResult<Sent>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    input.check()?;
    let txn = db.begin().await?;
    if !files.is_empty() {
        cases::Model::claim_for_writing(&txn, pid).await?;
    }
    let case = cases::Model::find_for(&txn, actor, pid).await?;
    let co = case.co_complainant_ids(&txn).await?;
    let role = case
        .role_of(actor, &co)
        .ok_or_else(|| AppError::Forbidden(Said::new("forbidden-not-a-party")))?;
    // Oversight writes for no party: it reads every audience and writes none.
    let Some(party) = role.party() else {
        return Err(AppError::Forbidden(Said::new("forbidden-read-only")));
    };
    if !open_to(role).contains(&input.audience) {
        return Err(AppError::Validation(FieldErrors::single_said(
            "audience",
            "not_open",
            Said::new("message-audience-closed"),
        )));
    }
    if !case.status()?.is_open() {
        return Err(AppError::Rule(Said::new("rule-case-closed-to-messages")));
    }
    let message = submissions::ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(case.id),
        kind: Set(SubmissionKind::Message.to_string()),
        author_id: Set(actor.id),
        party: Set(party.to_string()),
        language: Set(input
            .language
            .map_or_else(|| case.language.clone(), |l| l.to_string())),
        body: Set(input.body.trim().to_string()),
        deadline_id: Set(None),
        audience: Set(input.audience.to_string()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut detail = serde_json::Map::new();
    detail.insert("submission".into(), message.pid.to_string().into());
    detail.insert(AUDIENCE_KEY.into(), input.audience.to_string().into());
    let kept = if files.is_empty() {
        Vec::new()
    } else {
        let keeping = Keeping {
            case: &case,
            author_id: actor.id,
            party,
            submission_id: Some(message.id),
            language: Language::parse_stored(&message.language)?,
            now,
        };
        let kept = documents::keep_all(&txn, &keeping, None, files, limits).await?;
        detail.insert(documents::SEALED_KEY.into(), documents::sealed(&kept));
        kept
    };
    let seed = case_events::seed_of(&txn, case.id).await?;
    if !seed.is_zero() {
        detail.insert(
            seal::SUBMISSION_KEY.into(),
            seal::of_submission(&seed, &message).into(),
        );
    }
    let event = case_events::append(
        &txn,
        NewEvent {
            case_id: case.id,
            actor_id: Some(actor.id),
            action: Recorded::Message,
            from: None,
            to: None,
            detail: detail.into(),
        },
        now,
    )
    .await?;
    let mut people = cases::transition::people(&txn, &case, &co, told(input.audience)).await?;
    people.retain(|u| u.id != actor.id);
    let notice = Notice {
        kind: NoticeKind::Message,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}", event.id),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "stage": input.audience,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(&txn, &people, &notice, now).await?;
    let author = users::Entity::find_by_id(actor.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    digests::send_receipt(
        &txn,
        &author,
        &case,
        &message.body,
        &event,
        input.channel,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Sent {
        case,
        message,
        documents: kept,
    })
}

/// A message or note as listed, with its author.
pub type Listed = (submissions::Model, Option<users::Model>);

/// The messages and notes of the case `pid` that `actor` reads, oldest first.
///
/// # Errors
/// 404 for a case the actor may not see; database errors.
pub async fn of_case(
    db: &impl ConnectionTrait,
    actor: &Actor,
    pid: Uuid,
) -> AppResult<(cases::Model, Option<CaseRole>, Vec<Listed>)> {
    let case = cases::Model::find_for(db, actor, pid).await?;
    let co = case.co_complainant_ids(db).await?;
    let role = case.role_of(actor, &co);
    let listed = submissions::Entity::find()
        .filter(submissions::Column::CaseId.eq(case.id))
        .filter(submissions::Column::Kind.is_in([
            SubmissionKind::Message.as_ref(),
            SubmissionKind::Note.as_ref(),
        ]))
        .filter(submissions_read_by(role))
        .order_by_asc(submissions::Column::Id)
        .find_also_related(users::Entity)
        .all(db)
        .await?;
    Ok((case, role, listed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    /// Who reads what, written out apart from the rule: one row per standing, in the order
    /// all parties, complainant side, respondent side, staff.
    const READS: &[(CaseRole, [bool; 4])] = &[
        (CaseRole::LeadComplainant, [true, true, false, false]),
        (CaseRole::CoComplainant, [true, true, false, false]),
        (CaseRole::Respondent, [true, false, true, false]),
        (CaseRole::Mediator, [true, true, true, true]),
        (CaseRole::Registrar, [true, true, true, true]),
        (CaseRole::Oversight, [true, true, true, true]),
    ];

    #[test]
    fn each_standing_reads_exactly_the_audiences_of_the_table() {
        for (role, row) in READS {
            for (audience, expected) in Audience::iter().zip(row) {
                assert_eq!(
                    reads(Some(*role), audience),
                    *expected,
                    "{role:?} reading {audience}"
                );
            }
        }
        assert_eq!(reached_by(None), &[Audience::AllParties]);
    }

    #[test]
    fn nobody_writes_to_an_audience_they_would_not_read_and_oversight_writes_nothing() {
        for (role, _) in READS {
            for audience in open_to(*role) {
                assert!(reads(Some(*role), *audience), "{role:?} writing {audience}");
            }
        }
        assert!(open_to(CaseRole::Oversight).is_empty());
        assert!(!open_to(CaseRole::LeadComplainant).contains(&Audience::Staff));
        assert!(!open_to(CaseRole::Respondent).contains(&Audience::ComplainantSide));
    }

    #[test]
    fn only_readers_are_told_and_one_side_never_hears_of_the_others_message() {
        for audience in Audience::iter() {
            let t = told(audience);
            assert!(!t.oversight, "{audience}");
            assert_eq!(
                t.complainants,
                reads(Some(CaseRole::LeadComplainant), audience)
            );
            assert_eq!(t.respondents, reads(Some(CaseRole::Respondent), audience));
            assert!(t.mediator, "the mediator reads {audience}");
        }
    }

    #[test]
    fn an_event_narrower_than_all_parties_carries_its_audience() {
        let narrow = serde_json::json!({"audience": "staff"});
        let wide = serde_json::json!({"audience": "all_parties"});
        assert_eq!(audience_of_detail(&narrow).as_deref(), Some("staff"));
        assert_eq!(audience_of_detail(&wide), None);
        assert_eq!(audience_of_detail(&serde_json::json!({})), None);
    }

    #[test]
    fn a_form_gives_every_problem_at_once() {
        let errors =
            MessageInput::parse(Some("everyone"), Some(""), Some("xx"), FieldErrors::new())
                .expect_err("refused");
        for field in ["audience", "body", "language"] {
            assert!(errors.0.contains_key(field), "{field}: {errors:?}");
        }
        let ok = MessageInput::parse(Some("staff"), Some("Seen."), None, FieldErrors::new())
            .expect("kept");
        assert_eq!(ok.audience, Audience::Staff);
    }
}
