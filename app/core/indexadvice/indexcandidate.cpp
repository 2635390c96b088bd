#include "indexcandidate.h"

#include "sqlparse/parsetreenames.h"

namespace uaip {

namespace {

QString columnList(const QStringList &columns)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted << ParseTreeNames::quoteIdentifier(c);
    return quoted.join(QStringLiteral(", "));
}

// text cut to at most bytes of UTF-8, on a character boundary
QString cutTo(const QString &text, int bytes)
{
    QString out = text;
    while (out.toUtf8().size() > bytes)
        out.chop(out.size() >= 2 && out.at(out.size() - 1).isLowSurrogate() ? 2 : 1);
    return out;
}

} // namespace

QString IndexCandidate::indexName() const
{
    return name.isEmpty() ? generatedName(0) : name;
}

QString IndexCandidate::generatedName(int suffix) const
{
    const QString tail
        = QStringLiteral("_idx") + (suffix > 0 ? QString::number(suffix) : QString());
    return cutTo(table + u'_' + columns.join(u'_'), 63 - int(tail.toUtf8().size())) + tail;
}

QString IndexCandidate::generatedStem() const
{
    return cutTo(table + u'_' + columns.join(u'_'), 57); // 63 - "_idx99"
}

QString IndexCandidate::hypotheticalStatement() const
{
    return QStringLiteral("CREATE INDEX ON %1.%2 (%3)")
        .arg(ParseTreeNames::quoteIdentifier(schema), ParseTreeNames::quoteIdentifier(table),
             columnList(columns));
}

QString IndexCandidate::statement() const
{
    return QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2.%3 (%4);")
        .arg(ParseTreeNames::quoteIdentifier(indexName()), ParseTreeNames::quoteIdentifier(schema),
             ParseTreeNames::quoteIdentifier(table), columnList(columns));
}

QString IndexCandidate::downStatement() const
{
    return QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1.%2;")
        .arg(ParseTreeNames::quoteIdentifier(schema), ParseTreeNames::quoteIdentifier(indexName()));
}

} // namespace uaip
