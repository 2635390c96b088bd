#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The sandbox's superuser at work on its running cluster (Sandbox), over a connection of
// conninfo: databases created (a fast copy of the template on a cluster without fsync), dropped
// (WITH FORCE) or made when missing, and login roles of no rights. DDL cannot take bound
// parameters: names are quoted by libpq, and a role's password reaches the server only as the
// SCRAM verifier computed here (SandboxSecret::verifier).
class SandboxSuperuser
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxSuperuser)

public:
    explicit SandboxSuperuser(const QString &conninfo);

    bool createDatabase(const QString &name, QString *error, const QString &templateDb = {});
    bool dropDatabase(const QString &name, QString *error);
    bool ensureDatabase(const QString &name, QString *error);
    // role (LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS) with password,
    // created when missing, an existing one given these attributes and the password; root: the
    // sandbox folder, as the error names it.
    bool makeLoginRole(const QString &role, const QString &password, const QString &root,
                       QString *error);

private:
    QString m_conninfo;
};

} // namespace uaip
