#include "plpgsqlstatements.h"

#include "plpgsqltree.h"

#include <algorithm>

namespace uaip {

QList<PlpgsqlStatement> PlpgsqlStatements::of(const QByteArray &doStmt)
{
    const PlpgsqlTree tree = PlpgsqlTree::parse(doStmt);
    QList<PlpgsqlStatement> statements;
    for (const PlpgsqlTree::Statement &s : tree.statements()) {
        if (s.kind == PlpgsqlTree::Kind::ExecSql && !s.expressions.isEmpty())
            statements.append(
                {qMax(s.line, 1), QString::fromUtf8(s.expressions.constFirst().query)});
    }
    return statements;
}

int PlpgsqlStatements::bodyStartIn(const QByteArray &text, int location)
{
    if (location < 0 || location >= text.size())
        return -1;
    if (text.at(location) == '$') {
        const qsizetype close = text.indexOf('$', location + 1);
        return close < 0 ? -1 : static_cast<int>(close + 1);
    }
    if (text.at(location) == '\'')
        return location + 1;
    if ((text.at(location) == 'E' || text.at(location) == 'e') && location + 1 < text.size()
        && text.at(location + 1) == '\'') {
        return location + 2;
    }
    return -1;
}

int PlpgsqlStatements::lineStartIn(const QByteArray &text, int start, int line)
{
    int i = start;
    for (int l = 1; l < line && i < text.size(); ++l) {
        const qsizetype newline = text.indexOf('\n', i);
        if (newline < 0)
            break;
        i = static_cast<int>(newline + 1);
    }
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\r'))
        ++i;
    return std::min(i, static_cast<int>(text.size()));
}

} // namespace uaip
