#include "plpgsqlstatements.h"

#include "parsetree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>

namespace uaip {

QList<PlpgsqlStatement> PlpgsqlStatements::of(const QByteArray &doStmt)
{
    // libpg_query accepts a DO statement here. When the block's PL/pgSQL does not compile
    // (the server would refuse it too) libpg_query 15-4.0.0 leaks its 1-byte stderr buffer;
    // nothing to do about that from here.
    PgQueryPlpgsqlParseResult parse = pg_query_parse_plpgsql(doStmt.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_plpgsql_parse_result(parse); });
    if (parse.error || !parse.plpgsql_funcs)
        return {};
    QList<PlpgsqlStatement> statements;
    collect(ParseTree::read(parse.plpgsql_funcs).array(), &statements);
    // QJsonObject sorts keys (else_body before then_body): put them back in line order.
    std::stable_sort(
        statements.begin(), statements.end(),
        [](const PlpgsqlStatement &a, const PlpgsqlStatement &b) { return a.line < b.line; });
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

void PlpgsqlStatements::collect(const QJsonValue &value, QList<PlpgsqlStatement> *out)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collect(item, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"PLpgSQL_stmt_execsql") {
            const QJsonObject fields = it.value().toObject();
            const QString query = fields.value(u"sqlstmt")
                                      .toObject()
                                      .value(u"PLpgSQL_expr")
                                      .toObject()
                                      .value(u"query")
                                      .toString();
            out->append({fields.value(u"lineno").toInt(1), query});
        } else {
            collect(it.value(), out);
        }
    }
}

} // namespace uaip
