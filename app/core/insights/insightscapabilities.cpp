#include "insightscapabilities.h"

#include "insightsreading.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

namespace {

bool isTrue(const QString &value)
{
    return value == QLatin1String("t");
}

// The server's major's package (postgresql-18-hypopg on 18)
QString debianPackage(const QString &extension, int major)
{
    if (extension == QLatin1String(InsightsCapabilities::kHypopg))
        return QStringLiteral("postgresql-%1-hypopg").arg(major);
    if (extension == QLatin1String(InsightsCapabilities::kQualstats))
        return QStringLiteral("postgresql-%1-pg-qualstats").arg(major);
    return QStringLiteral("postgresql-contrib");
}

} // namespace

QStringList InsightsCapabilities::extensions()
{
    return {QLatin1String(kStatements), QLatin1String(kHypopg), QLatin1String(kQualstats),
            QLatin1String(kPgstattuple)};
}

InsightsCapabilities InsightsCapabilities::of(const QString &preload, const QString &available,
                                              const QString &installed)
{
    InsightsCapabilities c;
    c.m_preloadKnown = !preload.isNull();
    for (const QString &library : preload.split(u',', Qt::SkipEmptyParts))
        c.m_preloaded << library.trimmed().remove(u'"');
    c.m_available = available.split(u',', Qt::SkipEmptyParts);
    for (const QString &pair : installed.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        c.m_installed.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return c;
}

Result<InsightsCapabilities> InsightsCapabilities::read(PgConnection &connection)
{
    Transaction tx(connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const PgResult r = connection.exec(SqlResource::of("insights", "capabilities"));
    if (r.ok())
        if (Status s = tx.end(); !s)
            return s.error();
    if (!r.ok()) {
        return Error(r.error()).in(
            tr("cannot read what the insights can see on %1").arg(connection.database()));
    }
    const int preload = r.columnIndex("preload");
    InsightsCapabilities c = of(r.isNull(0, preload) ? QString() : r.value(0, preload),
                                r.value(0, "available"), r.value(0, "installed"));
    c.m_database = r.value(0, "database");
    c.m_serverMajor = connection.serverVersion() / 10000;
    c.m_role = r.value(0, "role");
    c.m_standby = isTrue(r.value(0, "standby"));
    c.m_readAllStats = isTrue(r.value(0, "read_all_stats"));
    c.m_scanTables = isTrue(r.value(0, "scan_tables"));
    return c;
}

Status InsightsCapabilities::enable(PgConnection &connection, const QString &extension)
{
    if (!extensions().contains(extension)) {
        return Error(ErrorCode::BadInput,
                     tr("%1 is not an insight extension (one of: %2)")
                         .arg(extension, extensions().join(QStringLiteral(", "))),
                     {{QStringLiteral("extension"), extension}});
    }
    const PgResult r
        = connection.exec(SqlResource::of("insights", "create_extension")
                              .replace("%EXTENSION%", connection.quoteIdentifier(extension)));
    if (!r.ok()) {
        return Error(r.error()).in(
            tr("cannot create extension %1 in %2").arg(extension, connection.database()));
    }
    return {};
}

bool InsightsCapabilities::preloaded(const QString &library) const
{
    return m_preloaded.contains(library) || (!m_preloadKnown && installed(library));
}

bool InsightsCapabilities::available(const QString &extension) const
{
    return m_available.contains(extension);
}

bool InsightsCapabilities::installed(const QString &extension) const
{
    return m_installed.contains(extension);
}

QString InsightsCapabilities::schemaOf(const QString &extension) const
{
    return m_installed.value(extension);
}

bool InsightsCapabilities::needsPreload(const QString &extension)
{
    return extension == QLatin1String(kStatements) || extension == QLatin1String(kQualstats);
}

bool InsightsCapabilities::ready(const QString &extension) const
{
    return installed(extension) && (!needsPreload(extension) || preloaded(extension));
}

QString InsightsCapabilities::howToEnable(const QString &extension) const
{
    if (ready(extension))
        return QString();
    if (!available(extension) && !installed(extension))
        return tr("%1 is not installed on the server: install its package (Debian: %2), then "
                  "run CREATE EXTENSION %1; in database %3")
            .arg(extension, debianPackage(extension, m_serverMajor), m_database);
    QString text = stillNeeded(extension);
    if (!installed(extension)) {
        const QString create = m_standby
            ? tr("run CREATE EXTENSION %1; in database %2 on the primary (a standby takes it "
                 "from there)")
                  .arg(extension, m_database)
            : tr("run CREATE EXTENSION %1; in database %2 (uaip-migrate insights enable %1)")
                  .arg(extension, m_database);
        text = text.isEmpty()
            ? tr("%1 is not created in database %2: %3").arg(extension, m_database, create)
            : tr("%1, then %2").arg(text, create);
    }
    return text;
}

Error InsightsCapabilities::notReady(const QString &extension) const
{
    return Error(ErrorCode::Refused, howToEnable(extension),
                 {{QStringLiteral("extension"), extension}});
}

QString InsightsCapabilities::stillNeeded(const QString &extension) const
{
    if (!needsPreload(extension) || preloaded(extension))
        return QString();
    const QString now = m_preloadKnown ? tr("now \"%1\"").arg(m_preloaded.join(u','))
                                       : tr("which role %1 may not read").arg(m_role);
    return tr("%1 is not loaded by the server yet: add it to shared_preload_libraries in "
              "postgresql.conf (%2) and restart the server")
        .arg(extension, now);
}

QStringList InsightsCapabilities::limits() const
{
    QStringList out;
    if (!m_readAllStats)
        out << tr("role %1 is not a member of pg_read_all_stats: other roles' statements, "
                  "sessions and queries are hidden (GRANT pg_read_all_stats TO %1)")
                   .arg(m_role);
    if (m_standby)
        out << tr("%1 is a standby: its statement statistics count the queries run on this "
                  "server only, and no index or extension can be created here")
                   .arg(m_database);
    return out;
}

} // namespace uaip
