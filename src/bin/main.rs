use loco_rs::cli;
use migration::Migrator;
use redress::app::App;

// A request allocates and frees many small values (rows, views, JSON); under glibc's
// allocator that was a quarter of the server's CPU on the caseload (README, Proof).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> loco_rs::Result<()> {
    cli::main::<App, Migrator>().await
}
