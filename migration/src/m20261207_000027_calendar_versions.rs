use sea_orm_migration::prelude::*;

/// A number that grows with every change to the holiday table, so each node keeps its
/// working-day calendar and checks with one read by key whether it still holds. Triggers
/// count every writer (the admin pages, the API, seeding, a hand-made change), so no code
/// path can change a holiday and leave a node's calendar stale.
#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS calendar_versions (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
    "INSERT INTO calendar_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING",
    "CREATE TRIGGER IF NOT EXISTS holidays_added AFTER INSERT ON holidays \
     BEGIN UPDATE calendar_versions SET version = version + 1 WHERE id = 1; END",
    "CREATE TRIGGER IF NOT EXISTS holidays_changed AFTER UPDATE ON holidays \
     BEGIN UPDATE calendar_versions SET version = version + 1 WHERE id = 1; END",
    "CREATE TRIGGER IF NOT EXISTS holidays_removed AFTER DELETE ON holidays \
     BEGIN UPDATE calendar_versions SET version = version + 1 WHERE id = 1; END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS holidays_added",
    "DROP TRIGGER IF EXISTS holidays_changed",
    "DROP TRIGGER IF EXISTS holidays_removed",
    "DROP TABLE IF EXISTS calendar_versions",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS calendar_versions (id BIGINT PRIMARY KEY, version BIGINT NOT NULL)",
    "INSERT INTO calendar_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING",
    "CREATE OR REPLACE FUNCTION holidays_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN UPDATE calendar_versions SET version = version + 1 WHERE id = 1; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS holidays_changed ON holidays",
    "CREATE TRIGGER holidays_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays \
     FOR EACH STATEMENT EXECUTE FUNCTION holidays_changed()",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS holidays_changed ON holidays",
    "DROP FUNCTION IF EXISTS holidays_changed()",
    "DROP TABLE IF EXISTS calendar_versions",
];

async fn run(m: &SchemaManager<'_>, sqlite: &[&str], postgres: &[&str]) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => sqlite,
        _ => postgres,
    };
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, SQLITE_UP, POSTGRES_UP).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}
