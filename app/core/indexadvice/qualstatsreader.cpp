#include "qualstatsreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "insights/insightscapabilities.h"
#include "insights/insightsreading.h"
#include "sqlparse/parsetreenames.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

QualstatsReader::QualstatsReader(PgConnection &connection, const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

Result<QHash<QString, QList<QualColumn>>> QualstatsReader::read(const QStringList &queryIds)
{
    QHash<QString, QList<QualColumn>> out;
    const QString extension = QLatin1String(InsightsCapabilities::kQualstats);
    if (!m_capabilities.ready(extension) || queryIds.isEmpty())
        return out;
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const QByteArray sql
        = SqlResource::of("indexadvice", "qualstats_columns")
              .replace("%SCHEMA%",
                       m_connection.quoteIdentifier(m_capabilities.schemaOf(extension)));
    const QString ids = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(queryIds)).toJson(QJsonDocument::Compact));
    const PgResult r = m_connection.exec(sql, {ids});
    tx.end();
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i)
        out[r.value(i, "queryid")].append(QualColumn{r.value(i, "nspname"), r.value(i, "relname"),
                                                     r.value(i, "attname"),
                                                     r.value(i, "equality") == u"t"});
    return out;
}

void QualstatsReader::addTo(QueryShape &shape, const QList<QualColumn> &quals)
{
    for (const bool equality : {true, false})
        for (const QualColumn &q : quals) {
            if (q.equality != equality)
                continue;
            const QString name = ParseTreeNames::quoteIdentifier(q.schema) + u'.'
                + ParseTreeNames::quoteIdentifier(q.table);
            // NUL ends no identifier a statement can write: this alias is never a real one
            const QString alias = QChar(0) + name;
            const bool known
                = std::any_of(shape.relations.cbegin(), shape.relations.cend(),
                              [&](const QueryShape::Relation &r) { return r.alias == alias; });
            if (!known)
                shape.relations.append({name, alias});
            shape.columns.append(
                {alias, q.column, equality ? QueryShape::Use::Equality : QueryShape::Use::Range});
        }
}

} // namespace uaip
