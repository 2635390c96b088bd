#pragma once

#include "error/status.h"

#include "tableinfo.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// Checks a free WHERE clause before the browser uses it: libpg_query must see exactly one
// statement when the clause is put in "SELECT 1 FROM t WHERE (<clause>)" (so no ';' outside
// a string or comment smuggles in a second one), and the server must accept an EXPLAIN of
// it inside a READ ONLY transaction that is rolled back.
class WhereClauseChecker
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WhereClauseChecker)

public:
    // The problem: BadInput for the offline check, else the server's error (its SQLSTATE and
    // position); ok when the clause may be used.
    static Status check(PgConnection &connection, const TableInfo &table, const QString &clause);
    // The offline part only (no server): one statement, syntactically valid. The problem, or
    // an empty string when there is none.
    static QString checkSyntax(const TableInfo &table, const QString &clause);
};

} // namespace uaip
