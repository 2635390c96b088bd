#include "sqlresource.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace uaip {

QByteArray SqlResource::get(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, QByteArray> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(path);
    if (it != cache.constEnd())
        return *it;
    QFile f(QStringLiteral(":/sql/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("embedded SQL resource :/sql/%s is missing", qPrintable(path));
    const QByteArray sql = f.readAll();
    cache.insert(path, sql);
    return sql;
}

QByteArray SqlResource::of(const char *module, const char *name)
{
    return get(QStringLiteral("%1/sql/%2.sql").arg(QLatin1String(module), QLatin1String(name)));
}

} // namespace uaip
