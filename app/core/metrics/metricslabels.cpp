#include "metricslabels.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

MetricsLabels::Lookup MetricsLabels::fetch(PgConnection &connection, MetricsPanel panel,
                                           const QStringList &keys)
{
    Lookup result;
    for (const QString &k : keys)
        result.labels.insert(k, k);
    if (keys.isEmpty() || panel == MetricsPanel::Interactions)
        return result; // the model is its own label

    QStringList lookup = keys;
    if (panel == MetricsPanel::Tokens) {
        lookup.clear();
        for (const QString &k : keys) {
            const QString org = k.section(u'|', -1); // a model name may hold '|', a uuid not
            if (!org.isEmpty() && !lookup.contains(org))
                lookup << org;
        }
    }
    QHash<QString, QString> names;
    if (!lookup.isEmpty()) {
        const QByteArray name = QStringLiteral("%1_labels").arg(metricsPanelName(panel)).toUtf8();
        result.statement.sql = SqlResource::of("metrics", name.constData());
        result.statement.params = {BoundStatement::textArray(lookup)};
        result.statement.paramNames = {QStringLiteral("series keys")};
        const PgResult r = connection.exec(result.statement.sql, result.statement.params);
        if (!r.ok()) {
            result.error = Error(r.error());
            return result;
        }
        for (int i = 0; i < r.rows(); ++i)
            names.insert(r.value(i, 0), r.value(i, 1));
    }
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
