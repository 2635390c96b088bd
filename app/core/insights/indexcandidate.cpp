#include "indexcandidate.h"

#include "migrate/parsetreenames.h"

namespace uaip {

namespace {

QString columnList(const QStringList &columns)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted << ParseTreeNames::quoteIdentifier(c);
    return quoted.join(QStringLiteral(", "));
}

} // namespace

QString IndexCandidate::indexName() const
{
    QString name = table + u'_' + columns.join(u'_');
    QByteArray bytes = name.toUtf8();
    if (bytes.size() > 59) {
        // cut on a character boundary
        bytes.truncate(59);
        name = QString::fromUtf8(bytes);
        if (name.endsWith(QChar::ReplacementCharacter))
            name.chop(1);
    }
    return name + QStringLiteral("_idx");
}

QString IndexCandidate::hypotheticalStatement() const
{
    return QStringLiteral("CREATE INDEX ON %1.%2 (%3)")
        .arg(ParseTreeNames::quoteIdentifier(schema), ParseTreeNames::quoteIdentifier(table),
             columnList(columns));
}

QString IndexCandidate::statement() const
{
    return QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS %1 ON %2.%3 (%4);")
        .arg(ParseTreeNames::quoteIdentifier(indexName()), ParseTreeNames::quoteIdentifier(schema),
             ParseTreeNames::quoteIdentifier(table), columnList(columns));
}

QString IndexCandidate::downStatement() const
{
    return QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1.%2;")
        .arg(ParseTreeNames::quoteIdentifier(schema), ParseTreeNames::quoteIdentifier(indexName()));
}

} // namespace uaip
