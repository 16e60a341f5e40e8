//! Evidence documents of a case: add (multipart), list, download. Each handler parses,
//! scopes, makes one model call, renders.
use super::extract::Ctx;
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Path},
    http::{header, StatusCode},
    response::IntoResponse,
    routing::{get, post},
};
use loco_rs::prelude::{format, Response, Result, Routes};

use super::{
    extract::{pid, CurrentActor},
    upload::Uploaded,
};
use crate::{
    errors::{AppError, ErrorBody, FieldErrors},
    models::documents::{self, Described, MediaType},
    views::documents::DocumentView,
};

#[utoipa::path(post, path = "/api/cases/{pid}/documents", tag = "documents", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), request_body(content = crate::views::documents::UploadForm, content_type = "multipart/form-data", description = "a title, the language of the files and one or more files (each at most `settings.documents.max_file_mb`)"), responses((status = 201, description = "kept, its SHA-256 sealed into the case's chain", body = [DocumentView]), (status = 401, description = "not signed in", body = ErrorBody), (status = 403, description = "not a party to the case", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody), (status = 409, description = "the case is closed", body = ErrorBody), (status = 422, description = "a missing field, a file too large or of a kind not kept, too many files, or a case file full", body = ErrorBody)))]
pub async fn add(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
    Uploaded(sent): Uploaded,
) -> Result<Response> {
    let pid = pid(&raw)?;
    sent.only(&["title", "language"], "title, language and file")?;
    let described = Described::parse(
        sent.text("title"),
        sent.text("language"),
        sent.files.len(),
        FieldErrors::new(),
    )
    .map_err(AppError::Validation)?;
    let policy = current.policy(&ctx).await?;
    let limits = policy.settings.documents;
    let files = sent.files;
    let (case, kept) = documents::add_evidence(
        &ctx.db,
        &current.actor,
        pid,
        &described,
        files,
        limits,
        policy.now,
    )
    .await?;
    let views: Vec<DocumentView> = kept
        .into_iter()
        .map(|doc| {
            let listed = documents::Listed {
                doc,
                author: Some(current.user.clone()),
                pleading: None,
            };
            DocumentView::new(&case, &listed, &current.actor)
        })
        .collect();
    format::render().status(StatusCode::CREATED).json(views)
}

#[utoipa::path(get, path = "/api/cases/{pid}/documents", tag = "documents", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid")), responses((status = 200, body = [DocumentView]), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such case, or not visible to you", body = ErrorBody)))]
pub async fn list(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path(raw): Path<String>,
) -> Result<Response> {
    let (case, docs) = documents::of_case(&ctx.db, &current.actor, pid(&raw)?).await?;
    format::json(
        docs.iter()
            .map(|d| DocumentView::new(&case, d, &current.actor))
            .collect::<Vec<_>>(),
    )
}

/// `Content-Disposition: attachment` with an ASCII name and the UTF-8 one (RFC 6266).
fn disposition(name: &str, kind: Option<MediaType>) -> String {
    let name = match kind {
        Some(k)
            if !name
                .to_ascii_lowercase()
                .ends_with(&format!(".{}", k.extension())) =>
        {
            format!("{name}.{}", k.extension())
        }
        _ => name.to_string(),
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%' | ';') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let utf8 = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{utf8}")
}

#[utoipa::path(get, path = "/api/cases/{pid}/documents/{document}", tag = "documents", security(("bearer" = [])), params(("pid" = String, Path, description = "the case pid"), ("document" = String, Path, description = "the document pid")), responses((status = 200, description = "the file, always as an attachment", content_type = "application/octet-stream"), (status = 401, description = "not signed in", body = ErrorBody), (status = 404, description = "no such case or document, or not visible to you", body = ErrorBody)))]
pub async fn download(
    Ctx(ctx): Ctx,
    current: CurrentActor,
    Path((case, document)): Path<(String, String)>,
) -> Result<Response> {
    let doc = documents::one(&ctx.db, &current.actor, pid(&case)?, pid(&document)?).await?;
    Ok(attachment(&ctx.db, &doc))
}

/// A document's content as a download, whichever door asked: streamed one chunk at a time
/// as the client takes them, always as an attachment that no browser renders or sniffs.
#[must_use]
pub fn attachment(db: &sea_orm::DatabaseConnection, doc: &documents::Model) -> Response {
    let kind = MediaType::from_mime(&doc.media_type);
    let db = db.clone();
    let id = doc.id;
    let body = futures::stream::unfold(0i32, move |seq| {
        let db = db.clone();
        async move {
            match documents::chunk(&db, id, seq).await {
                Ok(Some(data)) => Some((Ok::<_, AppError>(data), seq + 1)),
                Ok(None) => None,
                Err(e) => Some((Err(e), i32::MAX)),
            }
        }
    });
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, doc.media_type.clone()),
            (header::CONTENT_LENGTH, doc.size.to_string()),
            (
                header::CONTENT_DISPOSITION,
                disposition(&doc.file_name, kind),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (header::ETAG, format!("\"{}\"", doc.sha256)),
        ],
        Body::from_stream(body),
    )
        .into_response()
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api/cases")
        // Each file's size is held to the limit while it streams in; the body as a whole is
        // bounded by the number of files.
        .add(
            "/{pid}/documents",
            post(add).get(list).layer(DefaultBodyLimit::disable()),
        )
        .add("/{pid}/documents/{document}", get(download))
}
