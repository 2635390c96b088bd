#include "plansafety.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

DbResult<QString> PlanSafety::refusal(PgConnection &connection, const QueryShape &shape,
                                      const QList<qint64> &relations)
{
    QJsonArray oids;
    for (qint64 oid : relations)
        oids.append(QString::number(oid));
    const PgResult r
        = connection.exec(SqlResource::of("insights", "plan_safety"),
                          {compact(oids), compact(QJsonArray::fromStringList(shape.functions)),
                           compact(QJsonArray::fromStringList(shape.operators))});
    if (!r.ok())
        return r.error();
    return r.value(0, "refusal");
}

} // namespace uaip
