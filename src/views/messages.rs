//! A message or note as its reader sees it: its audience, its author where the disclosure
//! rule lets them be named, and the documents that came with it.
use serde::Serialize;

use super::{cases::SubmissionView, documents::DocumentView};
use crate::models::{
    cases::{disclosure::Disclosure, Model as Case},
    correspondence, documents,
    users::Actor,
};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    #[serde(flatten)]
    pub message: SubmissionView,
    pub documents: Vec<DocumentView>,
}

impl MessageView {
    /// `message`, with those of `docs` (the case's documents the viewer may see) that came
    /// with it.
    #[must_use]
    pub fn new(
        case: &Case,
        message: &correspondence::Listed,
        docs: &[documents::Listed],
        viewer: &Actor,
    ) -> Self {
        let (m, author) = message;
        let shown = Disclosure::for_actor(case, viewer);
        Self {
            message: SubmissionView::new(m, author, shown, viewer.zone),
            documents: docs
                .iter()
                .filter(|d| d.pleading == Some(m.pid))
                .map(|d| DocumentView::new(case, d, viewer))
                .collect(),
        }
    }
}
