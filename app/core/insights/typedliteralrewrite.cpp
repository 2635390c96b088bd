#include "typedliteralrewrite.h"

#include "sqlparse/pgtokens.h"

#include <QList>

namespace uaip {

namespace {

bool isTypeWord(int token)
{
    switch (token) {
    case PG_QUERY__TOKEN__IDENT:
    case PG_QUERY__TOKEN__INTERVAL:
    case PG_QUERY__TOKEN__TIME:
    case PG_QUERY__TOKEN__TIMESTAMP:
    case PG_QUERY__TOKEN__WITH:
    case PG_QUERY__TOKEN__WITHOUT:
    case PG_QUERY__TOKEN__ZONE:
    case PG_QUERY__TOKEN__DOUBLE_P:
    case PG_QUERY__TOKEN__PRECISION:
        return true;
    default:
        return false;
    }
}

struct Rewrite
{
    int typeStart = 0;
    int paramStart = 0;
    int paramEnd = 0;
};

} // namespace

QString TypedLiteralRewrite::preparable(const QString &query)
{
    const QByteArray text = query.toUtf8();
    const PgTokens tokens(text);
    QList<Rewrite> rewrites;
    for (size_t i = 1; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &param = tokens.at(i);
        if (param.token != PG_QUERY__TOKEN__PARAM
            || (tokens.at(i - 1).token != PG_QUERY__TOKEN__IDENT
                && tokens.at(i - 1).token != PG_QUERY__TOKEN__INTERVAL
                && tokens.at(i - 1).token != PG_QUERY__TOKEN__TIME
                && tokens.at(i - 1).token != PG_QUERY__TOKEN__TIMESTAMP
                && tokens.at(i - 1).token != PG_QUERY__TOKEN__ZONE
                && tokens.at(i - 1).token != PG_QUERY__TOKEN__PRECISION))
            continue;
        size_t first = i - 1;
        while (first > 0 && isTypeWord(tokens.at(first - 1).token)
               && tokens.at(first - 1).token != PG_QUERY__TOKEN__IDENT)
            --first;
        // a schema-qualified name: IDENT . IDENT
        while (first >= 2 && tokens.at(first - 1).token == PG_QUERY__TOKEN__ASCII_46
               && tokens.at(first - 2).token == PG_QUERY__TOKEN__IDENT)
            first -= 2;
        rewrites.append({tokens.at(first).start, param.start, param.end});
    }
    if (rewrites.isEmpty())
        return query;
    QByteArray out;
    int at = 0;
    for (const Rewrite &r : rewrites) {
        out += text.mid(at, r.typeStart - at);
        const QByteArray type = text.mid(r.typeStart, r.paramStart - r.typeStart).trimmed();
        out += text.mid(r.paramStart, r.paramEnd - r.paramStart) + "::" + type;
        at = r.paramEnd;
    }
    out += text.mid(at);
    return QString::fromUtf8(out);
}

} // namespace uaip
