//! Case pages: each person's list (a delegation's cases, a respondent's inbox, a mediator's
//! caseload by next deadline, everything for the registry and oversight), filing, and the
//! case page with its clocks, pleadings, timeline and the forms of what the viewer may do.
use axum::{
    extract::{Path, Query},
    http::StatusCode,
    response::Response,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use strum::IntoEnumIterator;

use super::{
    field_messages, fields_refused, forms, parse_query, query_with, PostedWithFiles, Visitor,
    WebError,
};
use crate::{
    controllers::extract::pid,
    errors::{AppError, FieldErrors, Said},
    models::{
        bodies,
        cases::{
            self,
            actions::{Choices, FieldKind},
            filing::{self, Filed},
            transition, CaseAction, CaseFilter, CaseStatus,
        },
        correspondence, delegations,
        documents::{self, MediaType},
        mediators::{ledger, staffing},
        vocabulary::{
            Audience, Category, Confidentiality, Decision, DismissalReason, Language, Locale,
            Party, Role, SubmissionKind, Urgency,
        },
    },
    views::{
        cases::{CaseDetail, CaseSummary, DeadlineState},
        documents::DocumentView,
        i18n,
        mediators::{AssignmentList, CaseloadView},
        people,
    },
};

/// The list filters a page accepts; anything unknown or malformed is a 422 page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    status: Option<CaseStatus>,
    category: Option<Category>,
    overdue: Option<bool>,
    page: Option<u64>,
}

/// A list row: the case summary with its next clock in words.
pub(super) fn row(v: &Visitor, s: &CaseSummary) -> Value {
    let mut out = serde_json::to_value(s).unwrap_or(Value::Null);
    if let (Some(obj), Some(d)) = (out.as_object_mut(), &s.next_deadline) {
        obj.insert("clock_words".into(), Value::String(d.words(v.locale)));
    }
    out
}

/// Rows of a caseload shown at once, by next deadline.
const CASELOAD_ROWS: u64 = 100;

/// `GET /cases`: the viewer's own list.
pub async fn index(
    v: Visitor,
    Query(raw): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let me = v.signed_in()?.clone();
    let q: ListQuery = parse_query(&raw)?;
    let policy = v.policy().await?;
    let calendar = &policy.calendar;
    if me.actor.role == Role::Mediator {
        // The most pressing first; a long caseload is not one endless page.
        let load = ledger::caseload(&v.ctx.db, &me.actor, v.now, CASELOAD_ROWS).await?;
        let view = CaseloadView::new(&load, &me.actor, calendar, v.now);
        let rows: Vec<Value> = view.items.iter().map(|s| row(&v, s)).collect();
        return v.page(
            StatusCode::OK,
            "cases/caseload.html",
            "caseload-title",
            json!({
                "shown": rows.len(),
                "rows": rows,
                "total": view.total,
                "overdue": view.overdue,
                "due_this_week": view.due_this_week,
            }),
        );
    }
    if me.actor.role == Role::Admin {
        return Err(AppError::NotFound.into());
    }
    let mut awaiting = Vec::new();
    if me.actor.role == Role::Respondent {
        let filter = CaseFilter {
            acting: Some(Party::Respondent),
            per_page: Some(cases::MAX_PER_PAGE),
            ..CaseFilter::default()
        };
        let listing = cases::list_for(&v.ctx.db, &me.actor, &filter, v.now).await?;
        let mut items: Vec<CaseSummary> = listing
            .items
            .iter()
            .map(|c| CaseSummary::new(c, &listing.context, &me.actor, calendar, v.now))
            .collect();
        items.sort_by(|a, b| {
            let due = |s: &CaseSummary| {
                s.next_deadline
                    .as_ref()
                    .and_then(|d| d.due_at.as_ref().map(|i| i.utc.clone()))
            };
            (due(a).is_none(), due(a)).cmp(&(due(b).is_none(), due(b)))
        });
        awaiting = items.iter().map(|s| row(&v, s)).collect();
    }
    let filter = CaseFilter {
        status: q.status,
        category: q.category,
        overdue: q.overdue,
        page: q.page,
        ..CaseFilter::default()
    };
    let listing = cases::list_for(&v.ctx.db, &me.actor, &filter, v.now).await?;
    let rows: Vec<Value> = listing
        .items
        .iter()
        .map(|c| {
            row(
                &v,
                &CaseSummary::new(c, &listing.context, &me.actor, calendar, v.now),
            )
        })
        .collect();
    let pages = listing.total.div_ceil(listing.per_page).max(1);
    let title = match me.actor.role {
        Role::Delegate => "my-cases-title",
        Role::Respondent => "inbox-title",
        _ => "all-cases-title",
    };
    v.page(
        StatusCode::OK,
        "cases/index.html",
        title,
        json!({
            "rows": rows,
            "awaiting": awaiting,
            "total": listing.total,
            "page": listing.page,
            "pages": pages,
            "prev": (listing.page > 1)
                .then(|| format!("/cases?{}", query_with(&raw, &[("page", listing.page - 1)]))),
            "next": (listing.page < pages)
                .then(|| format!("/cases?{}", query_with(&raw, &[("page", listing.page + 1)]))),
            "filter": {
                "status": q.status,
                "category": q.category,
                "overdue": q.overdue.map(|o| o.to_string()),
            },
            "statuses": CaseStatus::names(),
            "categories": Category::names(),
            "can_file": me.actor.role == Role::Delegate,
        }),
    )
}

