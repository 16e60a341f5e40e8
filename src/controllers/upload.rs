//! Requests that carry documents: `multipart/form-data` read part by part, each `file` part
//! spooled as it arrives (held to `settings.documents`, judged by its content), the other
//! parts read as short texts. The API's filing and actions take either their JSON body as
//! ever, or the same JSON in a `json` part beside `file` parts.
use axum::{
    body::Bytes,
    extract::{multipart::MultipartError, FromRequest, Multipart, Request},
    http::header::CONTENT_TYPE,
};
use loco_rs::app::AppContext;

use super::extract::{MAX_BODY_BYTES, WHOLE_REQUEST};
use crate::{
    errors::{AppError, FieldErrors, Said},
    models::documents::{Attachments, DocumentLimits, Spooled, Spooler},
    settings::Settings,
};

/// The part of a multipart request that holds its JSON.
pub const JSON_PART: &str = "json";

/// The parts of a multipart request: its texts in the order sent, and its files.
pub struct Upload {
    pub texts: Vec<(String, String)>,
    pub files: Vec<Spooled>,
    /// Why a file was refused (too large, empty, of a kind not kept, one too many): reading
    /// stopped there, and no file is kept.
    pub refused: FieldErrors,
}

impl Upload {
    /// The text sent under `name` (the last, when sent more than once).
    #[must_use]
    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .rfind(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The refusal of a file, as an error.
    ///
    /// # Errors
    /// When a file was refused.
    pub fn files_ok(&self) -> Result<(), AppError> {
        self.refused.clone().into_result()
    }

    /// 422 naming the first text part not in `known`.
    ///
    /// # Errors
    /// A part this request does not take.
    pub fn only(&self, known: &[&str], expected: &str) -> Result<(), AppError> {
        match self
            .texts
            .iter()
            .find(|(k, _)| !known.contains(&k.as_str()))
        {
            Some((name, _)) => Err(AppError::Validation(FieldErrors::single(
                name,
                "unknown",
                format!("this upload takes only {expected}"),
            ))),
            None => Ok(()),
        }
    }
}

fn unreadable(e: &MultipartError) -> AppError {
    AppError::Validation(FieldErrors::single(
        "file",
        "multipart",
        format!("the upload could not be read: {}", e.body_text()),
    ))
}

/// Whether the request says it is `multipart/form-data`.
#[must_use]
pub fn is_multipart(req: &Request) -> bool {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Reads every part: texts up to [`MAX_BODY_BYTES`] in all, files spooled one at a time and
/// at most `limits.max_files_per_pleading` of them. `before_files` sees the texts sent
/// before the first file and may refuse the request there, before any file is received
/// (a page's form sends its CSRF token first). A file refused by the limits or by its kind
/// ends the reading with the texts read so far and the refusal in [`Upload::refused`], so a
/// page whose file inputs come last can show its form again with everything typed.
///
/// # Errors
/// 422 for an unreadable body or a text too long; `before_files`'s refusal; a temporary
/// file that cannot be written.
pub async fn read(
    mut multipart: Multipart,
    limits: DocumentLimits,
    before_files: impl Fn(&[(String, String)]) -> Result<(), AppError>,
) -> Result<Upload, AppError> {
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut files = Vec::new();
    let mut text_bytes = 0usize;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| unreadable(&e))? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            if files.is_empty() {
                before_files(&texts)?;
            }
            let mut first = field.chunk().await.map_err(|e| unreadable(&e))?;
            while first.as_ref().is_some_and(|b| b.is_empty()) {
                first = field.chunk().await.map_err(|e| unreadable(&e))?;
            }
            // A page's file input left empty still sends a part, with no name and no bytes.
            if first.is_none() && field.file_name().unwrap_or_default().is_empty() {
                continue;
            }
            if files.len() as u64 >= limits.max_files_per_pleading {
                let refused = FieldErrors::single_said(
                    "file",
                    "too_many",
                    Said::new("document-too-many").number(
                        "n",
                        i64::try_from(limits.max_files_per_pleading).unwrap_or(i64::MAX),
                    ),
                );
                return Ok(Upload::refused(texts, refused));
            }
            let mut spool = Spooler::new(field.file_name().unwrap_or_default(), limits)?;
            let mut next = first;
            let received = loop {
                let Some(bytes) = next else {
                    break spool.finish().await;
                };
                if let Err(e) = spool.push(&bytes).await {
                    break Err(e);
                }
                next = field.chunk().await.map_err(|e| unreadable(&e))?;
            };
            match received {
                Ok(file) => files.push(file),
                Err(AppError::Validation(refused)) => return Ok(Upload::refused(texts, refused)),
                Err(e) => return Err(e),
            }
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(part) = field.chunk().await.map_err(|e| unreadable(&e))? {
            text_bytes += part.len();
            if text_bytes > MAX_BODY_BYTES {
                return Err(AppError::Validation(FieldErrors::single(
                    WHOLE_REQUEST,
                    "too_large",
                    format!("the texts of an upload may not exceed {MAX_BODY_BYTES} bytes"),
                )));
            }
            bytes.extend_from_slice(&part);
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            AppError::Validation(FieldErrors::single(&name, "utf8", "must be UTF-8 text"))
        })?;
        texts.push((name, text));
    }
    Ok(Upload {
        texts,
        files,
        refused: FieldErrors::new(),
    })
}

