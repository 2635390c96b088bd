#include "backfillposition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

QString BackfillPosition::toJson() const
{
    const QJsonObject o{{QStringLiteral("statement"), statement},
                        {QStringLiteral("relation"), relation},
                        {QStringLiteral("after"), QJsonArray::fromStringList(after)},
                        {QStringLiteral("last"), QJsonArray::fromStringList(last)},
                        {QStringLiteral("walked"), walked},
                        {QStringLiteral("changed"), changed},
                        {QStringLiteral("batches"), batches},
                        {QStringLiteral("done"), done},
                        {QStringLiteral("checksum"), checksum}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<BackfillPosition> BackfillPosition::fromJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(QStringLiteral("statement")).isDouble()
        || !o.value(QStringLiteral("after")).isArray() || !o.value(QStringLiteral("last")).isArray()
        || !o.value(QStringLiteral("relation")).isString())
        return std::nullopt;
    BackfillPosition p;
    p.statement = o.value(QStringLiteral("statement")).toInt();
    p.relation = o.value(QStringLiteral("relation")).toString();
    for (const auto &[name, target] : {std::pair{"after", &p.after}, std::pair{"last", &p.last}})
        for (const QJsonValue &v : o.value(QLatin1StringView(name)).toArray()) {
            if (!v.isString())
                return std::nullopt;
            *target << v.toString();
        }
    p.walked = o.value(QStringLiteral("walked")).toInteger();
    p.changed = o.value(QStringLiteral("changed")).toInteger();
    p.batches = o.value(QStringLiteral("batches")).toInt();
    p.done = o.value(QStringLiteral("done")).toBool();
    p.checksum = o.value(QStringLiteral("checksum")).toString();
    return p;
}

} // namespace uaip
