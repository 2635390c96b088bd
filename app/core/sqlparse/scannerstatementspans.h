#pragma once

#include "statementspans.h"

#include <QByteArray>

namespace uaip {

// The statements of a SQL text as psql splits them, from PostgreSQL's scanner alone (libpg_query's
// pg_query_scan): a ';' ends a statement outside parentheses and outside the body of a
// CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END (psql's rule: in such a
// statement, outside parentheses, BEGIN opens a block, CASE inside a block opens one too, END
// closes one). Quotes, dollar quotes and comments are the scanner's. For a text the parser
// cannot read — syntax newer than the console's parser — so that it still runs as written, as
// psql would send it (SqlSplitter: SqlSplitResult::scanned).
//
// The same interface as StatementSpans; an error only when the scanner itself fails (an
// unterminated quoted string, name or comment).
class ScannerStatementSpans
{
public:
    static StatementSpansResult find(const QByteArray &sql, qsizetype begin, qsizetype end);
};

} // namespace uaip