/// What the filing form offers: bodies, delegations and the closed vocabularies.
async fn filing_choices(v: &Visitor) -> Result<Value, WebError> {
    let labelled = |mut options: Vec<(String, String)>| -> Vec<Value> {
        options.sort_by_cached_key(|(_, label)| people::sort_key(label));
        options
            .into_iter()
            .map(|(value, label)| json!({ "value": value, "label": label }))
            .collect()
    };
    let bodies = labelled(
        bodies::list(&v.ctx.db)
            .await?
            .iter()
            .map(|b| {
                let name = people::name_in(&b.name, &b.translations(), v.locale);
                (b.code.clone(), format!("{name} ({})", b.code))
            })
            .collect(),
    );
    let delegations = labelled(
        delegations::list(&v.ctx.db)
            .await?
            .iter()
            .map(|d| {
                let names = delegations::translations(&d.code);
                (d.code.clone(), people::name_in(&d.name, &names, v.locale))
            })
            .collect(),
    );
    Ok(json!({
        "bodies": bodies,
        "delegations": delegations,
        "categories": Category::names(),
        "confidentialities": Confidentiality::names(),
        "languages": Language::names(),
        "urgencies": Urgency::names(),
    }))
}

async fn filing_form(
    v: &Visitor,
    status: StatusCode,
    values: Map<String, Value>,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let choices = filing_choices(v).await?;
    let limits = crate::settings::Settings::of(&v.ctx)?.documents;
    v.page(
        status,
        "cases/new.html",
        "file-title",
        json!({
            "values": values,
            "errors": field_messages(v.locale, errors),
            "choices": choices,
            "limits": { "files": limits.max_files_per_pleading, "mb": limits.max_file_mb },
        }),
    )
}

/// `GET /cases/new`
pub async fn new(v: Visitor) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Delegate])?;
    let mut values = Map::new();
    values.insert(
        "language".into(),
        Value::String(me.actor.locale.to_string()),
    );
    values.insert("urgency".into(), Value::String("normal".into()));
    values.insert("respondent_kind".into(), Value::String("body".into()));
    filing_form(&v, StatusCode::OK, values, &FieldErrors::new()).await
}

/// The form's name for a field the filing rules name by the grievance's path (the
/// respondent is one field of the form, each co-complainant a choice of one list).
fn filing_field(field: &str) -> String {
    if field.starts_with("respondent") {
        "respondent_code".into()
    } else if field.starts_with("co_complainants") {
        "co_complainants".into()
    } else {
        field.into()
    }
}

