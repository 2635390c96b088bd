#pragma once

#include "plpgsqlstatement.h"

#include <QByteArray>
#include <QList>

namespace uaip {

// The SQL statements of a PL/pgSQL DO block (its PlpgsqlTree), and where
// they are in the text of the block, for SqlLinter.
class PlpgsqlStatements
{
public:
    // The SQL statements (PLpgSQL_stmt_execsql) of the DO statement doStmt, in written order;
    // empty when its body does not compile.
    static QList<PlpgsqlStatement> of(const QByteArray &doStmt);

    // Where the body of the string literal at `location` starts ($tag$..., '...', E'...');
    // -1 when there is no string literal there.
    static int bodyStartIn(const QByteArray &text, int location);

    // The first non-blank byte of line `line` (1-based) of the text that starts at `start`.
    static int lineStartIn(const QByteArray &text, int start, int line);
};

} // namespace uaip
