#include "sqlscript.h"

#include "sqlparse/sqlsplitter.h"

#include <algorithm>

namespace uaip {

SqlScript::SqlScript(QByteArray text)
    : m_text(std::move(text))
{
    SqlSplitResult split = SqlSplitter::split(m_text);
    m_statements = std::move(split.ok() ? split.statements : split.scanned);
    m_error = std::move(split.error);
}

SqlScript::SqlScript(QByteArray text, int from, int to)
    : m_text(std::move(text))
{
    from = std::clamp(from, 0, int(m_text.size()));
    to = std::clamp(to, from, int(m_text.size()));
    SqlSplitResult split = SqlSplitter::split(m_text.mid(from, to - from));
    if (!split.ok())
        split.statements = split.scanned;
    int known = 0;
    TextPosition knownPosition;
    for (SqlStatement &s : split.statements) {
        s.offset += from;
        s.start = TextPosition::fromOffset(m_text, s.offset, known, knownPosition);
        known = s.offset;
        knownPosition = s.start;
    }
    if (split.error) {
        split.error->offset += from;
        split.error->position = TextPosition::fromOffset(m_text, split.error->offset);
    }
    m_statements = std::move(split.statements);
    m_error = std::move(split.error);
}

int SqlScript::offsetOf(const SqlStatement &statement, int charPos)
{
    if (charPos <= 0)
        return statement.offset;
    const QList<uint> chars = QString::fromUtf8(statement.text).toUcs4();
    const QString before = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()),
                                             std::min<qsizetype>(charPos - 1, chars.size()));
    return statement.offset + int(before.toUtf8().size());
}

std::optional<SqlStatement> SqlScript::statementAt(int offset) const
{
    if (m_statements.isEmpty())
        return std::nullopt;
    const SqlStatement *before = nullptr;
    for (const SqlStatement &s : m_statements) {
        if (offset >= s.offset && offset <= s.offset + s.text.size())
            return s;
        if (s.offset <= offset)
            before = &s;
    }
    return before ? *before : m_statements.first();
}

} // namespace uaip
