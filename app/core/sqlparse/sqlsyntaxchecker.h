#pragma once

#include "copydatablock.h"
#include "sqlsyntaxerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// Offline syntax check of a SQL file with PostgreSQL's own grammar (libpg_query, PostgreSQL 15,
// pg_query_parse_protobuf): what `validate` reports as file:line:col without a server. Only syntax
// is checked; names, types and permissions are not.
class SqlSyntaxChecker
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlSyntaxChecker)

public:
    // nullopt when every statement parses.
    static std::optional<SqlSyntaxError> check(const QByteArray &sql);

    // Helpers shared with SqlSplitter and SqlLinter.

    // The text handed to libpg_query: a copy of sql with a leading UTF-8 byte order mark
    // blanked to spaces, so offsets stay the same, for input inputError() does not refuse.
    // psql-style inline COPY data is blanked too (CopyDataFinder); where it was goes to
    // *copyData when given.
    static QByteArray parserInput(const QByteArray &sql, QList<CopyDataBlock> *copyData = nullptr);
    // What parserInput() refuses (a NUL byte, more than 1 GiB), without copying anything.
    static std::optional<SqlSyntaxError> inputError(const QByteArray &sql);

    // Turns a libpg_query error into a SqlSyntaxError. cursorPos is libpg_query's cursorpos:
    // 1-based and counted in characters (code points), not bytes; one past the last character
    // for "at end of input"; 0 when the parser gave no position, and then the failing statement
    // is found by parsing the statements one by one and the error points at its first token.
    static SqlSyntaxError errorAt(const QByteArray &sql, const QString &message, int cursorPos);

    // The same for an error in part, the piece of parserInput(sql) that starts at partStart:
    // cursorPos counts in part.
    static SqlSyntaxError errorInPart(const QByteArray &sql, qsizetype partStart,
                                      const QByteArray &part, const QString &message,
                                      int cursorPos);
};

} // namespace uaip
