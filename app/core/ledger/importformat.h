#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace uaip {

// How another tool lays out its migration files, for MigrationImporter: one table of formats
// (all()), read by one converter. The patterns are the tools' own (from their sources):
//
//   dbmate           VERSION_name.sql, "-- migrate:up" / "-- migrate:down" sections, the
//                    marker's option transaction:false
//   golang-migrate   VERSION_name.up.sql and VERSION_name.down.sql
//   flyway           V<version>__<desc>.sql, U<version>__<desc>.sql (undo), <file>.conf with
//                    executeInTransaction=false; R__<desc>.sql repeatables after the versioned
//                    ones (FlywayRepeatables)
//   node-pg-migrate  VERSION_name.sql with "-- Up Migration" / "-- Down Migration" in either
//                    order (getActions of its sqlMigration: no up marker, the whole file is the
//                    up migration); .js/.ts: convert by hand
//   diesel           VERSION_name/up.sql, down.sql, metadata.toml run_in_transaction = false;
//                    the version its digits only, as diesel records it
//   prisma           prisma/migrations/<timestamp>_<name>/migration.sql (no down scripts;
//                    migration_lock.toml beside them is not a migration)
//   typeorm          <timestamp>-<Name>.ts / .js, class <Name><timestamp>: the string literals
//                    of queryRunner.query() in up() and down() (TypeOrmExtractor); anything
//                    else: convert by hand
//   sqlx             VERSION_description.sql (simple: no down) and VERSION_description.up.sql /
//                    .down.sql (reversible), either in one folder (resolve_blocking of its
//                    migrate/source.rs: the name split at its first '_'); a file that starts with
//                    "-- no-transaction" runs outside a transaction
struct ImportFormat
{
    enum class Layout {
        Sections, // one file, up and down sections between markers
        FilePair, // an up file and a down file
        Folder, // a folder with up.sql and down.sql
        QueryCalls, // TypeORM: a class whose up() and down() call queryRunner.query()
    };
    enum class NoTransaction {
        None,
        MarkerOption, // dbmate: "-- migrate:up transaction:false"
        ConfFile, // Flyway: V1__x.sql.conf, executeInTransaction=false
        MetadataToml, // diesel: metadata.toml, run_in_transaction = false
        LeadingComment, // sqlx: the file's first bytes are noTransactionComment
    };

    QString id;
    QString displayName;
    Layout layout = Layout::Sections;
    // A migration's file (folder for Folder): captures the version (1) and the name (2).
    QString upPattern;
    // FilePair: the down file, same captures. An up file without one is a migration the tool
    // cannot roll back (golang-migrate's, sqlx's simple VERSION_description.sql).
    QString downPattern;
    QString upFileName = QStringLiteral("up.sql"); // Folder: the files in a migration's folder
    QString downFileName = QStringLiteral("down.sql"); // empty: the tool keeps no down
    QString upMarker; // Sections: the up section's marker line (multi-line mode)
    QString downMarker;
    // node-pg-migrate: without an up marker the whole file is the up migration, and the down
    // section may come first (each section runs to the other's marker or the end)
    bool nodePgMigrateSlices = false;
    bool statementsBeforeUp = true; // dbmate refuses statements before its up marker
    // Flyway's repeatables, R__<description>.sql: captures the description (its '_' are spaces)
    QString repeatablePattern;
    QString byHandPattern; // files listed "convert by hand" (node-pg-migrate's .js / .ts)
    // files the tool would run, so one not named like a migration is a problem, not skipped
    // (empty: .sql files)
    QString candidatePattern;
    NoTransaction noTransaction = NoTransaction::None;
    // LeadingComment: what a file starts with, byte for byte, to run outside a transaction (a
    // byte order mark before it hides it, as from the tool)
    QByteArray noTransactionComment;
    // The tool runs a file as it is (golang-migrate, Prisma) or decides by its statements
    // (Flyway): a file with a statement that only runs outside a transaction is marked so
    bool detectNoTransaction = false;
    // golang-migrate, node-pg-migrate, Flyway, Prisma: a file's own BEGIN; ... COMMIT;
    bool unwrapOwnTransaction = false;
    bool flywayPlaceholders = false; // ${name} replaced as Flyway does
    // Flyway scans its locations recursively: a migration in a subdirectory is named as a
    // problem (NestedMigrationFiles), never left out in silence
    bool scansSubdirectories = false;
    // diesel: the version is what diesel records and orders by, the folder's digits with its
    // '-' removed (2017-08-31-230457 is 20170831230457, after 20140924113530)
    bool digitsOnlyVersion = false;
    QString layoutText; // for messages: "VERSION_name.sql"
    // The comment lines the tool's generator writes into a new down file (diesel's): a down with
    // only these was never written, unlike one with comments of the project's ("-- do nothing")
    QStringList downTemplate;

    static const QList<ImportFormat> &all();
    static const ImportFormat *find(const QString &id);
    static QString ids(); // "dbmate|golang-migrate|..."
};

} // namespace uaip
