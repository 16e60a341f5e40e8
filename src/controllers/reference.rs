//! Reference data every signed-in person may read.
use super::extract::Ctx;
use axum::routing::get;
use loco_rs::prelude::{format, Response, Result, Routes};

use super::extract::CurrentActor;
use crate::errors::ErrorBody;
use crate::{
    models::{bodies, delegations},
    views::people::{BodyView, DelegationView},
};

#[utoipa::path(get, path = "/api/delegations", tag = "reference", security(("bearer" = [])), responses((status = 200, body = Vec<DelegationView>), (status = 401, description = "not signed in", body = ErrorBody)))]
pub async fn list_delegations(Ctx(ctx): Ctx, _who: CurrentActor) -> Result<Response> {
    let list = delegations::list(&ctx.db).await?;
    format::json(list.iter().map(DelegationView::from).collect::<Vec<_>>())
}

#[utoipa::path(get, path = "/api/bodies", tag = "reference", security(("bearer" = [])), responses((status = 200, body = Vec<BodyView>), (status = 401, description = "not signed in", body = ErrorBody)))]
pub async fn list_bodies(Ctx(ctx): Ctx, _who: CurrentActor) -> Result<Response> {
    let list = bodies::list(&ctx.db).await?;
    format::json(list.iter().map(BodyView::from).collect::<Vec<_>>())
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api")
        .add("/delegations", get(list_delegations))
        .add("/bodies", get(list_bodies))
}
