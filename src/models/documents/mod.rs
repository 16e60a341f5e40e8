//! Evidence documents: a file a party adds to a case, kept in the database in chunks so that
//! every node sees it and a database backup is a backup of the case file.
//!
//! A file is received into a temporary file first ([`Spooler`]): its size is held to the
//! limits, its SHA-256 computed and its kind judged by its content while it arrives, so a
//! slow upload never holds a database transaction open and memory never holds the file. Only
//! a file that passed goes into the database, in one transaction with the event that seals
//! its SHA-256 into the case's chain: no document without its event, no event without its
//! document.
pub mod kind;

use chrono::{DateTime, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder, QuerySelect, TransactionTrait};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

pub use self::kind::MediaType;
pub use super::_entities::documents::{ActiveModel, Column, Entity, Model};
use super::{
    _entities::document_chunks as chunks,
    case_events::{self, NewEvent},
    cases::{self, CaseRole},
    notifications::{self, Notice, NoticeKind, Timing},
    users::{self, Actor},
    vocabulary::{Language, Party},
};
use crate::errors::{AppError, AppResult, FieldErrors, Said};

impl ActiveModelBehavior for ActiveModel {}
impl ActiveModelBehavior for chunks::ActiveModel {}

/// Bytes per stored chunk: small enough that a download holds one at a time, large enough
/// that a 25 MB file is a hundred rows.
pub const CHUNK: usize = 256 * 1024;

const MB: u64 = 1024 * 1024;

/// How much a case file takes (`settings.documents`).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentLimits {
    /// The largest file, in MB.
    pub max_file_mb: u64,
    /// Files added at once (with one pleading, or as evidence).
    pub max_files_per_pleading: u64,
    /// All the files of one case, in MB.
    pub max_case_mb: u64,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        Self {
            max_file_mb: 25,
            max_files_per_pleading: 20,
            max_case_mb: 200,
        }
    }
}

impl DocumentLimits {
    #[must_use]
    pub const fn max_file_bytes(self) -> u64 {
        self.max_file_mb * MB
    }

    #[must_use]
    pub const fn max_case_bytes(self) -> u64 {
        self.max_case_mb * MB
    }

    /// The largest request body that can carry a full set of files and their fields.
    #[must_use]
    pub fn max_request_bytes(self) -> usize {
        usize::try_from(self.max_file_bytes() * self.max_files_per_pleading + MB)
            .unwrap_or(usize::MAX)
    }

    /// Whether the limits make sense.
    ///
    /// # Errors
    /// A limit of zero, or a file larger than a whole case may hold.
    pub fn check(self) -> Result<(), String> {
        if self.max_file_mb == 0 || self.max_files_per_pleading == 0 || self.max_case_mb == 0 {
            return Err("documents: every limit must be at least 1".into());
        }
        if self.max_file_mb > self.max_case_mb {
            return Err("documents: max_file_mb may not exceed max_case_mb".into());
        }
        Ok(())
    }
}

fn refused(code: &str, said: Said) -> AppError {
    AppError::Validation(FieldErrors::single_said("file", code, said))
}

/// A file being received, set aside in a temporary file.
pub struct Spooler {
    file: tokio::fs::File,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    limit: u64,
    name: String,
}

impl Spooler {
    /// Starts receiving the file uploaded under `name`.
    ///
    /// # Errors
    /// When no temporary file can be made.
    pub fn new(name: &str, limits: DocumentLimits) -> AppResult<Self> {
        let file = tempfile::tempfile()
            .map_err(|e| AppError::Internal(format!("a temporary file for an upload: {e}")))?;
        Ok(Self {
            file: tokio::fs::File::from_std(file),
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
            limit: limits.max_file_bytes(),
            name: file_name(name),
        })
    }

    /// Takes the next bytes of the file.
    ///
    /// # Errors
    /// The file grew past the limit (422, nothing kept), or the temporary file failed.
    pub async fn push(&mut self, bytes: &[u8]) -> AppResult<()> {
        self.size += bytes.len() as u64;
        if self.size > self.limit {
            return Err(refused(
                "too_large",
                Said::new("document-too-large")
                    .text("name", self.name.clone())
                    .number("mb", i64::try_from(self.limit / MB).unwrap_or(i64::MAX)),
            ));
        }
        if self.head.len() < kind::HEAD {
            let take = bytes.len().min(kind::HEAD - self.head.len());
            self.head.extend_from_slice(&bytes[..take]);
        }
        self.hasher.update(bytes);
        self.file
            .write_all(bytes)
            .await
            .map_err(|e| AppError::Internal(format!("spooling an upload: {e}")))
    }

