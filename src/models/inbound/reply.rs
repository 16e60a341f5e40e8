//! A reply to one of our notices, placed on the notice's case as a message (issue 22).
//!
//! A reply is placed only when its token is ours and valid (the caller checked it) and it
//! comes from the address the notice was sent to, whose account still stands on the case:
//! the token says which notice, the sender says who, and the two must agree. It becomes a
//! message written by that person, in the audience of the notice it answers, through the
//! same door as a message written on the case page ([`correspondence::send`]): the same
//! scoping, limits, seal, notices and receipt. Anything else stays in the review queue
//! with the reason.
use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, DatabaseTransaction};

use super::reading::Reading;
use crate::{
    errors::{AppError, AppResult},
    models::{
        _entities::submissions,
        cases::{self, CaseRole},
        correspondence::{self, MessageInput},
        documents::{DocumentLimits, Spooled, Spooler},
        notifications::{self, Notice, NoticeKind, Timing},
        users,
        vocabulary::{Audience, Channel, Language, Party},
    },
};

/// The audience of a reply, by mail, from someone standing as `role` to a notice of kind
/// `answered` (whose stage, for a message, is the audience it went to): the audience of
/// that message when the sender may write to it, else the sender's own side with the
/// mediator (a notice sent to one person answers in their side's hearing). A complainant
/// whose identity is protected never reaches the other side by mail, whatever they answer:
/// a mail client adds a signature and a name the sender does not see it add.
#[must_use]
pub fn audience(
    answered: Option<NoticeKind>,
    stage: Option<Audience>,
    role: CaseRole,
    protected: bool,
) -> Option<Audience> {
    let own = match role.party()? {
        Party::Complainant => Audience::ComplainantSide,
        Party::Respondent => Audience::RespondentSide,
        Party::Mediator | Party::Registrar => Audience::Staff,
    };
    let wanted = match (answered, stage) {
        (Some(NoticeKind::Message), Some(stage)) => stage,
        _ => own,
    };
    let complainant = own == Audience::ComplainantSide;
    let chosen = if protected && complainant && wanted == Audience::AllParties {
        own
    } else {
        wanted
    };
    Some(if correspondence::open_to(role).contains(&chosen) {
        chosen
    } else {
        own
    })
}

/// `text` without the signature a mail client appends after its `-- ` line (RFC 3676).
#[must_use]
pub fn without_signature(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "-- " {
            return text[..offset].trim_end();
        }
        offset += line.len();
    }
    text.trim_end()
}

/// The language of a reply: the one its client names, when it is one of the six, else the
/// sender's own.
fn language_of(reading: &Reading, sender: &users::Actor) -> Option<Language> {
    reading
        .language
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .and_then(|l| l.to_ascii_lowercase().parse().ok())
        .or_else(|| sender.locale.to_string().parse().ok())
}

/// Why a reply was not placed on its case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotPlaced {
    /// The notice was about no case.
    NoCase,
    /// It came from another address than the notice went to.
    OtherSender,
    /// The addressee's account is deactivated.
    Deactivated,
    /// The addressee no longer has a part in the case, or no longer sees it.
    NoPart,
    /// The addressee reads the case but writes nothing on it.
    ReadOnly,
    /// The case no longer takes messages.
    Closed,
    /// Nothing of the sender's own words is left once history and signature are trimmed.
    Empty,
    /// What it carries was refused, per field and code.
    Refused(String),
}

impl NotPlaced {
    /// What the registry reads in the review queue.
    #[must_use]
    pub fn reason(&self) -> String {
        match self {
            Self::NoCase => "a reply to a notice about no case".into(),
            Self::OtherSender => "it came from an address the notice was not sent to".into(),
            Self::Deactivated => "its addressee's account is deactivated".into(),
            Self::NoPart => "its addressee no longer has a part in the case".into(),
            Self::ReadOnly => "its addressee writes nothing on the case".into(),
            Self::Closed => "the case is closed to messages".into(),
            Self::Empty => "a reply with no words of its own".into(),
            Self::Refused(what) => format!("what it carries was refused ({what})"),
        }
    }

