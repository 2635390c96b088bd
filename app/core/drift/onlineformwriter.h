#pragma once

#include "forecast/relationsize.h"
#include "generatedscript.h"
#include "live/planforecastreader.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace uaip {

class PgConnection;
struct RelationLock;

// Generated SQL in its online form where a table is big (issue 43, point 7). A statement of a
// generated script that would block the platform's queries while it scans or rewrites an
// existing table of more than maxRows live rows (BlockingWorkGate's judgement, on the
// statement's StatementLockForecast and the live sizes) is written in its online form:
//   CREATE [UNIQUE] INDEX          -> CREATE [UNIQUE] INDEX CONCURRENTLY
//   ADD CONSTRAINT CHECK / FOREIGN KEY
//                                  -> ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT
//   ADD CONSTRAINT ... UNIQUE (columns)
//                                  -> CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT
//                                     ... UNIQUE USING INDEX
//   ALTER COLUMN ... SET NOT NULL  -> ADD CHECK (column IS NOT NULL) NOT VALID, VALIDATE it,
//                                     SET NOT NULL (which the valid CHECK spares its scan),
//                                     DROP the CHECK
// and the script then runs without a transaction (-- uaip:no-transaction: each statement
// commits on its own, so VALIDATE and the index build hold no lock that blocks writes; a
// failure leaves the migration dirty at that statement, and repair --resume goes on). A note
// names each rewrite. A statement with no online form written here (a rewriting type change, a
// primary key, an exclusion constraint, anything on a partitioned table) stays as written with a
// note naming the online form: the gate refuses it where the table is big.
//
// Tables the script creates are new wherever it runs and are never rewritten.
class OnlineFormWriter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineFormWriter)

public:
    // sizes: RelationSizes' entries by name as written; maxRows < 0: nothing is rewritten.
    // scalar: the SET NOT NULL (relation, column) pairs a CHECK can prove
    // (PlanForecastReader::scalarColumns); any other has no online form.
    OnlineFormWriter(QHash<QString, RelationSize> sizes, qint64 maxRows,
                     PlanForecastReader::ColumnPairs scalar);

    // The scripts rewritten by the live sizes on target (RelationSizes, one statement, only
    // when a statement does such work): the number of statements rewritten, or the failed read.
    static Result<int> rewriteOnLive(PgConnection &target, qint64 maxRows,
                                     const QList<GeneratedScript *> &scripts);
    // The relations the statements of the scripts lock while they scan or rewrite (as written):
    // the names whose sizes decide.
    static QStringList relationsToSize(const QList<GeneratedScript *> &scripts);
    // Rewrites the script's statements in place; the number of statements rewritten.
    int rewrite(GeneratedScript &script) const;
    // CREATE [UNIQUE] INDEX as pg_get_indexdef writes it, with CONCURRENTLY put after INDEX
    // (never deparsed: libpg_query 15-4.0 does not quote an index's name) and a ';'; empty for
    // any other text.
    static QString concurrentIndex(const QByteArray &indexDefinition);

private:
    // The statement in its online form (one or more statements, each ending in ';'), or empty
    // when it has none written here; an error (Refused) where there is none and it says what to
    // do instead.
    Result<QString> onlineForm(const QByteArray &statement, const RelationSize &size) const;
    // The big table a statement blocks while it works (an entry of m_sizes), or nullptr.
    const RelationSize *blockedBigTable(const QList<RelationLock> &locks,
                                        const QSet<QString> &created, QString *onlineHint) const;
    // A step's SQL with each statement in its online form where it needs one; notes added.
    QString rewriteStep(const DdlStep &step, const QSet<QString> &created, GeneratedScript &script,
                        int *rewritten) const;

    QHash<QString, RelationSize> m_sizes;
    qint64 m_maxRows;
    PlanForecastReader::ColumnPairs m_scalar;
};

} // namespace uaip