    /// The file as received, its kind judged by its content.
    ///
    /// # Errors
    /// An empty file, or a kind a case file does not keep (422).
    pub async fn finish(mut self) -> AppResult<Spooled> {
        if self.size == 0 {
            return Err(refused(
                "empty",
                Said::new("document-empty").text("name", self.name),
            ));
        }
        let complete = self.size <= kind::HEAD as u64;
        let Some(kind) = MediaType::judge(&self.head, complete) else {
            return Err(refused(
                "type",
                Said::new("document-type-refused").text("name", self.name),
            ));
        };
        let spool_error =
            |e: std::io::Error| AppError::Internal(format!("spooling an upload: {e}"));
        self.file.flush().await.map_err(spool_error)?;
        self.file.rewind().await.map_err(spool_error)?;
        Ok(Spooled {
            file: self.file,
            size: self.size,
            sha256: hex::encode(self.hasher.finalize()),
            kind,
            name: self.name,
        })
    }
}

/// A file received whole and judged, waiting to be kept.
pub struct Spooled {
    file: tokio::fs::File,
    pub size: u64,
    pub sha256: String,
    pub kind: MediaType,
    /// The name it was uploaded under, made safe to show and to offer back.
    pub name: String,
}

/// The name a file was uploaded under, without any folder, control characters or quotes,
/// at most 120 characters; "document" when nothing is left.
#[must_use]
pub fn file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .take(120)
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() {
        "document".into()
    } else {
        clean.to_string()
    }
}

/// The longest title of a document, in characters.
pub const TITLE_MAX: usize = 200;

/// What the party says about the files it adds.
#[derive(Clone, Debug)]
pub struct Described {
    pub title: String,
    pub language: Language,
}

impl Described {
    /// Evidence as sent by a form or the API: a title, a language and `files` files, with
    /// `refused` the problems already found with the files. Every problem at once, one per
    /// field.
    ///
    /// # Errors
    /// A missing or too long title, a missing or unknown language, no file; `refused`.
    pub fn parse(
        title: Option<&str>,
        language: Option<&str>,
        files: usize,
        refused: FieldErrors,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = title.unwrap_or_default().trim();
        if title.is_empty() {
            errors.add_said("title", "required", Said::new("field-required"));
        } else if title.chars().count() > TITLE_MAX {
            errors.add_said(
                "title",
                "length",
                Said::new("field-too-long")
                    .number("max", i64::try_from(TITLE_MAX).unwrap_or(i64::MAX)),
            );
        }
        let language = match language.map(str::trim) {
            None | Some("") => {
                errors.add_said("language", "required", Said::new("field-required"));
                None
            }
            Some(l) => l.parse::<Language>().ok().or_else(|| {
                errors.add_said("language", "unknown", Said::new("field-unknown"));
                None
            }),
        };
        if !refused.is_empty() {
            errors.merge(refused);
        } else if files == 0 {
            errors.add_said("file", "required", Said::new("document-none"));
        }
        match language {
            Some(language) if errors.is_empty() => Ok(Self {
                title: title.to_string(),
                language,
            }),
            _ => Err(errors),
        }
    }
}

/// The party someone with `role` adds evidence for: the parties and the staff who run the
/// case; oversight reads only (`None`).
#[must_use]
pub const fn adds_for(role: CaseRole) -> Option<Party> {
    role.party()
}

/// Files sent with a filing or a pleading, received and judged, waiting for the transaction
/// that keeps what they came with.
#[derive(Default)]
pub struct Attachments(Vec<Spooled>);

impl std::fmt::Debug for Attachments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|s| (&s.name, s.size)))
            .finish()
    }
}

impl Attachments {
    #[must_use]
    pub const fn new(files: Vec<Spooled>) -> Self {
        Self(files)
    }

    #[must_use]
    pub fn into_files(self) -> Vec<Spooled> {
        self.0
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The files, leaving none behind.
    #[must_use]
    pub fn take(&mut self) -> Vec<Spooled> {
        std::mem::take(&mut self.0)
    }
}

/// Whose files are kept, on which case, with what, when.
pub struct Keeping<'a> {
    pub case: &'a cases::Model,
    pub author_id: i64,
    pub party: Party,
    /// The pleading the files came with; `None` for evidence on its own or a filing's.
    pub submission_id: Option<i64>,
    /// The language files without a description of their own are written in: the
    /// pleading's they came with (a translation's is the language it translates into).
    pub language: Language,
    pub now: DateTime<Utc>,
}

