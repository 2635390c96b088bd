#include "sqlresource.h"

#include <QDirIterator>
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

QStringList SqlResource::firstLines()
{
    static const QStringList lines = [] {
        QStringList out;
        QDirIterator it(QStringLiteral(":/sql"), {QStringLiteral("*.sql")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString first = QString::fromUtf8(f.readLine()).trimmed();
            if (first.startsWith(QLatin1String("--")) && !out.contains(first))
                out << first;
        }
        return out;
    }();
    return lines;
}

} // namespace uaip
