//! Small builders shared by the migrations, so every table gets the same conventions:
//! `created_at`/`updated_at` in UTC, 64-bit ids, and foreign keys that refuse to delete
//! a row something still points at (grievance records are never cascaded away).
use sea_orm_migration::prelude::*;

pub fn table(name: &str) -> TableCreateStatement {
    loco_rs::schema::table_auto_tz(Alias::new(name))
}

pub fn fk(from_table: &str, column: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk-{from_table}-{column}-to-{to_table}"))
        .from(Alias::new(from_table), Alias::new(column))
        .to(Alias::new(to_table), Alias::new("id"))
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

pub async fn index(m: &SchemaManager<'_>, table: &str, columns: &[&str]) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(format!("idx-{table}-{}", columns.join("-")))
        .table(Alias::new(table));
    for c in columns {
        stmt.col(Alias::new(*c));
    }
    m.create_index(stmt.to_owned()).await
}

pub async fn unique_index(
    m: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(format!("uniq-{table}-{}", columns.join("-")))
        .table(Alias::new(table))
        .unique();
    for c in columns {
        stmt.col(Alias::new(*c));
    }
    m.create_index(stmt.to_owned()).await
}

pub async fn drop(m: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    m.drop_table(Table::drop().table(Alias::new(name)).to_owned())
        .await
}

/// Creates indexes written as SQL (`ON table (columns) [WHERE ...]`), for what the schema
/// builder cannot say portably: partial indexes, and composite ones in display order.
pub async fn create_indexes(m: &SchemaManager<'_>, indexes: &[(&str, &str)]) -> Result<(), DbErr> {
    for (name, on) in indexes {
        m.get_connection()
            .execute_unprepared(&format!("CREATE INDEX \"{name}\" {on}"))
            .await?;
    }
    Ok(())
}

/// Drops indexes made by [`create_indexes`].
pub async fn drop_indexes(m: &SchemaManager<'_>, indexes: &[(&str, &str)]) -> Result<(), DbErr> {
    for (name, _) in indexes {
        m.get_connection()
            .execute_unprepared(&format!("DROP INDEX \"{name}\""))
            .await?;
    }
    Ok(())
}
