//! A case's documents as their viewer may read them: the author is withheld where naming
//! them would identify a protected complainant, as for pleadings.
use serde::Serialize;

use super::{
    cases::{named, PersonRef},
    Instant,
};
use crate::models::{
    cases::{disclosure::Disclosure, Model as Case},
    documents::Listed,
    users::Actor,
};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    pub pid: String,
    pub title: String,
    pub language: String,
    /// The name it was uploaded under.
    pub file_name: String,
    /// Judged from the content, not from the name.
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    /// The side that added it.
    pub party: String,
    /// Withheld when it would identify a protected complainant.
    pub author: Option<PersonRef>,
    pub at: Instant,
    /// The pleading it came with; `None` for evidence added on its own.
    pub pleading: Option<String>,
    /// Where the content is downloaded.
    pub href: String,
}

impl DocumentView {
    #[must_use]
    pub fn new(case: &Case, listed: &Listed, viewer: &Actor) -> Self {
        let shown = Disclosure::for_actor(case, viewer);
        let Listed {
            doc,
            author,
            pleading,
        } = listed;
        Self {
            pid: doc.pid.to_string(),
            title: doc.title.clone(),
            language: doc.language.clone(),
            file_name: doc.file_name.clone(),
            media_type: doc.media_type.clone(),
            size: doc.size,
            sha256: doc.sha256.clone(),
            party: doc.party.clone(),
            author: named(shown, author),
            at: Instant::from_db(doc.created_at, viewer.zone),
            pleading: pleading.map(|p| p.to_string()),
            href: format!("/api/cases/{}/documents/{}", case.pid, doc.pid),
        }
    }
}

/// The multipart form that adds documents to a case: a title, the language the files are
/// in, and one `file` part per file.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    pub title: String,
    /// en, fr, es, ar, zh or ru.
    pub language: String,
    #[schema(value_type = Vec<String>, format = Binary)]
    pub file: Vec<Vec<u8>>,
}

/// A filing or an action with documents: its JSON body, as sent alone, in a `json` part,
/// and one `file` part per document (each kept under its own name, in the case's language).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct JsonWithFilesForm {
    /// The JSON body the request takes without documents.
    pub json: String,
    #[schema(value_type = Vec<String>, format = Binary)]
    pub file: Vec<Vec<u8>>,
}
