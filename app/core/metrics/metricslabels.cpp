#include "metricslabels.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

namespace {

// The keys whose names are looked up: the keys, or for Tokens the organisations in them.
QStringList lookupKeys(MetricsPanel panel, const QStringList &keys)
{
    if (keys.isEmpty() || panel == MetricsPanel::Interactions)
        return {}; // the model is its own label
    if (panel != MetricsPanel::Tokens)
        return keys;
    QStringList lookup;
    for (const QString &k : keys) {
        const QString org = k.section(u'|', -1); // a model name may hold '|', a uuid not
        if (!org.isEmpty() && !lookup.contains(org))
            lookup << org;
    }
    return lookup;
}

} // namespace

BoundStatement MetricsLabels::statement(MetricsPanel panel, const QStringList &keys)
{
    const QStringList lookup = lookupKeys(panel, keys);
    BoundStatement st;
    if (lookup.isEmpty())
        return st;
    const QByteArray name = QStringLiteral("%1_labels").arg(metricsPanelName(panel)).toUtf8();
    st.sql = SqlResource::of("metrics", name.constData());
    st.params = {BoundStatement::textArray(lookup)};
    st.paramNames = {QStringLiteral("series keys")};
    return st;
}

MetricsLabels::Lookup MetricsLabels::fetch(PgConnection &connection, MetricsPanel panel,
                                           const QStringList &keys)
{
    const BoundStatement st = statement(panel, keys);
    const PgResult r = st.isEmpty() ? PgResult() : connection.exec(st.sql, st.params);
    return read(panel, keys, st, r);
}

MetricsLabels::Lookup MetricsLabels::read(MetricsPanel panel, const QStringList &keys,
                                          const BoundStatement &statement, const PgResult &r)
{
    Lookup result;
    for (const QString &k : keys)
        result.labels.insert(k, k);
    QHash<QString, QString> names;
    if (!statement.isEmpty()) {
        result.statement = statement;
        if (!r.ok()) {
            result.error = Error(r.error());
            return result;
        }
        for (int i = 0; i < r.rows(); ++i)
            names.insert(r.value(i, 0), r.value(i, 1));
    }
    if (keys.isEmpty() || panel == MetricsPanel::Interactions)
        return result;
    for (const QString &k : keys) {
        if (panel == MetricsPanel::Tokens) {
            const QString org = k.section(u'|', -1);
            const QString model = k.left(k.size() - org.size() - 1);
            const QString orgLabel
                = org.isEmpty() ? QStringLiteral("unattributed") : names.value(org, org);
            result.labels.insert(k, model + QStringLiteral(" · ") + orgLabel);
        } else if (names.contains(k)) {
            result.labels.insert(k, names.value(k));
        }
    }
    return result;
}

} // namespace uaip