/// `POST /cases`: files the grievance; the form's key makes a repeat land on the same case.
pub async fn create(
    PostedWithFiles {
        v,
        form,
        attached,
        refused,
    }: PostedWithFiles,
) -> Result<Response, WebError> {
    let me = v.with_role(&[Role::Delegate])?.clone();
    let policy = v.policy().await?;
    let (mut input, mut errors) = forms::read_new_case(&form);
    // Co-complainants as a person types them: names in any language, or codes.
    let typed = input.co_complainants.join(",");
    input.co_complainants.clear();
    for read in delegations::read_typed(&v.ctx.db, &typed).await? {
        match read {
            // A state typed twice (by name and by code) is one co-complainant.
            Ok(code) if input.co_complainants.contains(&code) => {}
            Ok(code) => input.co_complainants.push(code),
            Err(entry) => errors.add_said(
                "co_complainants",
                "unknown",
                Said::new("field-no-such-state").text("entry", entry),
            ),
        }
    }
    let outcome = if errors.is_empty() && refused.is_empty() {
        filing::file_attached(&v.ctx.db, &policy, &me.actor, input, attached).await
    } else {
        // Every problem in one round: what the form could not read, and what the filing
        // itself would find (its words, its dates, the codes it names).
        errors.merge(filing::problems(&v.ctx.db, &policy, &me.actor, &input).await?);
        errors.merge(refused);
        Err(AppError::Validation(errors))
    };
    match outcome {
        Ok(Filed::Created(dossier)) => {
            Ok(v.redirect(&format!("/cases/{}", dossier.case.pid), Some("flash-filed")))
        }
        Ok(Filed::Replayed(case)) => {
            Ok(v.redirect(&format!("/cases/{}", case.pid), Some("flash-already-done")))
        }
        Err(e) => {
            let (status, errors) = fields_refused(e)?;
            // Named as the form names its fields, one message a field, said in the page's
            // language by the form.
            let mut renamed = FieldErrors::new();
            for (field, messages) in errors.0 {
                renamed
                    .0
                    .entry(filing_field(&field))
                    .or_default()
                    .extend(messages);
            }
            filing_form(&v, status, form.echo(), &renamed.one_per_field()).await
        }
    }
}

/// The fields of an action's form.
#[derive(Clone, Debug, Serialize)]
struct ActionField {
    name: &'static str,
    /// `textarea`, `text`, `number`, `select` or `yes_no`.
    kind: &'static str,
    required: bool,
    options: Vec<Value>,
}

fn option(value: impl Into<String>, label: impl Into<String>) -> Value {
    json!({ "value": value.into(), "label": label.into() })
}

/// The form of an action, as the action defines it, with the choices the case offers (its
/// running clocks, pending requests and challenges, the mediators).
async fn action_fields(
    v: &Visitor,
    action: CaseAction,
    page: &CasePage<'_>,
) -> Result<Vec<ActionField>, WebError> {
    let mut out = Vec::new();
    for f in action.fields() {
        let (kind, options) = match f.kind {
            FieldKind::Text => ("textarea", Vec::new()),
            FieldKind::Days => ("number", Vec::new()),
            FieldKind::YesNo => ("yes_no", Vec::new()),
            FieldKind::Choice(c) => ("select", choices(v, c, page).await?),
        };
        out.push(ActionField {
            name: f.name,
            kind,
            required: f.required,
            options,
        });
    }
    // The language of the words the action writes: the page's unless the writer says.
    if action.writes_pleading() {
        out.push(ActionField {
            name: "written_in",
            kind: "select",
            required: false,
            options: Language::iter()
                .map(|l| option(l.to_string(), v.t(&format!("language-{l}"))))
                .collect(),
        });
    }
    Ok(out)
}

/// What the case page's forms draw their choices from.
struct CasePage<'a> {
    detail: &'a CaseDetail,
    assignments: &'a AssignmentList,
    dossier: &'a cases::dossier::Dossier,
    policy: &'a crate::policy::Policy,
}

