//! Reference data every signed-in person may read.
use axum::{extract::State, routing::get};
use loco_rs::prelude::{format, AppContext, Response, Result, Routes};

use super::extract::CurrentActor;
use crate::{
    models::{bodies, delegations},
    views::people::{BodyView, DelegationView},
};

async fn list_delegations(State(ctx): State<AppContext>, _who: CurrentActor) -> Result<Response> {
    let list = delegations::list(&ctx.db).await?;
    format::json(list.iter().map(DelegationView::from).collect::<Vec<_>>())
}

async fn list_bodies(State(ctx): State<AppContext>, _who: CurrentActor) -> Result<Response> {
    let list = bodies::list(&ctx.db).await?;
    format::json(list.iter().map(BodyView::from).collect::<Vec<_>>())
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("/api")
        .add("/delegations", get(list_delegations))
        .add("/bodies", get(list_bodies))
}
