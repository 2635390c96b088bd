#include "jsonstringlist.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

QStringList JsonStringList::of(const QString &json)
{
    QStringList items;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        items << v.toString();
    return items;
}

} // namespace uaip