    /// What the sender is told, when they are the notice's addressee with a part in the
    /// case and can do something about it: the stage of their notice. Nobody else is
    /// answered: a reply to a stranger would be backscatter, or tell them of the case.
    #[must_use]
    pub const fn told(&self) -> Option<&'static str> {
        match self {
            Self::Closed => Some("closed"),
            Self::Empty => Some("empty"),
            Self::Refused(_) => Some("refused"),
            _ => None,
        }
    }

    /// Why the door for messages refused it; `None` for anything that may pass when tried
    /// again (the database, a writer in the way), which must undo the whole delivery instead.
    fn of(error: &AppError) -> Option<Self> {
        Some(match error {
            AppError::NotFound => Self::NoPart,
            AppError::Forbidden(_) => Self::ReadOnly,
            AppError::Rule(_) => Self::Closed,
            AppError::Validation(fields) => {
                let said: Vec<String> = fields
                    .0
                    .iter()
                    .map(|(field, problems)| {
                        let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
                        format!("{field}: {}", codes.join(", "))
                    })
                    .collect();
                Self::Refused(said.join("; "))
            }
            _ => return None,
        })
    }
}

/// The files a reply carries, received as an upload is, each judged and within `limits`.
async fn spool(reading: &Reading, limits: DocumentLimits) -> AppResult<Vec<Spooled>> {
    let mut files = Vec::with_capacity(reading.attachments.len());
    for attached in &reading.attachments {
        let mut spooler = Spooler::new(&attached.name, limits)?;
        spooler.push(&attached.bytes).await?;
        files.push(spooler.finish().await?);
    }
    Ok(files)
}

/// Places `reading`, a reply to `notice` kept as the mail `mail`, on the notice's case
/// within `txn`: the message it became, or why it was not placed (then nothing of it is on
/// the case, and its sender is told where [`NotPlaced::told`] says so).
///
/// # Errors
/// Database errors, which undo the whole delivery.
pub async fn place(
    txn: &DatabaseTransaction,
    reading: &Reading,
    notice: &notifications::Model,
    mail: Uuid,
    limits: DocumentLimits,
    now: DateTime<Utc>,
) -> AppResult<Result<submissions::Model, NotPlaced>> {
    let Some(case_id) = notice.case_id else {
        return Ok(Err(NotPlaced::NoCase));
    };
    let addressee = users::Entity::find_by_id(notice.user_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("notice {} has no addressee", notice.id)))?;
    let from = reading.from.as_deref().unwrap_or_default();
    if !addressee.email.eq_ignore_ascii_case(from) {
        return Ok(Err(NotPlaced::OtherSender));
    }
    if !addressee.active {
        return Ok(Err(NotPlaced::Deactivated));
    }
    let actor = addressee.actor()?;
    let case = cases::Entity::find_by_id(case_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("notice {} names no case", notice.id)))?;
    let co = case.co_complainant_ids(txn).await?;
    let Some(role) = case.role_of(&actor, &co) else {
        return Ok(Err(NotPlaced::NoPart));
    };
    let payload: serde_json::Value = serde_json::from_str(&notice.payload).unwrap_or_default();
    let stage = payload
        .get("stage")
        .and_then(serde_json::Value::as_str)
        .and_then(|s| s.parse().ok());
    let answered = NoticeKind::parse(&notice.kind);
    let Some(audience) = audience(answered, stage, role, case.is_identity_protected()) else {
        return Ok(Err(NotPlaced::ReadOnly));
    };
    let placed = write(txn, reading, &actor, &case, audience, limits, now).await?;
    if let Err(why) = &placed {
        if let Some(stage) = why.told() {
            tell(txn, &addressee, &case, stage, mail, now).await?;
        }
    }
    Ok(placed)
}

/// Writes the reply as a message to `audience` through the one door for messages.
async fn write(
    txn: &DatabaseTransaction,
    reading: &Reading,
    actor: &users::Actor,
    case: &cases::Model,
    audience: Audience,
    limits: DocumentLimits,
    now: DateTime<Utc>,
) -> AppResult<Result<submissions::Model, NotPlaced>> {
    let body = without_signature(&reading.text).trim();
    if body.is_empty() {
        return Ok(Err(NotPlaced::Empty));
    }
    let input = MessageInput {
        audience,
        body: body.to_string(),
        language: language_of(reading, actor),
        channel: Channel::Mail,
    };
    let files = match spool(reading, limits).await {
        Ok(files) => files,
        Err(e) => return NotPlaced::of(&e).map(Err).ok_or(e),
    };
    match correspondence::send(txn, actor, case.pid, &input, files, limits, now).await {
        Ok(sent) => Ok(Ok(sent.message)),
        Err(e) => NotPlaced::of(&e).map(Err).ok_or(e),
    }
}

