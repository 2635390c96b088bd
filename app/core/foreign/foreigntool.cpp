#include "foreigntool.h"

namespace uaip {

namespace {

ForeignTool tool(const char *id, const char *displayName, const char *table,
                 std::initializer_list<const char *> columns, bool keepsName,
                 const char *folderPattern)
{
    ForeignTool t;
    t.id = QString::fromLatin1(id);
    t.displayName = QString::fromLatin1(displayName);
    t.defaultTable = QString::fromLatin1(table);
    for (const char *c : columns)
        t.columns << QString::fromLatin1(c);
    t.readSql = QStringLiteral("read_") + t.id.toLower().replace(u'-', u'_');
    t.keepsName = keepsName;
    t.folderPattern = QString::fromLatin1(folderPattern);
    return t;
}

QList<ForeignTool> makeAll()
{
    // The shapes as each tool's own source creates them on PostgreSQL (checked against the
    // real tools for TypeORM, dbmate and node-pg-migrate by tests/foreign).
    QList<ForeignTool> tools{
        // MigrationExecutor.createMigrationsTableIfNotExist: id SERIAL, timestamp bigint,
        // name varchar; name = class name, <Name><timestamp>
        tool("typeorm", "TypeORM", "migrations",
             {"id integer", "timestamp bigint", "name character varying"}, true,
             "<timestamp>_<name>"),
        // the schema engine's CREATE TABLE _prisma_migrations
        tool("prisma", "Prisma", "_prisma_migrations",
             {"id character varying(36)", "checksum character varying(64)",
              "finished_at timestamp with time zone", "migration_name character varying(255)",
              "logs text", "rolled_back_at timestamp with time zone",
              "started_at timestamp with time zone", "applied_steps_count integer"},
             true, "<timestamp>_<name>"),
        // createMetaDataTable.sql of the PostgreSQL database type
        tool("flyway", "Flyway", "flyway_schema_history",
             {"installed_rank integer", "version character varying(50)",
              "description character varying(200)", "type character varying(20)",
              "script character varying(1000)", "checksum integer",
              "installed_by character varying(100)", "installed_on timestamp without time zone",
              "execution_time integer", "success boolean"},
             true, "<version>_<description>"),
        // create table if not exists <schema>.schema_migrations (version varchar primary key)
        // (dbmate 2 on PostgreSQL; varchar(128) is its MySQL table)
        tool("dbmate", "dbmate", "schema_migrations", {"version character varying"}, false,
             "<version>_<name>"),
        // CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key,
        // dirty boolean not null)
        tool("golang-migrate", "golang-migrate", "schema_migrations",
             {"version bigint", "dirty boolean"}, false, "<version>_<name>"),
        // CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL,
        // run_on timestamp NOT NULL); name = file name without extension
        tool("node-pg-migrate", "node-pg-migrate", "pgmigrations",
             {"id integer", "name character varying(255)", "run_on timestamp without time zone"},
             true, "<timestamp>_<name>"),
        // __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on
        // TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP); version = the folder's digits
        tool("diesel", "diesel", "__diesel_schema_migrations",
             {"version character varying(50)", "run_on timestamp without time zone"}, false,
             "<version>_<name>"),
        // sqlx-postgres migrate.rs ensure_migrations_table: version BIGINT PRIMARY KEY,
        // description TEXT, installed_on TIMESTAMPTZ, success BOOLEAN, checksum BYTEA (SHA-384
        // of the up file), execution_time BIGINT; description = the file's with '_' as ' '
        tool("sqlx", "sqlx", "_sqlx_migrations",
             {"version bigint", "description text", "installed_on timestamp with time zone",
              "success boolean", "checksum bytea", "execution_time bigint"},
             true, "<version>_<description>.sql"),
    };
    tools[1].checksum = ForeignChecksum::Kind::PrismaSha256;
    tools[2].checksum = ForeignChecksum::Kind::FlywayCrc32;
    // Flyway 4 and earlier: schema_version; Flyway 3's has version_rank before the rest
    tools[2].legacyTables = {QStringLiteral("schema_version")};
    tools[2].legacyColumns
        = {QStringList{QStringLiteral("version_rank integer")} + tools[2].columns};
    tools[2].foundByShape = true;
    tools[3].orderedByVersion = true; // dbmate rolls back its newest version
    tools[4].cumulative = true;
    tools[4].orderedByVersion = true;
    tools[6].digitsOnlyVersion = true;
    tools[6].orderedByVersion = true; // diesel reverts its highest version
    tools[7].checksum = ForeignChecksum::Kind::SqlxSha384;
    tools[7].orderedByVersion = true; // sqlx migrate revert: its highest applied version
    return tools;
}

} // namespace

const QList<ForeignTool> &ForeignTool::all()
{
    static const QList<ForeignTool> tools = makeAll();
    return tools;
}

const ForeignTool *ForeignTool::find(const QString &id)
{
    for (const ForeignTool &t : all())
        if (t.id.compare(id, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

QStringList ForeignTool::ids()
{
    QStringList out;
    for (const ForeignTool &t : all())
        out << t.id;
    return out;
}

} // namespace uaip
