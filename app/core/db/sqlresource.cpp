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
    QByteArray sql = f.readAll();
    // The first line, a comment, names the statement as the console's own, and the workload
    // insights leave out what pg_stat_statements records under it (firstLines()). PostgreSQL 18's
    // pg_stat_statements drops the comments before a statement's first token but keeps those
    // after its last: the line is repeated at the end, where every version keeps it.
    if (const QByteArray first = sql.left(sql.indexOf('\n')).trimmed(); first.startsWith("--"))
        sql += '\n' + first + '\n';
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

QByteArray SqlResource::fill(const QByteArray &statement,
                             const QList<QPair<QByteArray, QByteArray>> &marks)
{
    QByteArray out;
    out.reserve(statement.size());
    for (qsizetype i = 0; i < statement.size();) {
        bool replaced = false;
        if (statement.at(i) == '%')
            for (const QPair<QByteArray, QByteArray> &mark : marks)
                if (statement.mid(i, mark.first.size()) == mark.first) {
                    out += mark.second;
                    i += mark.first.size();
                    replaced = true;
                    break;
                }
        if (!replaced)
            out += statement.at(i++);
    }
    return out;
}

} // namespace uaip