async fn choices(
    v: &Visitor,
    choices: Choices,
    page: &CasePage<'_>,
) -> Result<Vec<Value>, WebError> {
    let (detail, assignments) = (page.detail, page.assignments);
    let t = |key: &str| v.t(key);
    Ok(match choices {
        Choices::DismissalReasons => DismissalReason::iter()
            .map(|r| option(r.to_string(), t(&format!("dismissal-{r}"))))
            .collect(),
        Choices::Decisions => Decision::iter()
            .map(|d| option(d.to_string(), t(&format!("decision-{d}"))))
            .collect(),
        Choices::Mediators => {
            let co: Vec<i64> = page.dossier.co_complainants.iter().map(|d| d.id).collect();
            let standing = staffing::standing_of_mediators(
                &v.ctx.db,
                &page.policy.settings,
                &page.dossier.case,
                &co,
            )
            .await?;
            let zone = v.signed_in()?.actor.zone;
            std::iter::once(option("", t("assign-automatic")))
                .chain(standing.into_iter().map(|(m, reasons)| {
                    let said = if reasons.is_empty() {
                        Said::new("mediator-eligible-of").text("name", m.name.clone())
                    } else {
                        Said::new("exclusion-of").text("name", m.name.clone()).list(
                            "reasons",
                            reasons.iter().map(staffing::Reason::said).collect(),
                            "; ",
                        )
                    };
                    option(m.pid.to_string(), i18n::say(&said, v.locale, zone))
                }))
                .collect()
        }
        Choices::RunningClocks => detail
            .deadlines
            .iter()
            .filter(|d| matches!(d.state, DeadlineState::Running | DeadlineState::Overdue))
            .map(|d| {
                option(
                    d.id.to_string(),
                    format!(
                        "{} · {}",
                        t(&format!("clock-{}", d.kind)),
                        d.due_at
                            .as_ref()
                            .map_or(String::new(), |i| i.words(v.locale))
                    ),
                )
            })
            .collect(),
        Choices::PendingExtensions => detail
            .extension_requests
            .iter()
            .filter(|x| x.status == "pending")
            .map(|x| {
                let kind = detail
                    .deadlines
                    .iter()
                    .find(|d| d.id == x.deadline_id)
                    .map_or(String::new(), |d| t(&format!("clock-{}", d.kind)));
                option(
                    x.pid.clone(),
                    format!("{kind} · +{} · {}", x.days, x.reason),
                )
            })
            .collect(),
        Choices::PendingChallenges => assignments
            .items
            .iter()
            .flat_map(|a| a.challenges.iter())
            .filter(|c| c.status == "pending")
            .map(|c| {
                option(
                    c.pid.clone(),
                    format!("{} · {}", t(&format!("party-{}", c.party)), c.reason),
                )
            })
            .collect(),
        Choices::Translatables => {
            let translated: Vec<&str> = detail
                .submissions
                .iter()
                .filter(|s| s.kind == SubmissionKind::Translation.as_ref())
                .map(|s| s.pid.as_str())
                .collect();
            let files =
                documents::listed(&v.ctx.db, &page.dossier.case, page.dossier.viewer_role).await?;
            detail
                .submissions
                .iter()
                .filter(|s| s.kind != SubmissionKind::Translation.as_ref())
                .map(|s| {
                    option(
                        s.pid.clone(),
                        format!(
                            "{} · {} · {}",
                            t(&format!("submission-{}", s.kind)),
                            t(&format!("language-{}", s.language)),
                            s.at.words(v.locale)
                        ),
                    )
                })
                .chain(
                    files
                        .iter()
                        .filter(|d| {
                            d.pleading
                                .is_none_or(|p| !translated.contains(&p.to_string().as_str()))
                        })
                        .map(|d| {
                            option(
                                d.doc.pid.to_string(),
                                format!(
                                    "{} · {}",
                                    d.doc.title,
                                    t(&format!("language-{}", d.doc.language))
                                ),
                            )
                        }),
                )
                .collect()
        }
        Choices::Languages => Language::iter()
            .map(|l| option(l.to_string(), t(&format!("language-{l}"))))
            .collect(),
        Choices::PendingTranslations => detail
            .translations
            .iter()
            .filter(|x| x.state == crate::models::translations::State::Pending)
            .map(|x| {
                option(
                    x.pid.clone(),
                    format!(
                        "{} → {} · {}",
                        t(&format!("language-{}", x.source_language)),
                        t(&format!("language-{}", x.language)),
                        x.requested_at.words(v.locale)
                    ),
                )
            })
            .collect(),
        Choices::Audiences { default } => audience_options(v, std::slice::from_ref(&default))
            .into_iter()
            .chain(audience_options(
                v,
                &Audience::iter()
                    .filter(|a| *a != default)
                    .collect::<Vec<_>>(),
            ))
            .collect(),
    })
}

