//! `cargo loco task demo:seed`: loads the member states, demo bodies, people and cases into
//! an empty database (what `cargo loco start` does by itself on a fresh development DB).
use loco_rs::{
    app::AppContext,
    task::{Task, TaskInfo, Vars},
    Result,
};

pub struct SeedDemo;

#[async_trait::async_trait]
impl Task for SeedDemo {
    fn task(&self) -> TaskInfo {
        TaskInfo {
            name: "demo:seed".to_string(),
            detail: "Load member states, demo bodies, people (password in README) and ~30 cases"
                .to_string(),
        }
    }

    async fn run(&self, ctx: &AppContext, _vars: &Vars) -> Result<()> {
        let summary = super::demo::load(ctx, crate::clock::now(ctx)).await?;
        println!("{summary}");
        Ok(())
    }
}
