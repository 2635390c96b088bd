#pragma once

#include "sqlparse/sqlstatement.h"
#include "sqlparse/sqlsyntaxerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace uaip {

// The SQL console's text, split into statements by PostgreSQL's parser (SqlSplitter), and
// which of them a run takes: the one under the cursor, a selection, or all.
// Offsets are UTF-8 byte offsets into the text.
class SqlScript
{
public:
    explicit SqlScript(QByteArray text);
    // Only the part [from, to) of text (a selection), with offsets and line:col in all of it.
    SqlScript(QByteArray text, int from, int to);

    const QByteArray &text() const { return m_text; }
    // The statements as the parser split them; when it refused the text (error()), as psql
    // splits it (SqlSplitResult::scanned), for a server whose syntax is newer than the parser's:
    // a run then carries error() (SqlRunRequest::syntaxError) and the server's version decides
    // (SqlRunGate). Empty when not even the scanner splits it.
    const QList<SqlStatement> &statements() const { return m_statements; }
    // Why the parser does not split the text (a syntax error at line:col).
    const std::optional<SqlSyntaxError> &error() const { return m_error; }
    // Whether the text can run at all: it parses, or the scanner split it.
    bool runnable() const { return !m_statements.isEmpty() || !m_error; }

    // The statement under the cursor: the one whose text holds the offset, else the last one
    // that starts before it (the cursor after its ';' or in a comment below it), else the first.
    std::optional<SqlStatement> statementAt(int offset) const;

    // The byte offset in the script of the 1-based character position charPos of statement
    // (a server error's statement position); the statement's own offset when charPos <= 0.
    static int offsetOf(const SqlStatement &statement, int charPos);

private:
    QByteArray m_text;
    QList<SqlStatement> m_statements;
    std::optional<SqlSyntaxError> m_error;
};

} // namespace uaip