/// The translations of each original the viewer reads, by the original's pid: each in its
/// language, with where it stands, its words and files once provided, and when the registry
/// owes it while pending (`mine`: the viewer's side asked, and its clocks wait for it).
fn versions(
    v: &Visitor,
    detail: &CaseDetail,
    dossier: &cases::dossier::Dossier,
    attached: &Map<String, Value>,
) -> Map<String, Value> {
    let side = dossier.viewer_role.and_then(cases::CaseRole::party);
    let mut out = Map::new();
    for t in &detail.translations {
        let provided = t
            .translation
            .as_ref()
            .and_then(|pid| detail.submissions.iter().find(|s| &s.pid == pid));
        let due = t.due_at.as_ref().map(|i| i.words(v.locale));
        let version = json!({
            "pid": t.pid,
            "language": t.language,
            "state": t.state,
            "party": t.party,
            "body": provided.map(|s| s.body.clone()).filter(|b| !b.is_empty()),
            "at": provided.map(|s| s.at.words(v.locale)),
            "files": provided.and_then(|s| attached.get(&s.pid)).cloned(),
            "due": due,
            "mine": side.is_some_and(|p| p.as_ref() == t.party),
        });
        if let Value::Array(list) = out
            .entry(t.source.clone())
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            list.push(version);
        }
    }
    out
}

/// Audiences as a form offers them: each with the words saying who reads it.
fn audience_options(v: &Visitor, audiences: &[Audience]) -> Vec<Value> {
    audiences
        .iter()
        .map(|a| option(a.to_string(), v.t(&format!("audience-{a}"))))
        .collect()
}

/// A refused form of the case page (an action's, or adding evidence), to show again open
/// with what was typed and why.
struct Refused {
    /// The action's name, or [`EVIDENCE_FORM`].
    form: String,
    values: Map<String, Value>,
    errors: FieldErrors,
    /// A refusal of the whole action (lifecycle, stale version, case rule).
    problem: Option<String>,
}

