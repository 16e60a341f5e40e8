//! The formal exchange: the mediator asks the respondent for a formal response, the
//! respondent answers, the complainant side accepts or contests it; and information asked of
//! the complainant side and provided. Each pleading that answers a clock meets it.
use super::{Audience, Cx, Done, Row};
use crate::{
    errors::{AppError, AppResult, Said},
    models::vocabulary::{DeadlineKind as K, Outcome, SubmissionKind as S},
};

pub(super) async fn request_response(cx: &mut Cx<'_>, request: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    cx.start(&[K::FormalResponse]).await?;
    cx.plead(S::ResponseRequest, request, None).await?;
    Ok(written.done(Audience::COMPLAINANTS.and_respondents()))
}

/// The response meets the respondent's clock and starts the complainant side's reply.
pub(super) async fn submit_response(cx: &mut Cx<'_>, response: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    let answers = cx.open_clock(K::FormalResponse).await?.map(|d| d.id);
    cx.answer_clocks().await?;
    cx.start(&[K::ComplainantReply]).await?;
    cx.plead(S::FormalResponse, response, answers).await?;
    Ok(written.done(Audience::COMPLAINANTS.and_mediator()))
}

/// Accepting the response resolves the case.
pub(super) async fn accept_response(cx: &mut Cx<'_>, note: Option<&str>) -> AppResult<Done> {
    let written = cx.write(Row::outcome(Outcome::ResponseAccepted)).await?;
    let answers = cx.open_clock(K::ComplainantReply).await?.map(|d| d.id);
    cx.answer_clocks().await?;
    cx.cancel(Some(&[K::Information])).await?;
    cx.plead(S::Acceptance, note.unwrap_or("Accepted."), answers)
        .await?;
    Ok(written.done(Audience::PARTIES))
}

/// A counter-proposal takes the case back to mediation.
pub(super) async fn contest_response(cx: &mut Cx<'_>, counter_proposal: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    let answers = cx.open_clock(K::ComplainantReply).await?.map(|d| d.id);
    cx.answer_clocks().await?;
    cx.plead(S::CounterProposal, counter_proposal, answers)
        .await?;
    Ok(written.done(Audience::PARTIES))
}

pub(super) async fn request_information(cx: &mut Cx<'_>, questions: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    cx.start(&[K::Information]).await?;
    cx.plead(S::InformationRequest, questions, None).await?;
    Ok(written.done(Audience::COMPLAINANTS))
}

/// Information is provided only while some is asked for.
pub(super) async fn provide_information(cx: &mut Cx<'_>, information: &str) -> AppResult<Done> {
    let written = cx.write(Row::none()).await?;
    let Some(asked) = cx.open_clock(K::Information).await? else {
        return Err(AppError::Rule(Said::new("rule-no-information-requested")));
    };
    cx.answer_clocks().await?;
    cx.plead(S::Information, information, Some(asked.id))
        .await?;
    Ok(written.done(Audience::MEDIATOR_OR_REGISTRY))
}
