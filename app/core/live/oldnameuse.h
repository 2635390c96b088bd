#pragma once

#include "contractoldnames.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

class PgConnection;

// Which statements of the workload name what a contract removes (ContractOldNames), as
// pg_stat_statements of this database counted them: the extension's schema found in
// pg_extension, the top-level statements, calls summed per queryid, the console's own statements
// left out (SqlResource::firstLines). Each statement's normalized text is parsed (its typed tree,
// never a pattern): it names a table when a RangeVar does (schema and name, or the name where
// either leaves the schema out); it names a column of that table when it names the table and a
// ColumnRef ends in the column, or an INSERT's column list, an UPDATE's SET, an ON CONFLICT's
// target or SET holds it, or it writes the table by position (an INSERT without a column list,
// a COPY ... FROM without one: the contract moves the column). "SELECT *" names no column. A
// column of the same name of another table
// in the same statement counts as well: the gate rather stops once too often than drops a column
// in use.
class OldNameUse
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OldNameUse)

public:
    struct Statement
    {
        QString queryId;
        QString query; // normalized ($1 for each constant)
        qint64 calls = 0; // since pg_stat_statements was last reset
    };
    struct Workload
    {
        // Why the workload could not be read (not created, not preloaded, the role may not read
        // the statements' texts, a failed read); empty when it was.
        QString unreadable;
        QString schema; // the extension's
        QString statsReset; // since when it counts (UTC; empty: never reset)
        QList<Statement> statements;
    };

    // The schema pg_stat_statements is created in here; nullopt when it is not created; the
    // error of a failed read.
    static Result<std::optional<QString>> schemaOf(PgConnection &connection);
    // The workload now, in a read-only transaction of its own.
    static Workload read(PgConnection &connection);
    // The old names the statement names (their text()); nullopt when it does not parse.
    static std::optional<QStringList> names(const QString &query,
                                            const QList<ContractOldNames::OldName> &oldNames);
};

} // namespace uaip
