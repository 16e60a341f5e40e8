//! Forums where incidents happen (committees, conferences, working groups...).
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryOrder};
use serde::Deserialize;
use validator::Validate;

pub use super::_entities::bodies::{ActiveModel, Column, Entity, Model};
use super::vocabulary::{BodyKind, Locale};
use crate::errors::{one_line, visible_2, AppResult, FieldErrors};

impl ActiveModelBehavior for ActiveModel {}

/// A reference name's translations, by language: `{"fr": "...", "es": "..."}`. The name it
/// is kept under stands for any language it has none in.
pub type Translations = std::collections::BTreeMap<Locale, String>;

impl Model {
    /// The body's name in each language it has one in, besides the name it is kept under.
    #[must_use]
    pub fn translations(&self) -> Translations {
        // Written only by `create` from checked input; a row edited by hand into something
        // else reads as having no translations rather than failing every page it is on.
        serde_json::from_str(&self.names).unwrap_or_default()
    }

    /// # Errors
    /// Database errors.
    pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> AppResult<Option<Self>> {
        super::by_code::<Entity>(db, Column::Code, code).await
    }

    /// The id of the body an input names by `code`, or, when none has it, `None` and an
    /// `unknown` problem on `field`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn id_named(
        db: &impl ConnectionTrait,
        code: &str,
        field: &str,
        errors: &mut crate::errors::FieldErrors,
    ) -> AppResult<Option<i64>> {
        let named = (Column::Code, "body");
        super::id_named::<Entity>(db, named, code, (field, errors), |m| m.id).await
    }

    /// Finds the bodies with these codes, in any letter case, in one query, keyed by code
    /// as stored (upper case).
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_by_codes(
        db: &impl ConnectionTrait,
        codes: &[&str],
    ) -> AppResult<std::collections::HashMap<String, Self>> {
        super::by_codes::<Entity>(db, Column::Code, codes, |m| m.code.clone()).await
    }
}

/// # Errors
/// Database errors.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Model>> {
    Ok(Entity::find().order_by_asc(Column::Name).all(db).await?)
}

/// Adds a body; codes are unique and upper-case.
///
/// # Errors
/// 422 when the code is taken.
pub async fn create(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    names: &Translations,
    kind: BodyKind,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Model> {
    let code = super::code_key(code);
    if Model::find_by_code(db, &code).await?.is_some() {
        FieldErrors::single("code", "taken", "another body has this code").into_result()?;
    }
    Ok(ActiveModel {
        code: Set(code),
        name: Set(name.trim().to_string()),
        names: Set(serde_json::to_string(
            &names
                .iter()
                .map(|(l, n)| (*l, n.trim().to_string()))
                .filter(|(_, n)| !n.is_empty())
                .collect::<Translations>(),
        )
        .unwrap_or_else(|_| "{}".into())),
        kind: Set(kind.to_string()),
        created_at: Set(now.into()),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A body as an admin adds it (from the API or the page).
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewBodyParams)]
pub struct NewBody {
    #[validate(length(min = 2, max = 20), custom(function = "body_code"))]
    pub code: String,
    #[validate(
        length(max = 200),
        custom(function = "one_line"),
        custom(function = "visible_2")
    )]
    pub name: String,
    /// Its official name in other languages, where it has one: `{"fr": "...", "es": "..."}`.
    #[serde(default)]
    #[validate(custom(function = "translated_names"))]
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub names: Translations,
    pub kind: BodyKind,
}

/// Each translation is a name as `name` is: one line of visible words, up to 200 characters.
fn translated_names(names: &Translations) -> Result<(), validator::ValidationError> {
    for name in names.values().filter(|n| !n.trim().is_empty()) {
        if name.chars().count() > 200 {
            return Err(validator::ValidationError::new("length")
                .with_message("at most 200 characters".into()));
        }
        one_line(name)?;
    }
    Ok(())
}

/// Body codes appear in URLs and filters: letters, digits, `-` and `_` only.
fn body_code(code: &str) -> Result<(), validator::ValidationError> {
    if code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("letters, digits, '-' and '_' only".into()))
    }
}

impl NewBody {
    /// Adds the body once its code and name pass.
    ///
    /// # Errors
    /// 422 per field; a taken code is a 422 on `code`.
    pub async fn add(
        self,
        db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
        admin: &super::users::Actor,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AppResult<Model> {
        use super::admin_log::{self, AdminChange, Subject};
        use sea_orm::TransactionSession;
        FieldErrors::refuse_invalid(&self)?;
        let txn = db.begin().await?;
        let body = create(&txn, &self.code, &self.name, &self.names, self.kind, now).await?;
        let change = AdminChange::of(admin.id, Subject::Body, &body.code, None, Some(&body))?;
        admin_log::record(&txn, change, now).await?;
        txn.commit().await?;
        Ok(body)
    }
}
