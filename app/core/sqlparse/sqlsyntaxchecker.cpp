#include "sqlsyntaxchecker.h"

#include "copydatafinder.h"
#include "expressiondepth.h"
#include "sqlsplitter.h"

#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>

namespace uaip {

namespace {

// PostgreSQL cannot allocate more than 1 GiB in one piece (MaxAllocSize), and its scanner
// copies the whole input.
constexpr qsizetype maxInputSize = 0x3fffffff;

// libpg_query's cursorpos counts characters, not bytes (PostgreSQL turns the scanner's byte
// offset into pg_mbstrlen_with_len(...) + 1). This walks back to the byte offset with the same
// rule PostgreSQL uses for the length of a UTF-8 character, so invalid UTF-8 maps back the same.
qsizetype byteOffsetOfCharacter(const QByteArray &text, qsizetype characterIndex)
{
    const qsizetype size = text.size();
    qsizetype offset = 0;
    for (qsizetype n = 0; n < characterIndex && offset < size; ++n) {
        const auto lead = static_cast<unsigned char>(text.at(offset));
        if ((lead & 0x80) == 0)
            offset += 1;
        else if ((lead & 0xE0) == 0xC0)
            offset += 2;
        else if ((lead & 0xF0) == 0xE0)
            offset += 3;
        else if ((lead & 0xF8) == 0xF0)
            offset += 4;
        else
            offset += 1;
    }
    return std::min(offset, size);
}

SqlSyntaxError errorAtOffset(const QByteArray &sql, const QString &message, qsizetype offset)
{
    SqlSyntaxError error;
    error.message = message;
    error.offset = static_cast<int>(std::clamp<qsizetype>(offset, 0, sql.size()));
    error.position = TextPosition::fromOffset(sql, error.offset);
    return error;
}

// For an error without a position: the offset of the first token of the first statement that
// does not parse on its own, or of the first token of the file.
int locateFailingStatement(const QByteArray &input)
{
    const int size = static_cast<int>(input.size());
    PgQuerySplitResult split = pg_query_split_with_scanner(input.constData());
    const auto freeSplit = qScopeGuard([&split] { pg_query_free_split_result(split); });
    if (split.error && split.error->cursorpos > 0)
        return static_cast<int>(byteOffsetOfCharacter(input, split.error->cursorpos - 1));
    for (int i = 0; !split.error && i < split.n_stmts; ++i) {
        const int location = std::clamp(split.stmts[i]->stmt_location, 0, size);
        const int end
            = std::clamp(location + std::max(split.stmts[i]->stmt_len, 0), location, size);
        const QByteArray statement = input.sliced(location, end - location);
        PgQueryProtobufParseResult parse = ExpressionDepth::parseProtobuf(statement.constData());
        const auto freeParse
            = qScopeGuard([&parse] { pg_query_free_protobuf_parse_result(parse); });
        if (!parse.error)
            continue;
        if (parse.error->cursorpos > 0) {
            return location
                + static_cast<int>(byteOffsetOfCharacter(statement, parse.error->cursorpos - 1));
        }
        return SqlSplitter::firstTokenOffset(input, location, end);
    }
    return SqlSplitter::firstTokenOffset(input, 0, size);
}

} // namespace

std::optional<SqlSyntaxError> SqlSyntaxChecker::inputError(const QByteArray &sql)
{
    if (sql.size() > maxInputSize)
        return errorAtOffset(sql, tr("the file is too large to parse (over 1 GiB)"), 0);
    const qsizetype nul = sql.indexOf('\0');
    if (nul >= 0)
        return errorAtOffset(sql, tr("unexpected NUL byte (is this a text file?)"), nul);
    return std::nullopt;
}

QByteArray SqlSyntaxChecker::parserInput(const QByteArray &sql, QList<CopyDataBlock> *copyData)
{
    Q_ASSERT(!inputError(sql));
    QByteArray input = sql;
    if (input.startsWith("\xEF\xBB\xBF"))
        input.replace(0, 3, "   ");
    QList<CopyDataBlock> blocks = CopyDataFinder::blank(input);
    if (copyData)
        *copyData = std::move(blocks);
    return input;
}

SqlSyntaxError SqlSyntaxChecker::errorAt(const QByteArray &sql, const QString &message,
                                         int cursorPos)
{
    if (inputError(sql))
        return errorAtOffset(sql, message, 0);
    return errorInPart(sql, 0, parserInput(sql), message, cursorPos);
}

SqlSyntaxError SqlSyntaxChecker::errorInPart(const QByteArray &sql, qsizetype partStart,
                                             const QByteArray &part, const QString &message,
                                             int cursorPos)
{
    if (cursorPos > 0)
        return errorAtOffset(sql, message, partStart + byteOffsetOfCharacter(part, cursorPos - 1));
    return errorAtOffset(sql, message, partStart + locateFailingStatement(part));
}

std::optional<SqlSyntaxError> SqlSyntaxChecker::check(const QByteArray &sql)
{
    if (std::optional<SqlSyntaxError> refused = inputError(sql))
        return refused;
    const QByteArray input = parserInput(sql);
    PgQueryProtobufParseResult parse = ExpressionDepth::parseProtobuf(input.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_protobuf_parse_result(parse); });
    if (parse.error)
        return errorAt(sql, QString::fromUtf8(parse.error->message), parse.error->cursorpos);
    return std::nullopt;
}

} // namespace uaip
