#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace uaip {

class PgConnection;

// What the workload insights can read on one connection: the insight libraries the server
// preloaded (pg_stat_statements, pg_qualstats), the extensions it has and the ones created in
// the connected database (with their schema), whether the role reads every session's
// statistics (pg_read_all_stats) and may scan tables' pages (pg_stat_scan_tables), whether the
// server is a standby. Each insight asks it first and, where something is missing, says exactly
// what a DBA does about it (howToEnable) rather than failing.
class InsightsCapabilities
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsCapabilities)

public:
    static constexpr const char *kStatements = "pg_stat_statements";
    static constexpr const char *kHypopg = "hypopg";
    static constexpr const char *kQualstats = "pg_qualstats";
    static constexpr const char *kPgstattuple = "pgstattuple";
    // The four, in that order: the only extensions `insights enable` creates.
    static QStringList extensions();

    static Result<InsightsCapabilities> read(PgConnection &connection);
    // CREATE EXTENSION IF NOT EXISTS ... SCHEMA public for one of extensions() (any other name
    // is refused before anything is sent): never in a schema the session's search_path finds
    // first, which another role could have made under the console role's name. The caller has
    // had the user confirm it.
    static Status enable(PgConnection &connection, const QString &extension);

    QString database() const { return m_database; }
    QString role() const { return m_role; }
    bool standby() const { return m_standby; }
    bool readsAllStats() const { return m_readAllStats; }
    bool scansTables() const { return m_scanTables; }
    // Whether the server preloaded the library (shared_preload_libraries); true where the role
    // may not read that setting (pg_read_all_settings) and the extension is created: reading
    // it then says whether it was.
    bool preloaded(const QString &library) const;
    // Whether the server has the extension's files (pg_available_extensions).
    bool available(const QString &extension) const;
    // Whether the extension is created in this database, and in which schema.
    bool installed(const QString &extension) const;
    QString schemaOf(const QString &extension) const;
    // Whether its insight can be read here: created, and preloaded where it needs to be.
    bool ready(const QString &extension) const;
    // What a DBA does so that ready(extension) holds, naming the server's setting, the package
    // and the statement; empty when it is ready.
    QString howToEnable(const QString &extension) const;
    // Once the extension is created: what it still needs (the server to preload it), empty when
    // nothing.
    QString stillNeeded(const QString &extension) const;
    // The error of a reading that needs the extension where it is not ready: SQLSTATE 55000
    // (object not in prerequisite state), howToEnable() as its message.
    Error notReady(const QString &extension) const;
    // What this role or server cannot see (every session's statistics; a standby's own counts),
    // one sentence each; empty when nothing is hidden.
    QStringList limits() const;

    // For tests and the sandbox: as read from explicit values.
    // preload: null when the role may not read it.
    static InsightsCapabilities of(const QString &preload, const QString &available,
                                   const QString &installed);

private:
    static bool needsPreload(const QString &extension);

    QString m_database;
    int m_serverMajor = 15; // the server's, for the package names
    QString m_role;
    bool m_standby = false;
    bool m_readAllStats = false;
    bool m_scanTables = false;
    bool m_preloadKnown = true;
    QStringList m_preloaded;
    QStringList m_available;
    QHash<QString, QString> m_installed; // extension -> schema
};

} // namespace uaip