impl Upload {
    fn refused(texts: Vec<(String, String)>, refused: FieldErrors) -> Self {
        Self {
            texts,
            files: Vec::new(),
            refused,
        }
    }
}

/// A body of JSON, read whole up to [`MAX_BODY_BYTES`].
///
/// # Errors
/// 422 for another content type, an unreadable body or one too large.
pub async fn json_bytes(req: Request) -> Result<Bytes, AppError> {
    let is_json = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.starts_with("application/json") || ct.contains("+json"));
    if !is_json {
        return Err(AppError::Validation(FieldErrors::single(
            WHOLE_REQUEST,
            "content_type",
            "send the body as application/json",
        )));
    }
    use http_body_util::BodyExt;
    match http_body_util::Limited::new(req.into_body(), MAX_BODY_BYTES)
        .collect()
        .await
    {
        Ok(body) => Ok(body.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => {
            Err(AppError::Validation(FieldErrors::single(
                WHOLE_REQUEST,
                "too_large",
                format!("the body may not exceed {MAX_BODY_BYTES} bytes"),
            )))
        }
        Err(_) => Err(AppError::Validation(FieldErrors::single(
            WHOLE_REQUEST,
            "unreadable",
            "the request body could not be read",
        ))),
    }
}

/// A JSON body with the documents sent along: plain JSON (no documents), or multipart with
/// the JSON in its [`JSON_PART`] part and one `file` part per document.
pub struct JsonWithFiles {
    pub json: Bytes,
    pub attached: Attachments,
}

impl FromRequest<AppContext> for JsonWithFiles {
    type Rejection = loco_rs::Error;

    async fn from_request(req: Request, ctx: &AppContext) -> Result<Self, Self::Rejection> {
        if !is_multipart(&req) {
            return Ok(Self {
                json: json_bytes(req).await?,
                attached: Attachments::default(),
            });
        }
        let Uploaded(upload) = Uploaded::from_request(req, ctx).await?;
        upload.only(&[JSON_PART], "json and file parts")?;
        let Some(json) = upload.text(JSON_PART) else {
            return Err(AppError::Validation(FieldErrors::single(
                JSON_PART,
                "required",
                "send the JSON body in a part named json",
            ))
            .into());
        };
        Ok(Self {
            json: Bytes::from(json.to_string()),
            attached: Attachments::new(upload.files),
        })
    }
}

/// A multipart request read whole under `settings.documents`, its files refused or
/// spooled; anything that is not readable multipart is a 422, never the framework's 400.
pub struct Uploaded(pub Upload);

impl FromRequest<AppContext> for Uploaded {
    type Rejection = loco_rs::Error;

    async fn from_request(req: Request, ctx: &AppContext) -> Result<Self, Self::Rejection> {
        let limits = Settings::of(ctx)?.documents;
        let multipart = Multipart::from_request(req, ctx).await.map_err(|e| {
            AppError::Validation(FieldErrors::single(
                WHOLE_REQUEST,
                "multipart",
                format!("send the upload as multipart/form-data: {}", e.body_text()),
            ))
        })?;
        let upload = read(multipart, limits, |_| Ok(())).await?;
        upload.files_ok()?;
        Ok(Self(upload))
    }
}
