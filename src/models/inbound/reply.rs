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
        notifications::{self, NoticeKind},
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

/// Why a reply could not be placed, as the registry reads it in the review queue; `None`
/// for a failure of the database, which must undo the whole delivery instead.
fn reason_of(error: &AppError) -> Option<String> {
    Some(match error {
        AppError::NotFound => "its addressee no longer sees the case".into(),
        AppError::Forbidden(_) => "its addressee may not write on the case".into(),
        AppError::Rule(_) | AppError::Conflict(_) | AppError::InvalidTransition { .. } => {
            "the case is closed to messages".into()
        }
        AppError::Validation(fields) => {
            let said: Vec<String> = fields
                .0
                .iter()
                .map(|(field, problems)| {
                    let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
                    format!("{field}: {}", codes.join(", "))
                })
                .collect();
            format!("what it carries was refused ({})", said.join("; "))
        }
        _ => return None,
    })
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

/// Places `reading`, a reply to `notice`, on the notice's case within `txn`: the message
/// it became, or why it was not placed (then nothing of it is on the case).
///
/// # Errors
/// Database errors, which undo the whole delivery.
pub async fn place(
    txn: &DatabaseTransaction,
    reading: &Reading,
    notice: &notifications::Model,
    limits: DocumentLimits,
    now: DateTime<Utc>,
) -> AppResult<Result<submissions::Model, String>> {
    let Some(case_id) = notice.case_id else {
        return Ok(Err("a reply to a notice about no case".into()));
    };
    let addressee = users::Entity::find_by_id(notice.user_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("notice {} has no addressee", notice.id)))?;
    let from = reading.from.as_deref().unwrap_or_default();
    if !addressee.email.eq_ignore_ascii_case(from) {
        return Ok(Err(format!(
            "a reply to notice {} from an address it was not sent to",
            notice.id
        )));
    }
    if !addressee.active {
        return Ok(Err("its addressee's account is deactivated".into()));
    }
    let actor = addressee.actor()?;
    let case = cases::Entity::find_by_id(case_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::Corrupt(format!("notice {} names no case", notice.id)))?;
    let co = case.co_complainant_ids(txn).await?;
    let Some(role) = case.role_of(&actor, &co) else {
        return Ok(Err("its addressee no longer has a part in the case".into()));
    };
    let payload: serde_json::Value = serde_json::from_str(&notice.payload).unwrap_or_default();
    let stage = payload
        .get("stage")
        .and_then(serde_json::Value::as_str)
        .and_then(|s| s.parse().ok());
    let answered = NoticeKind::parse(&notice.kind);
    let Some(audience) = audience(answered, stage, role, case.is_identity_protected()) else {
        return Ok(Err("its addressee writes nothing on the case".into()));
    };
    let body = without_signature(&reading.text).trim();
    if body.is_empty() {
        return Ok(Err("a reply with no words of its own".into()));
    }
    let input = MessageInput {
        audience,
        body: body.to_string(),
        language: language_of(reading, &actor),
        channel: Channel::Mail,
    };
    let files = match spool(reading, limits).await {
        Ok(files) => files,
        Err(e) => return reason_of(&e).map(Err).ok_or(e),
    };
    match correspondence::send(txn, &actor, case.pid, &input, files, limits, now).await {
        Ok(sent) => Ok(Ok(sent.message)),
        Err(e) => reason_of(&e).map(Err).ok_or(e),
    }
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
