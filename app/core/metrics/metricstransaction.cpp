#include "metricstransaction.h"

#include "db/pgconnection.h"
#include "metricsquery.h"

namespace uaip {

MetricsTransaction::MetricsTransaction(PgConnection &connection)
    : m_connection(connection)
    , m_tx(connection)
{ }

Result<std::vector<PgResult>> MetricsTransaction::send(const QList<BoundStatement> &statements,
                                                       bool last)
{
    QList<QByteArray> sql;
    QList<QVariantList> params;
    for (const BoundStatement &st : statements) {
        sql << st.sql;
        params << st.params;
    }
    if (!m_begun) {
        m_begun = true;
        Result<std::vector<PgResult>> results
            = m_tx.beginWith(MetricsQuery::readOptions(), sql, params);
        if (results && last)
            end();
        return results;
    }
    if (last)
        return m_tx.endWith(sql, params);
    if (sql.size() == 1) { // a pipeline of one statement would cost more than the statement
        std::vector<PgResult> one;
        one.push_back(m_connection.exec(sql.first(), params.first()));
        return one;
    }
    return m_connection.pipeline(sql, params);
}

void MetricsTransaction::end()
{
    if (m_tx.isOpen())
        m_tx.end();
}

} // namespace uaip