/// Keeps `files` on the case within the caller's transaction, each under `described` or,
/// when the files came with a pleading, under its own name in the pleading's language. The case
/// is claimed for writing first, so two uploads at once cannot both pass the case's size
/// limit. The caller seals [`sealed`] of the answer into its event.
///
/// # Errors
/// 422 for no files, too many or a case file over its limit; database errors.
pub async fn keep_all(
    txn: &impl ConnectionTrait,
    keeping: &Keeping<'_>,
    described: Option<&Described>,
    files: Vec<Spooled>,
    limits: DocumentLimits,
) -> AppResult<Vec<Model>> {
    if files.is_empty() {
        return Err(refused("required", Said::new("document-none")));
    }
    if files.len() as u64 > limits.max_files_per_pleading {
        return Err(refused(
            "too_many",
            Said::new("document-too-many").number(
                "n",
                i64::try_from(limits.max_files_per_pleading).unwrap_or(i64::MAX),
            ),
        ));
    }
    cases::Model::claim_for_writing(txn, keeping.case.pid).await?;
    let held = held_by(txn, keeping.case.id).await?;
    let adding: u64 = files.iter().map(|f| f.size).sum();
    if held + adding > limits.max_case_bytes() {
        return Err(refused(
            "case_full",
            Said::new("document-case-full")
                .number("mb", i64::try_from(limits.max_case_mb).unwrap_or(i64::MAX)),
        ));
    }
    let mut kept = Vec::with_capacity(files.len());
    for file in files {
        let described = described.cloned().unwrap_or_else(|| Described {
            title: title_from(&file.name),
            language: keeping.language,
        });
        kept.push(keep(txn, keeping, &described, file).await?);
    }
    Ok(kept)
}

/// What an event seals of the documents it records: each one's pid, SHA-256 and size.
#[must_use]
pub fn sealed(kept: &[Model]) -> serde_json::Value {
    kept.iter()
        .map(|d| serde_json::json!({"document": d.pid, "sha256": d.sha256, "size": d.size}))
        .collect()
}

/// The key of an event's detail under which it seals documents.
pub const SEALED_KEY: &str = "documents";

/// A file's name without its extension, as the title of a file sent with a pleading.
fn title_from(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem.trim().to_string(),
        _ => name.to_string(),
    }
}

/// Adds `files` to the case `pid` as evidence from `actor`, in one transaction with the
/// event that seals their SHA-256 into the case's chain and the notices to the other
/// parties. Gives the case and the documents.
///
/// # Errors
/// 404 for a case the actor may not see, 403 for one they may not add to, 422 for a closed
/// case, too many files or a case file over its limit; database errors.
pub async fn add_evidence(
    db: &DatabaseConnection,
    actor: &Actor,
    pid: Uuid,
    described: &Described,
    files: Vec<Spooled>,
    limits: DocumentLimits,
    now: DateTime<Utc>,
) -> AppResult<(cases::Model, Vec<Model>)> {
    let txn = db.begin().await?;
    cases::Model::claim_for_writing(&txn, pid).await?;
    let case = cases::Model::find_for(&txn, actor, pid).await?;
    let co = case.co_complainant_ids(&txn).await?;
    let party = case
        .role_of(actor, &co)
        .and_then(adds_for)
        .ok_or_else(|| AppError::Forbidden(Said::new("forbidden-not-a-party")))?;
    if !case.status()?.is_open() {
        return Err(AppError::Rule(Said::new("rule-case-closed-to-evidence")));
    }
    let keeping = Keeping {
        case: &case,
        author_id: actor.id,
        party,
        submission_id: None,
        language: described.language,
        now,
    };
    let kept = keep_all(&txn, &keeping, Some(described), files, limits).await?;
    let event = case_events::append(
        &txn,
        NewEvent {
            case_id: case.id,
            actor_id: Some(actor.id),
            action: case_events::Recorded::DocumentsAdded,
            from: None,
            to: None,
            detail: serde_json::json!({ SEALED_KEY: sealed(&kept) }),
        },
        now,
    )
    .await?;
    // Evidence on its own is every party's to read, so every party hears of it.
    let mut people = cases::transition::people(
        &txn,
        &case,
        &co,
        super::correspondence::told(super::vocabulary::Audience::AllParties),
    )
    .await?;
    people.retain(|u| u.id != actor.id);
    let notice = Notice {
        kind: NoticeKind::DocumentsAdded,
        case_id: Some(case.id),
        dedupe_base: format!("event:{}", event.id),
        payload: serde_json::json!({ "case": case.pid, "reference": case.reference }),
        timing: Timing::Now,
    };
    notifications::enqueue(&txn, &people, &notice, now).await?;
    txn.commit().await?;
    Ok((case, kept))
}

