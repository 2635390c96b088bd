#pragma once

#include "sqlparse/sqlstatement.h"
#include "sqlparse/sqlsyntaxerror.h"
#include "sqlrunerror.h"
#include "sqlscript.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// One run of the SQL console: the statements to run (from SqlScript, their offsets in script),
// and how.
struct SqlRunRequest
{
    QByteArray script; // the whole editor text (for line:col of errors)
    QList<SqlStatement> statements;
    // The parser refused the script (SqlScript::error()): statements are as psql splits it, and
    // run only on a server whose syntax is newer than the parser's; elsewhere the run stops at
    // this error (SqlRunGate).
    std::optional<SqlSyntaxError> syntaxError;
    // On: each statement commits on its own (a cursor's rows are read in a transaction that
    // ends before the next writing statement or run). Off: everything runs in one transaction
    // that the user ends with commit() or rollback(); the default on production profiles.
    bool autocommit = true;
    int statementTimeoutMs = 0; // 0: none
    int pageSize = 500; // rows fetched at once from a cursor
    // The database name as typed by the user: a production profile runs a writing statement
    // only when it matches.
    QString confirmedDatabase;

    // Every statement of script, with the defaults above.
    static SqlRunRequest forScript(const QByteArray &text);
    // The error of the statement at index (-1: of none) placed in the script: line:col and
    // offset of the server's position in it, less prefixChars the runner put before the
    // statement's text (a DECLARE for its cursor). The error's own server position becomes the
    // one in the statement's text (none where it was outside it).
    SqlRunError errorAt(int index, const Error &error, int prefixChars) const;
};

} // namespace uaip
