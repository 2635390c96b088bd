#pragma once

#include "error/status.h"
#include "foreign/importedmigration.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace uaip {

class DdlCatalog;
class PgConnection;
class Sandbox;
struct Migration;
struct VerifyReport;

// Converted migrations whose tool kept no down script (Prisma, Flyway community, an empty
// dbmate down section) get a down.sql written from the schema difference their up.sql makes,
// and proved, in one pass over a scratch database of the sandbox: every up.sql runs in order,
// the schema is read after each one, and MigrationGenerator writes what turns "after" back into
// "before", under a REVIEW header (data an up.sql wrote is not removed); the down.sql is then
// proved right there by verify's round trip (MigrationVerifier with a DownWriter: down.sql, the
// schema as before, up.sql again), before the next up.sql runs. One that fails it, and every one
// after an up.sql that fails on an empty database, gets a down.sql that refuses to run with the
// reason (and the generated SQL) in its comments, and the reason is returned. One that runs
// nothing (a data-only up.sql) is proved the same way and marked so: no down needed. Given the
// database the set runs on (import-migrations --db), a statement of a generated down.sql that
// would block one of its tables of more than maxRows live rows while it scans it is written in
// its online form (OnlineFormWriter), and that down.sql runs without a transaction.
class ImportDownGenerator
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportDownGenerator)

public:
    // Where the generated downs will run: their online forms are judged by its live sizes.
    struct LiveSizes
    {
        PgConnection *target = nullptr; // none: every down.sql as generated
        qint64 maxRows = -1;
    };

    // Notes, one per migration whose down.sql could not be generated; an error when the
    // sandbox cannot be used at all (the migrations are left as they were).
    static Status generate(Sandbox &sandbox, const QString &toolName,
                           QList<ImportedMigration> &migrations, QStringList *notes,
                           const LiveSizes &live);

private:
    // The verifier's DownWriter: writes each missing down.sql from the schema read on a scratch
    // database of its own, on a thread of its own, for the verifier to prove on another.
    class Writer;
    // m's down.sql from the schema difference its up.sql makes (before -> after); one that
    // refuses to run, saying why, when the generated one holds a stray statement.
    static void writeDown(const QString &toolName, const DdlCatalog &after,
                          const DdlCatalog &before, const LiveSizes &live, ImportedMigration &m,
                          QStringList *notes);
    // A generated down.sql whose round trip failed gives way to one that refuses to run,
    // keeping the reason and the generated SQL as comments.
    static void keepRefusingWhereRoundTripFails(const QString &toolName, const VerifyReport &report,
                                                QList<ImportedMigration> &migrations,
                                                QStringList *notes);
};

} // namespace uaip
