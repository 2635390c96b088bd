#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// What one statement of the SQL console does, read from its parse tree (libpg_query):
// whether it may change data or the schema, and whether its rows can be read through a
// server-side cursor (a plain SELECT, VALUES or TABLE).
//
// Writes: every statement but a SELECT without INTO, FOR UPDATE/SHARE or data-modifying WITH,
// EXPLAIN without ANALYZE (or of such a SELECT), SHOW, SET/RESET of a setting, and the
// transaction commands. A function called by a SELECT may still write: the parse tree cannot
// tell, the server's read-only setting can (read-only profiles).
struct StatementClass
{
    QString type; // the parse tree's node type, "SelectStmt", "InsertStmt", ...
    bool writes = true;
    bool cursorable = false; // DECLARE ... CURSOR FOR accepts it
    bool transactionControl = false; // BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ...
    bool parsed = false; // false: the parser refused it (it is treated as writing)
    // It names default_transaction_read_only / transaction_read_only (SET, set_config, BEGIN
    // READ WRITE): refused on a read-only profile, whose guard that setting is.
    bool touchesReadOnlySetting = false;

    // One statement's text, as SqlSplitter gives it.
    static StatementClass of(const QByteArray &statement);
};

} // namespace uaip