async fn case_page(
    v: &Visitor,
    pid_raw: &str,
    status: StatusCode,
    refused: Option<Refused>,
) -> Result<Response, WebError> {
    let me = v.signed_in()?.clone();
    let policy = v.policy().await?;
    let calendar = &policy.calendar;
    let case = cases::Model::find_for(&v.ctx.db, &me.actor, pid(pid_raw)?).await?;
    let record = staffing::record_of(&v.ctx.db, &me.actor, &case).await?;
    let assignments = AssignmentList::new(&record, me.actor.zone);
    // Why the rule passed over each mediator, in the reader's words, for those who may read
    // every mediator's reasons (the registry and oversight): the record explains itself.
    let exclusions: Map<String, Value> = record
        .assignments
        .iter()
        .filter(|_| record.full)
        .map(|(a, _, e)| {
            let words: Vec<String> = e
                .summary()
                .iter()
                .map(|said| i18n::say(said, v.locale, me.actor.zone))
                .collect();
            (a.pid.to_string(), json!(words))
        })
        .collect();
    let dossier = case.dossier(&v.ctx.db, &me.actor, &policy).await?;
    let detail = CaseDetail::new(&dossier, &me.actor, calendar, v.now);
    let mut forms = Vec::new();
    let page = CasePage {
        detail: &detail,
        assignments: &assignments,
        dossier: &dossier,
        policy: &policy,
    };
    for action in &detail.allowed_actions {
        let fields = action_fields(v, *action, &page).await?;
        let mine = refused.as_ref().filter(|r| r.form == action.to_string());
        forms.push(json!({
            "action": action,
            "fields": fields,
            "files": action.takes_files(),
            "open": mine.is_some(),
            "values": mine.map_or_else(
                || Map::from_iter([("written_in".to_string(), json!(v.locale))]),
                |r| r.values.clone()
            ),
            "errors": mine.map_or_else(Map::new, |r| field_messages(v.locale, &r.errors)),
        }));
    }
    let deadlines: Vec<Value> = detail
        .deadlines
        .iter()
        .map(|d| {
            let mut out = serde_json::to_value(d).unwrap_or(Value::Null);
            if let Some(obj) = out.as_object_mut() {
                obj.insert("words".into(), Value::String(d.words(v.locale)));
            }
            out
        })
        .collect();
    let problem = refused.as_ref().and_then(|r| r.problem.clone());
    let case = &dossier.case;
    let documents: Vec<Value> = documents::listed(&v.ctx.db, case, dossier.viewer_role)
        .await?
        .iter()
        .map(|d| {
            let view = DocumentView::new(case, d, &me.actor);
            let mut out = serde_json::to_value(&view).unwrap_or(Value::Null);
            if let Some(obj) = out.as_object_mut() {
                obj.insert("kind".into(), json!(kind_words(&view.media_type)));
                obj.insert("size_words".into(), json!(size_words(view.size, v.locale)));
            }
            out
        })
        .collect();
    let mut attached = Map::new();
    for doc in &documents {
        if let Some(pleading) = doc["pleading"].as_str() {
            if let Value::Array(list) = attached
                .entry(pleading.to_string())
                .or_insert_with(|| Value::Array(Vec::new()))
            {
                list.push(doc.clone());
            }
        }
    }
    let versions = versions(v, &detail, &dossier, &attached);
    let (messages, pleadings): (Vec<_>, Vec<_>) = detail
        .submissions
        .iter()
        .filter(|s| s.kind != SubmissionKind::Translation.as_ref())
        .partition(|s| s.kind == SubmissionKind::Message.as_ref());
    let message = refused.as_ref().filter(|r| r.form == MESSAGE_FORM);
    let languages: Vec<Value> = Language::iter()
        .map(|l| option(l.to_string(), v.t(&format!("language-{l}"))))
        .collect();
    let writing = (!detail.message_audiences.is_empty()).then(|| {
        json!({
            "open": message.is_some(),
            "values": message.map_or_else(Map::new, |r| r.values.clone()),
            "errors": message.map_or_else(Map::new, |r| field_messages(v.locale, &r.errors)),
            "audiences": audience_options(v, &detail.message_audiences),
            "languages": languages,
        })
    });
    let evidence_open =
        case.status()?.is_open() && dossier.viewer_role.and_then(documents::adds_for).is_some();
    let evidence = refused.as_ref().filter(|r| r.form == EVIDENCE_FORM);
    let limits = policy.settings.documents;
    let summary_errors = refused
        .as_ref()
        .filter(|r| !r.errors.is_empty())
        .map(|r| {
            let action = r.form.clone();
            field_messages(v.locale, &r.errors)
                .into_iter()
                .map(|(f, m)| {
                    // A field the form does not have (sent by hand) is named as sent.
                    let label = i18n::try_text(v.locale, &format!("afield-{f}"), &[])
                        .unwrap_or_else(|| f.clone());
                    json!({ "id": format!("a-{action}-{f}"), "field": f, "label": label, "action": action, "messages": m })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    v.page(
        status,
        "cases/show.html",
        "case-title",
        json!({
            "case": detail,
            "deadlines": deadlines,
            "assignments": assignments,
            "exclusions": exclusions,
            "forms": forms,
            "documents": documents,
            "attached": attached,
            "evidence": evidence_open.then(|| json!({
                "open": evidence.is_some(),
                "values": evidence.map_or_else(Map::new, |r| r.values.clone()),
                "errors": evidence.map_or_else(Map::new, |r| field_messages(v.locale, &r.errors)),
                "languages": languages,
            })),
            "pleadings": pleadings,
            "messages": messages,
            "versions": versions,
            "writing": writing,
            "limits": { "files": limits.max_files_per_pleading, "mb": limits.max_file_mb },
            "problem": problem,
            "summary_errors": summary_errors,
            "read_only": me.actor.role == Role::Oversight,
        }),
    )
}

/// `GET /cases/{pid}`
pub async fn show(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    case_page(&v, &raw, StatusCode::OK, None).await
}

/// `GET /cases/{pid}/act`: a refused action is shown at the address it was sent to; asked
/// for again (a reload, a language change), it is the case page.
pub async fn back_to_case(v: Visitor, Path(raw): Path<String>) -> Result<Response, WebError> {
    let id = pid(&raw)?;
    Ok(v.redirect(&format!("/cases/{id}"), None))
}

/// `POST /cases/{pid}/act`: one action through the case's one transition; a refusal shows
/// the case again with the form open and the reason.
pub async fn act(
    Path(raw): Path<String>,
    PostedWithFiles {
        v,
        form,
        attached,
        refused,
    }: PostedWithFiles,
) -> Result<Response, WebError> {
    let me = v.signed_in()?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let action_name = form.text("action");
    let Ok(action) = action_name.parse::<CaseAction>() else {
        return Err(AppError::Validation(FieldErrors::single(
            "action",
            "invalid_choice",
            "unknown action",
        ))
        .into());
    };
    let case_pid = pid(&raw)?;
    // The second step's word is the page's own, not one of the action's fields.
    let fields = super::FormData(
        form.0
            .iter()
            .filter(|(k, _)| k != "confirmed")
            .cloned()
            .collect(),
    );
    let outcome = match forms::command(action, &fields) {
        Ok(_)
            if refused.is_empty()
                && action.asks_to_confirm()
                && form.get("confirmed") != Some("yes") =>
        {
            v.release(&form).await?;
            return confirm(&v, &raw, case_pid, action, &form).await;
        }
        Ok(command) if refused.is_empty() => {
            let policy = v.policy().await?;
            transition::transition_attached(
                &v.ctx.db, &policy, &me.actor, case_pid, command, attached,
            )
            .await
        }
        Ok(_) => Err(AppError::Validation(refused)),
        Err(mut errors) => {
            errors.merge(refused);
            Err(AppError::Validation(errors))
        }
    };
    let location = format!("/cases/{case_pid}");
    let outcome = outcome.map(|_| ());
    answer_case_form(
        &v,
        &raw,
        &form,
        action.as_ref(),
        outcome,
        (&location, "flash-action-done"),
    )
    .await
}

/// The second step of an action that cannot be undone: what it ends, and the choice to go
/// on or keep the case as it is. The form's key and words travel with it unchanged.
async fn confirm(
    v: &Visitor,
    raw: &str,
    case_pid: uuid::Uuid,
    action: CaseAction,
    form: &super::FormData,
) -> Result<Response, WebError> {
    let me = v.signed_in()?;
    let case = cases::Model::find_for(&v.ctx.db, &me.actor, case_pid).await?;
    // Asked only of what would succeed now: an action the case no longer admits (withdrawn
    // meanwhile) is refused on the case page, as the transition would refuse it.
    let policy = v.policy().await?;
    let dossier = case.dossier(&v.ctx.db, &me.actor, &policy).await?;
    let case = &dossier.case;
    let offered = dossier
        .viewer_role
        .map_or_else(Vec::new, |role| case.offered_actions(role, &dossier.moment));
    if !offered.contains(&action) {
        let refusal = AppError::InvalidTransition {
            from: case.status.clone(),
            action: action.to_string(),
        };
        return refused_on_case_page(v, raw, form, action.as_ref(), refusal).await;
    }
    let kept: Vec<Value> = form
        .0
        .iter()
        .filter(|(k, _)| k != "_csrf" && k != "confirmed")
        .map(|(k, x)| json!({ "name": k, "value": x }))
        .collect();
    v.page(
        StatusCode::OK,
        "cases/confirm.html",
        "confirm-title",
        json!({
            "case": { "pid": case.pid, "reference": case.reference, "title": case.title },
            "action": action,
            "kept": kept,
        }),
    )
}

/// The answer to a form of the case page: done, to `location` with `flash`; refused, the
/// case page again with the form open (see [`refused_on_case_page`]).
async fn answer_case_form(
    v: &Visitor,
    raw: &str,
    form: &super::FormData,
    name: &str,
    outcome: Result<(), AppError>,
    (location, flash): (&str, &str),
) -> Result<Response, WebError> {
    match outcome {
        Ok(()) => v.done(form, location, flash).await,
        Err(refusal) => refused_on_case_page(v, raw, form, name, refusal).await,
    }
}

/// A refused form of the case page: the corrected form may be sent again under the same
/// key; refusals of the form and of the case's state show the case again with the form open
/// and the reason, anything else is an error page.
async fn refused_on_case_page(
    v: &Visitor,
    raw: &str,
    form: &super::FormData,
    name: &str,
    refusal: AppError,
) -> Result<Response, WebError> {
    v.release(form).await?;
    let status = refusal.answer().status;
    let again = |errors: FieldErrors, problem: Option<String>| Refused {
        form: name.to_string(),
        values: form.echo(),
        errors,
        problem,
    };
    let again = match refusal {
        AppError::Validation(errors) => again(errors, None),
        e @ (AppError::Conflict(_)
        | AppError::InvalidTransition { .. }
        | AppError::Rule(_)
        | AppError::Forbidden(_)) => again(FieldErrors::new(), Some(v.problem(&e))),
        e => return Err(e.into()),
    };
    case_page(v, raw, status, Some(again)).await
}

/// The case page's form for adding evidence on its own.
const EVIDENCE_FORM: &str = "evidence";

/// The case page's form for writing a message.
const MESSAGE_FORM: &str = "message";

/// `POST /cases/{pid}/messages`: a message to the audience chosen; a refusal shows the case
/// again with the form open, what was typed and why.
pub async fn write_message(
    Path(raw): Path<String>,
    PostedWithFiles {
        v,
        form,
        attached,
        refused,
    }: PostedWithFiles,
) -> Result<Response, WebError> {
    let me = v.signed_in()?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let case_pid = pid(&raw)?;
    let outcome = match correspondence::MessageInput::parse(
        form.get("audience"),
        form.get("body"),
        form.get("language"),
        refused,
    ) {
        Ok(input) => {
            let policy = v.policy().await?;
            correspondence::send(
                &v.ctx.db,
                &me.actor,
                case_pid,
                &input,
                attached.into_files(),
                policy.settings.documents,
                policy.now,
            )
            .await
            .map(|_| ())
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    let location = format!("/cases/{case_pid}#correspondence");
    answer_case_form(
        &v,
        &raw,
        &form,
        MESSAGE_FORM,
        outcome,
        (&location, "flash-message-sent"),
    )
    .await
}

/// A document's kind as a reader names it: the extension of its kind, in capitals.
fn kind_words(media_type: &str) -> String {
    MediaType::from_mime(media_type).map_or_else(
        || media_type.to_string(),
        |k| k.extension().to_ascii_uppercase(),
    )
}

/// A size in kB below a megabyte and in MB with one decimal above, written with the
/// locale's decimal mark.
fn size_words(bytes: i64, locale: Locale) -> String {
    const KB: i64 = 1024;
    if bytes < KB * KB {
        return format!("{} kB", (bytes + KB - 1) / KB);
    }
    let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
    let mark = if locale == Locale::En { '.' } else { ',' };
    format!("{}{mark}{} MB", tenths / 10, tenths % 10)
}

/// `GET /cases/{pid}/documents/{document}`: a document of a case the visitor may see, as an
/// attachment.
pub async fn download(
    v: Visitor,
    Path((case, document)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let me = v.signed_in()?;
    let doc = documents::one(&v.ctx.db, &me.actor, pid(&case)?, pid(&document)?).await?;
    Ok(crate::controllers::documents::attachment(&v.ctx.db, &doc))
}

/// `POST /cases/{pid}/documents`: evidence added on its own; a refusal shows the case again
/// with the form open and the reason.
pub async fn add_evidence(
    Path(raw): Path<String>,
    PostedWithFiles {
        v,
        form,
        attached,
        refused,
    }: PostedWithFiles,
) -> Result<Response, WebError> {
    let me = v.signed_in()?.clone();
    if let Some(done) = v.replay(&form).await? {
        return Ok(done);
    }
    let case_pid = pid(&raw)?;
    let outcome = match documents::Described::parse(
        form.get("title"),
        form.get("language"),
        attached.len(),
        refused,
    ) {
        Ok(described) => {
            let policy = v.policy().await?;
            documents::add_evidence(
                &v.ctx.db,
                &me.actor,
                case_pid,
                &described,
                attached.into_files(),
                policy.settings.documents,
                policy.now,
            )
            .await
            .map(|_| ())
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    let location = format!("/cases/{case_pid}#documents");
    answer_case_form(
        &v,
        &raw,
        &form,
        EVIDENCE_FORM,
        outcome,
        (&location, "flash-evidence-added"),
    )
    .await
}
