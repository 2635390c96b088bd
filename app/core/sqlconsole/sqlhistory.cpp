#include "sqlhistory.h"

#include "sqlparse/statementsecrets.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace uaip {

namespace {

QJsonObject toJson(const SqlHistoryEntry &e)
{
    QJsonObject o;
    o[u"at"] = e.at.toUTC().toString(Qt::ISODateWithMs);
    o[u"database"] = e.database;
    o[u"sql"] = e.sql;
    o[u"ok"] = e.ok;
    o[u"ms"] = e.durationMs;
    o[u"outcome"] = e.outcome;
    return o;
}

SqlHistoryEntry fromJson(const QJsonObject &o)
{
    SqlHistoryEntry e;
    e.at = QDateTime::fromString(o.value(u"at").toString(), Qt::ISODateWithMs);
    e.database = o.value(u"database").toString();
    e.sql = o.value(u"sql").toString();
    e.ok = o.value(u"ok").toBool();
    e.durationMs = o.value(u"ms").toDouble();
    e.outcome = o.value(u"outcome").toString();
    return e;
}

} // namespace

SqlHistory::SqlHistory(const QString &profileName, const QString &folder)
{
    const QString dir = folder.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/sql-history")
        : folder;
    // The profile's name hashed: any name makes a valid file name.
    const QByteArray key
        = QCryptographicHash::hash(profileName.toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(16);
    m_path = dir + u'/' + QString::fromLatin1(key) + QStringLiteral(".jsonl");
}

Status SqlHistory::append(const SqlHistoryEntry &entry)
{
    const auto failed = [this](const QSaveFile &f) {
        return Error(ErrorCode::Io, f.errorString(), {{QStringLiteral("path"), m_path}});
    };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QList<SqlHistoryEntry> all = readAll();
    SqlHistoryEntry kept = entry;
    withoutSecrets(&kept);
    all.append(kept);
    if (all.size() > kMaxEntries)
        all = all.mid(all.size() - kMaxEntries);
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return failed(f);
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const SqlHistoryEntry &e : std::as_const(all))
        f.write(QJsonDocument(toJson(e)).toJson(QJsonDocument::Compact) + '\n');
    if (!f.commit())
        return failed(f);
    return {};
}

int SqlHistory::withoutSecrets(SqlHistoryEntry *entry)
{
    const SecretRedaction r = StatementSecrets::redact(entry->sql.toUtf8());
    if (!r.changed())
        return 0;
    entry->sql = QString::fromUtf8(r.text);
    bool quoted = !entry->ok;
    for (const QByteArray &removed : r.removed)
        quoted = quoted || entry->outcome.contains(QString::fromUtf8(removed));
    if (quoted)
        entry->outcome.clear();
    return r.secrets;
}

QList<SqlHistoryEntry> SqlHistory::readAll() const
{
    QList<SqlHistoryEntry> out;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.isEmpty())
            out.append(fromJson(o));
    }
    return out;
}

QList<SqlHistoryEntry> SqlHistory::search(const QString &text) const
{
    QList<SqlHistoryEntry> all = readAll();
    std::reverse(all.begin(), all.end());
    if (text.isEmpty())
        return all;
    QList<SqlHistoryEntry> out;
    for (const SqlHistoryEntry &e : std::as_const(all))
        if (e.sql.contains(text, Qt::CaseInsensitive)
            || e.database.contains(text, Qt::CaseInsensitive))
            out.append(e);
    return out;
}

} // namespace uaip
