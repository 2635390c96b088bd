#pragma once

#include "error/status.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// The sandbox's superuser at work on its running cluster (Sandbox), over a connection of
// conninfo: databases created (a fast copy of the template on a cluster without fsync), dropped
// (WITH FORCE) or made when missing, and login roles of no rights or of reading rights. DDL cannot
// take bound parameters: names are quoted by libpq, and a role's password reaches the server only
// as the SCRAM verifier computed here (SandboxSecret::verifier).
class SandboxSuperuser
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxSuperuser)

public:
    explicit SandboxSuperuser(const QString &conninfo);

    // Connection when the cluster cannot be reached; the server's error otherwise.
    Status createDatabase(const QString &name, const QString &templateDb = {});
    // Dropped however its owner left it (releaseDatabase first).
    Status dropDatabase(const QString &name);
    // On c, as the superuser: the database name (one about to be dropped) handed to the
    // superuser, made no template and open to connections again (DROP DATABASE refuses a
    // template; its owner, a scratch login running code the user did not write, can set it).
    // Ok when it does not exist.
    static Status releaseDatabase(PgConnection &c, const QString &name);
    Status ensureDatabase(const QString &name);
    // role (LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS) with password,
    // created when missing, an existing one given these attributes and the password; root: the
    // sandbox folder, as the error names it.
    // With reading: a reader login instead (ReadingLogins): LOGIN BYPASSRLS and no other
    // attribute, granted pg_read_all_data and pg_read_all_stats.
    Status makeLoginRole(const QString &role, const QString &password, const QString &root,
                         bool reading = false);

private:
    QString m_conninfo;
};

} // namespace uaip
