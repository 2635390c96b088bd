#include "importformat.h"

#include <QStringList>

namespace uaip {

namespace {

ImportFormat dbmateFormat()
{
    ImportFormat dbmate;
    dbmate.id = QStringLiteral("dbmate");
    dbmate.displayName = QStringLiteral("dbmate");
    dbmate.layout = ImportFormat::Layout::Sections;
    // dbmate's migrationFileRegexp ^(\d+).*\.sql$; the name after an optional '_' or '-'
    dbmate.upPattern = QStringLiteral(R"(^(\d+)[_-]?(.*)\.sql$)");
    // upRegExp / downRegExp of pkg/dbmate/migration.go (case-sensitive)
    dbmate.upMarker = QStringLiteral(R"(^--\s*migrate:up(\s*$|\s+\S+.*$))");
    dbmate.downMarker = QStringLiteral(R"(^--\s*migrate:down(\s*$|\s+\S+.*$))");
    dbmate.statementsBeforeUp = false;
    dbmate.noTransaction = ImportFormat::NoTransaction::MarkerOption;
    dbmate.layoutText = QStringLiteral("VERSION_name.sql");
    return dbmate;
}

ImportFormat golangMigrateFormat()
{
    ImportFormat golang;
    golang.id = QStringLiteral("golang-migrate");
    golang.displayName = QStringLiteral("golang-migrate");
    golang.layout = ImportFormat::Layout::FilePair;
    // source.Regex: ^([0-9]+)_(.*)\.(down|up)\.(.*)$ (SQL files only here)
    golang.upPattern = QStringLiteral(R"(^([0-9]+)_(.*)\.up\.sql$)");
    golang.downPattern = QStringLiteral(R"(^([0-9]+)_(.*)\.down\.sql$)");
    golang.layoutText = QStringLiteral("VERSION_name.up.sql / .down.sql");
    // the postgres driver sends a file as one query: no transaction of its own, so a file that
    // wants one says BEGIN; ... COMMIT; itself
    golang.detectNoTransaction = true;
    golang.unwrapOwnTransaction = true;
    return golang;
}

ImportFormat flywayFormat()
{
    ImportFormat flyway;
    flyway.id = QStringLiteral("flyway");
    flyway.displayName = QStringLiteral("Flyway");
    flyway.layout = ImportFormat::Layout::FilePair;
    // sqlMigrationPrefix V, undoSqlMigrationPrefix U, separator __, version parts split by
    // '.' or '_'
    flyway.upPattern = QStringLiteral(R"(^V(\d+(?:[._]\d+)*)__(.+)\.sql$)");
    flyway.downPattern = QStringLiteral(R"(^U(\d+(?:[._]\d+)*)__(.+)\.sql$)");
    flyway.repeatablePattern = QStringLiteral(R"(^R__(.+)\.sql$)");
    flyway.scansSubdirectories = true;
    flyway.noTransaction = ImportFormat::NoTransaction::ConfFile;
    flyway.layoutText = QStringLiteral("V<version>__<description>.sql");
    // PostgreSQLParser.detectCanExecuteInTransaction: such a file runs outside a transaction
    flyway.detectNoTransaction = true;
    flyway.flywayPlaceholders = true;
    // Flyway runs a file in its transaction; the file's own COMMIT ends it early
    flyway.unwrapOwnTransaction = true;
    return flyway;
}

ImportFormat nodePgMigrateFormat()
{
    ImportFormat npm;
    npm.id = QStringLiteral("node-pg-migrate");
    npm.displayName = QStringLiteral("node-pg-migrate");
    npm.layout = ImportFormat::Layout::Sections;
    npm.upPattern = QStringLiteral(R"(^(\d+)_?(.*)\.sql$)");
    // createMigrationCommentRegex of sqlMigration: case-insensitive, multi-line
    npm.upMarker = QStringLiteral(R"((?i)^\s*--[\s-]*up\s+migration.*$)");
    npm.downMarker = QStringLiteral(R"((?i)^\s*--[\s-]*down\s+migration.*$)");
    npm.nodePgMigrateSlices = true;
    // the runner wraps each migration in BEGIN ... COMMIT; a file that says BEGIN; ... COMMIT;
    // itself runs all the same (its BEGIN only warns) and stays atomic: the same as golang-migrate
    npm.unwrapOwnTransaction = true;
    npm.byHandPattern = QStringLiteral(R"(^\d+.*\.(js|cjs|mjs|ts|cts|mts)$)");
    npm.layoutText = QStringLiteral("VERSION_name.sql");
    return npm;
}

ImportFormat dieselFormat()
{
    ImportFormat diesel;
    diesel.id = QStringLiteral("diesel");
    diesel.displayName = QStringLiteral("diesel");
    diesel.layout = ImportFormat::Layout::Folder;
    diesel.upPattern = QStringLiteral(R"(^(\d[\d-]*\d|\d)_(.+)$)");
    diesel.noTransaction = ImportFormat::NoTransaction::MetadataToml;
    diesel.digitsOnlyVersion = true;
    diesel.layoutText = QStringLiteral("VERSION_name/up.sql");
    // `diesel migration generate`'s down.sql
    diesel.downTemplate = {QStringLiteral("-- This file should undo anything in `up.sql`")};
    return diesel;
}

ImportFormat prismaFormat()
{
    ImportFormat prisma;
    prisma.id = QStringLiteral("prisma");
    prisma.displayName = QStringLiteral("Prisma");
    prisma.layout = ImportFormat::Layout::Folder;
    // `prisma migrate dev --name init`: prisma/migrations/20240101120000_init/migration.sql
    prisma.upPattern = QStringLiteral(R"(^(\d+)_(.+)$)");
    prisma.upFileName = QStringLiteral("migration.sql");
    prisma.downFileName.clear();
    prisma.layoutText = QStringLiteral("<timestamp>_<name>/migration.sql");
    prisma.detectNoTransaction = true; // the schema engine sends the script as it is
    // so a file that wants a transaction says BEGIN; ... COMMIT; (its template for an enum
    // change does)
    prisma.unwrapOwnTransaction = true;
    return prisma;
}

ImportFormat typeOrmFormat()
{
    ImportFormat typeorm;
    typeorm.id = QStringLiteral("typeorm");
    typeorm.displayName = QStringLiteral("TypeORM");
    typeorm.layout = ImportFormat::Layout::QueryCalls;
    // `typeorm migration:generate` / `migration:create`: <timestamp>-<Name>.ts
    typeorm.upPattern = QStringLiteral(R"(^(\d+)[-_](.+)\.(ts|js|mjs|cjs|mts|cts)$)");
    // TypeORM runs every class its migrations glob loads, whatever the file is called
    typeorm.candidatePattern
        = QStringLiteral(R"(^(?!.*\.d\.[cm]?ts$).*\.(ts|js|mjs|cjs|mts|cts)$)");
    typeorm.layoutText = QStringLiteral("<timestamp>-<Name>.ts");
    return typeorm;
}

ImportFormat sqlxFormat()
{
    ImportFormat sqlx;
    sqlx.id = QStringLiteral("sqlx");
    sqlx.displayName = QStringLiteral("sqlx");
    // one folder holds both layouts: a simple VERSION_description.sql (no down) and a reversible
    // VERSION_description.up.sql with its .down.sql; the description is the rest of the name
    // after the first '_' without the suffix (MigrationType::suffix)
    sqlx.layout = ImportFormat::Layout::FilePair;
    sqlx.upPattern = QStringLiteral(R"(^(\d+)_(?!.*\.down\.sql$)(.*?)(?:\.up)?\.sql$)");
    sqlx.downPattern = QStringLiteral(R"(^(\d+)_(.*)\.down\.sql$)");
    // source.rs: no_tx = sql.starts_with("-- no-transaction"), of the file as read
    sqlx.noTransaction = ImportFormat::NoTransaction::LeadingComment;
    sqlx.noTransactionComment = "-- no-transaction";
    // the migrator runs a file in its transaction (the file's COMMIT ends it early), or as it
    // is with -- no-transaction
    sqlx.unwrapOwnTransaction = true;
    sqlx.layoutText = QStringLiteral("VERSION_description.sql, or .up.sql and .down.sql");
    // `sqlx migrate add -r`'s down file (MigrationType::file_content)
    sqlx.downTemplate = {QStringLiteral("-- Add down migration script here")};
    return sqlx;
}

QList<ImportFormat> makeAll()
{
    QList<ImportFormat> out;
    out << dbmateFormat() << golangMigrateFormat() << flywayFormat() << nodePgMigrateFormat()
        << dieselFormat() << prismaFormat() << typeOrmFormat() << sqlxFormat();
    return out;
}

} // namespace

const QList<ImportFormat> &ImportFormat::all()
{
    static const QList<ImportFormat> formats = makeAll();
    return formats;
}

const ImportFormat *ImportFormat::find(const QString &id)
{
    for (const ImportFormat &f : all())
        if (f.id.compare(id, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

QString ImportFormat::ids()
{
    QStringList out;
    for (const ImportFormat &f : all())
        out << f.id;
    return out.join(u'|');
}

} // namespace uaip
