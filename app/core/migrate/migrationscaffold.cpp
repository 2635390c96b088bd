#include "migrationscaffold.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace uaip {

QString MigrationScaffold::nextVersion(const QList<Migration> &existing, const QDateTime &nowUtc)
{
    if (existing.isEmpty())
        return QStringLiteral("0001");
    const QString last = existing.constLast().version.text();
    if (last.contains(u'-')) // diesel style 2024-01-31-120000
        return nowUtc.toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
    if (last.size() >= 12) { // timestamp style 20240131120000
        QString v = nowUtc.toString(QStringLiteral("yyyyMMddHHmmss")).left(last.size());
        while (v.size() < last.size())
            v += u'0';
        return v;
    }
    // Counter: keep the width, add one (the text may have more digits than fit in 64 bits
    // only in theory; counters are short).
    bool ok = false;
    const qulonglong n = last.toULongLong(&ok);
    return QStringLiteral("%1").arg(ok ? n + 1 : 1, int(last.size()), 10, QLatin1Char('0'));
}

QString MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc, QString *error)
{
    return create(dir, existing, name, nowUtc, "-- " + name.toUtf8() + ": write the change here\n",
                  "-- undo " + name.toUtf8() + ": restore exactly the schema before up.sql\n",
                  error);
}

QString MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc,
                                  const QByteArray &up, const QByteArray &down, QString *error)
{
    if (!checkName(name, error))
        return QString();
    if (dir.startsWith(u':')) {
        *error = tr("the bundled migrations are read-only; pass --dir PATH");
        return QString();
    }
    const QString folder = QDir(dir).filePath(nextVersion(existing, nowUtc) + u'_' + name);
    if (QFile::exists(folder) || !QDir().mkpath(folder)) {
        *error = tr("cannot create %1").arg(folder);
        return QString();
    }
    for (const auto &[file, text] : {std::pair{"up.sql", &up}, std::pair{"down.sql", &down}}) {
        QFile f(folder + u'/' + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(*text) != text->size()
            || !f.flush()) {
            *error = tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
            return QString();
        }
    }
    return folder;
}

bool MigrationScaffold::checkName(const QString &name, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_]*$"));
    if (valid.match(name).hasMatch())
        return true;
    *error = tr("bad migration name \"%1\": use lower-case letters, digits and "
                "underscores (e.g. add_user_index)")
                 .arg(name);
    return false;
}

} // namespace uaip
