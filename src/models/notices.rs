//! What a batch of claimed notices says, read from the database in a fixed number of queries
//! whatever the batch size: the recipients, the cases, the clocks the notices name, each
//! case's open clocks (a lifecycle notice shows the next one its reader may see), and each
//! case's complainants by name. Delivery renders every email of the batch from it without
//! another query.
use std::collections::{BTreeSet, HashMap};

use sea_orm::entity::prelude::*;

use super::{cases, deadlines, delegations, users};
use crate::errors::{AppError, AppResult};

/// One claimed notice, as far as the facts go: who it is for, about which case and clock.
#[derive(Clone, Copy, Debug)]
pub struct About {
    pub user_id: i64,
    pub case_id: Option<i64>,
    pub deadline_id: Option<i64>,
}

/// Everything a batch of emails needs from the database.
#[derive(Debug, Default)]
pub struct Facts {
    pub users: HashMap<i64, users::Model>,
    pub cases: HashMap<i64, cases::Model>,
    /// The clocks deadline notices name.
    pub deadlines: HashMap<i64, deadlines::Model>,
    /// Each case's open clocks, soonest first.
    pub open_clocks: HashMap<i64, Vec<deadlines::Model>>,
    /// Each case's complainants by name: the lead first, then co-complainants by name.
    pub complainants: HashMap<i64, String>,
}

impl Facts {
    /// Reads the facts of these notices.
    ///
    /// # Errors
    /// Database errors.
    pub async fn load(db: &impl ConnectionTrait, batch: &[About]) -> AppResult<Self> {
        let user_ids: BTreeSet<i64> = batch.iter().map(|a| a.user_id).collect();
        let case_ids: Vec<i64> = batch
            .iter()
            .filter_map(|a| a.case_id)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let deadline_ids: BTreeSet<i64> = batch.iter().filter_map(|a| a.deadline_id).collect();
        let (users, cases, deadlines, open_clocks, co) = futures::try_join!(
            async {
                users::Entity::find()
                    .filter(users::Column::Id.is_in(user_ids))
                    .all(db)
                    .await
                    .map_err(AppError::from)
            },
            async {
                cases::Entity::find()
                    .filter(cases::Column::Id.is_in(case_ids.clone()))
                    .all(db)
                    .await
                    .map_err(AppError::from)
            },
            async {
                deadlines::Entity::find()
                    .filter(deadlines::Column::Id.is_in(deadline_ids))
                    .all(db)
                    .await
                    .map_err(AppError::from)
            },
            deadlines::open_by_case(db, case_ids.clone()),
            cases::co_complainants_of(db, case_ids.clone()),
        )?;
        let cases: HashMap<i64, cases::Model> = cases.into_iter().map(|c| (c.id, c)).collect();
        let complainants = complainant_names(db, &cases, co).await?;
        Ok(Self {
            users: users.into_iter().map(|u| (u.id, u)).collect(),
            cases,
            deadlines: deadlines.into_iter().map(|d| (d.id, d)).collect(),
            open_clocks,
            complainants,
        })
    }
}

/// Each case's complainant delegations by name, the lead first, then co-complainants in
/// the order of their names.
async fn complainant_names(
    db: &impl ConnectionTrait,
    cases: &HashMap<i64, cases::Model>,
    mut co: HashMap<i64, Vec<i64>>,
) -> AppResult<HashMap<i64, String>> {
    let filed_by: HashMap<i64, Vec<i64>> = cases
        .values()
        .map(|c| {
            let others = co.remove(&c.id).unwrap_or_default();
            (
                c.id,
                std::iter::once(c.complainant_delegation_id)
                    .chain(others)
                    .collect(),
            )
        })
        .collect();
    let ids: BTreeSet<i64> = filed_by.values().flatten().copied().collect();
    let names: HashMap<i64, String> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    Ok(filed_by
        .into_iter()
        .map(|(case, ids)| {
            let mut list: Vec<&str> = ids
                .iter()
                .filter_map(|id| names.get(id).map(String::as_str))
                .collect();
            if let Some(co) = list.get_mut(1..) {
                co.sort_unstable();
            }
            (case, list.join(", "))
        })
        .collect())
}