/// Bytes the case's documents already take.
async fn held_by(db: &impl ConnectionTrait, case_id: i64) -> AppResult<u64> {
    use sea_orm::sea_query::{Alias, Expr, Func};
    // PostgreSQL sums a BIGINT column as NUMERIC, which does not read back as an i64.
    let sum = Func::coalesce([Column::Size.sum(), Expr::value(0i64)]);
    let total: Option<i64> = Entity::find()
        .select_only()
        .column_as(
            Expr::expr(Func::cast_as(sum, Alias::new("BIGINT"))),
            "total",
        )
        .filter(Column::CaseId.eq(case_id))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    Ok(u64::try_from(total.unwrap_or(0)).unwrap_or(0))
}

async fn keep(
    db: &impl ConnectionTrait,
    keeping: &Keeping<'_>,
    described: &Described,
    mut file: Spooled,
) -> AppResult<Model> {
    let now = keeping.now;
    let doc = ActiveModel {
        pid: Set(Uuid::new_v4()),
        case_id: Set(keeping.case.id),
        submission_id: Set(keeping.submission_id),
        author_id: Set(keeping.author_id),
        party: Set(keeping.party.to_string()),
        title: Set(described.title.clone()),
        language: Set(described.language.to_string()),
        file_name: Set(file.name.clone()),
        media_type: Set(file.kind.mime().to_string()),
        size: Set(i64::try_from(file.size).unwrap_or(i64::MAX)),
        sha256: Set(file.sha256.clone()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut buf = vec![0u8; CHUNK];
    let mut seq = 0i32;
    loop {
        let n = fill(&mut file.file, &mut buf).await?;
        if n == 0 {
            break;
        }
        chunks::ActiveModel {
            document_id: Set(doc.id),
            seq: Set(seq),
            data: Set(buf[..n].to_vec()),
            created_at: Set(now.into()),
            updated_at: Set(now.into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        seq += 1;
    }
    Ok(doc)
}

/// Reads up to a full buffer (fewer only at the end of the file).
async fn fill(file: &mut tokio::fs::File, buf: &mut [u8]) -> AppResult<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = file
            .read(&mut buf[filled..])
            .await
            .map_err(|e| AppError::Internal(format!("reading a spooled upload: {e}")))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

/// A document as listed: with its author and the pleading it came with, if any.
#[derive(Clone, Debug)]
pub struct Listed {
    pub doc: Model,
    pub author: Option<users::Model>,
    pub pleading: Option<Uuid>,
}

/// The documents of a case the actor may see, oldest first.
///
/// # Errors
/// 404 for a case the actor may not see; database errors.
pub async fn of_case(
    db: &impl ConnectionTrait,
    actor: &Actor,
    pid: Uuid,
) -> AppResult<(cases::Model, Vec<Listed>)> {
    let (case, role) = case_and_standing(db, actor, pid).await?;
    let listed = listed(db, &case, role).await?;
    Ok((case, listed))
}

/// The case `pid` in the actor's scope, and how the actor stands to it.
async fn case_and_standing(
    db: &impl ConnectionTrait,
    actor: &Actor,
    pid: Uuid,
) -> AppResult<(cases::Model, Option<CaseRole>)> {
    let case = cases::Model::find_for(db, actor, pid).await?;
    let co = case.co_complainant_ids(db).await?;
    let role = case.role_of(actor, &co);
    Ok((case, role))
}

/// The documents of `case` that someone standing as `role` may see (those of the pleadings
/// and messages they read, and evidence), oldest first, for a caller that already holds the
/// case in the viewer's scope.
///
/// # Errors
/// Database errors.
pub async fn listed(
    db: &impl ConnectionTrait,
    case: &cases::Model,
    role: Option<CaseRole>,
) -> AppResult<Vec<Listed>> {
    use super::_entities::submissions;
    let docs = Entity::find()
        .filter(Column::CaseId.eq(case.id))
        .filter(super::correspondence::documents_read_by(role, case.id))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    if docs.is_empty() {
        return Ok(Vec::new());
    }
    let authors: std::collections::HashMap<i64, users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(docs.iter().map(|d| d.author_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let pleadings: std::collections::HashMap<i64, Uuid> = submissions::Entity::find()
        .select_only()
        .column(submissions::Column::Id)
        .column(submissions::Column::Pid)
        .filter(submissions::Column::Id.is_in(docs.iter().filter_map(|d| d.submission_id)))
        .into_tuple::<(i64, Uuid)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(docs
        .into_iter()
        .map(|doc| Listed {
            author: authors.get(&doc.author_id).cloned(),
            pleading: doc.submission_id.and_then(|s| pleadings.get(&s).copied()),
            doc,
        })
        .collect())
}

/// One document of a case the actor may see, when they read what it came with.
///
/// # Errors
/// 404 for a case or document the actor may not see; database errors.
pub async fn one(
    db: &impl ConnectionTrait,
    actor: &Actor,
    case_pid: Uuid,
    pid: Uuid,
) -> AppResult<Model> {
    let (case, role) = case_and_standing(db, actor, case_pid).await?;
    Entity::find()
        .filter(Column::CaseId.eq(case.id))
        .filter(Column::Pid.eq(pid))
        .filter(super::correspondence::documents_read_by(role, case.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Chunk `seq` of a document's content; `None` past its end.
///
/// # Errors
/// Database errors.
pub async fn chunk(
    db: &impl ConnectionTrait,
    document_id: i64,
    seq: i32,
) -> AppResult<Option<Vec<u8>>> {
    Ok(chunks::Entity::find()
        .select_only()
        .column(chunks::Column::Data)
        .filter(chunks::Column::DocumentId.eq(document_id))
        .filter(chunks::Column::Seq.eq(seq))
        .into_tuple::<Vec<u8>>()
        .one(db)
        .await?)
}

/// The SHA-256 and size of a document's content as stored now, read chunk by chunk.
///
/// # Errors
/// Database errors.
pub async fn digest_of_content(
    db: &impl ConnectionTrait,
    document_id: i64,
) -> AppResult<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut seq = 0;
    while let Some(data) = chunk(db, document_id, seq).await? {
        hasher.update(&data);
        size += data.len() as u64;
        seq += 1;
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// Documents whose content no longer matches the SHA-256 and size the case's chain sealed
/// when they were added (a file swapped or cut after the fact), or that the chain never
/// sealed at all (a file slipped in).
///
/// # Errors
/// Database errors.
pub async fn check_sealed(
    db: &impl ConnectionTrait,
    case_id: i64,
    events: &[case_events::Model],
) -> AppResult<Vec<case_events::ChainBreak>> {
    let stored = Entity::find()
        .filter(Column::CaseId.eq(case_id))
        .all(db)
        .await?;
    let mut breaks = Vec::new();
    let mut sealed_pids = std::collections::HashSet::new();
    for event in events {
        let detail: serde_json::Value = serde_json::from_str(&event.detail).unwrap_or_default();
        let Some(listed) = detail[SEALED_KEY].as_array().cloned() else {
            continue;
        };
        for entry in listed {
            let pid = entry["document"].as_str().unwrap_or_default().to_string();
            sealed_pids.insert(pid.clone());
            let mut problem = |p: String| {
                breaks.push(case_events::ChainBreak {
                    case_id,
                    seq: event.seq,
                    problem: p,
                });
            };
            let Some(doc) = stored.iter().find(|d| d.pid.to_string() == pid) else {
                problem(format!("document {pid} was sealed but is no longer kept"));
                continue;
            };
            let (sha, size) = digest_of_content(db, doc.id).await?;
            if Some(sha.as_str()) != entry["sha256"].as_str()
                || Some(size) != entry["size"].as_u64()
            {
                problem(format!(
                    "document {pid} (\"{}\") is not the file that was sealed",
                    doc.title
                ));
            }
        }
    }
    for doc in stored
        .iter()
        .filter(|d| !sealed_pids.contains(&d.pid.to_string()))
    {
        breaks.push(case_events::ChainBreak {
            case_id,
            seq: 0,
            problem: format!("document {} was never sealed into the chain", doc.pid),
        });
    }
    Ok(breaks)
}