/// Tells `sender`, in their language through the outbox, that their reply kept as `mail`
/// is not on `case` and why (`stage`), and that the registry has it.
async fn tell(
    txn: &DatabaseTransaction,
    sender: &users::Model,
    case: &cases::Model,
    stage: &str,
    mail: Uuid,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let notice = Notice {
        kind: NoticeKind::ReplyNotPlaced,
        case_id: Some(case.id),
        dedupe_base: format!("mail:{mail}"),
        payload: serde_json::json!({
            "case": case.pid,
            "reference": case.reference,
            "stage": stage,
        }),
        timing: Timing::Now,
    };
    notifications::enqueue(txn, std::slice::from_ref(sender), &notice, now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    const ROLES: [CaseRole; 6] = [
        CaseRole::LeadComplainant,
        CaseRole::CoComplainant,
        CaseRole::Respondent,
        CaseRole::Mediator,
        CaseRole::Registrar,
        CaseRole::Oversight,
    ];

    fn kinds() -> impl Iterator<Item = Option<NoticeKind>> {
        std::iter::once(None).chain(NoticeKind::all().map(Some))
    }

    #[test]
    fn a_reply_goes_only_where_its_sender_may_write_and_oversight_replies_nowhere() {
        for role in ROLES {
            for kind in kinds() {
                for stage in Audience::iter().map(Some).chain([None]) {
                    for protected in [false, true] {
                        let got = audience(kind, stage, role, protected);
                        if role == CaseRole::Oversight {
                            assert_eq!(got, None);
                        } else {
                            let got = got.expect("a party writes");
                            assert!(
                                correspondence::open_to(role).contains(&got),
                                "{role:?} answering {kind:?}/{stage:?}: {got}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_protected_complainant_never_reaches_the_other_side_by_mail() {
        for role in [CaseRole::LeadComplainant, CaseRole::CoComplainant] {
            for kind in kinds() {
                for stage in Audience::iter().map(Some).chain([None]) {
                    let got = audience(kind, stage, role, true);
                    assert_eq!(got, Some(Audience::ComplainantSide), "{kind:?}/{stage:?}");
                }
            }
        }
    }

    #[test]
    fn a_reply_to_a_message_joins_its_audience_and_a_reply_to_anything_else_its_side() {
        let message = Some(NoticeKind::Message);
        let all = Some(Audience::AllParties);
        assert_eq!(
            audience(message, all, CaseRole::Respondent, true),
            Some(Audience::AllParties)
        );
        assert_eq!(
            audience(message, all, CaseRole::LeadComplainant, false),
            Some(Audience::AllParties)
        );
        assert_eq!(
            audience(
                Some(NoticeKind::Reminder),
                None,
                CaseRole::Respondent,
                false
            ),
            Some(Audience::RespondentSide)
        );
        assert_eq!(
            audience(Some(NoticeKind::Reminder), None, CaseRole::Mediator, false),
            Some(Audience::Staff)
        );
        // A message to one side and the mediator, answered by that side, stays there.
        assert_eq!(
            audience(
                message,
                Some(Audience::RespondentSide),
                CaseRole::Respondent,
                false
            ),
            Some(Audience::RespondentSide)
        );
        // Staff's own audience is not the respondent's to write to: its side instead.
        assert_eq!(
            audience(message, Some(Audience::Staff), CaseRole::Respondent, false),
            Some(Audience::RespondentSide)
        );
    }

    #[test]
    fn a_signature_after_its_separator_is_left_out() {
        assert_eq!(
            without_signature("We accept.\n\n-- \nAna Silva\nMission of X\n"),
            "We accept."
        );
        assert_eq!(
            without_signature("We accept.\r\n-- \r\nAna\r\n"),
            "We accept."
        );
        assert_eq!(
            without_signature("A -- B\n--\nnot a separator"),
            "A -- B\n--\nnot a separator"
        );
        assert_eq!(without_signature("-- \nonly a signature"), "");
    }
}
