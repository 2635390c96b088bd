#pragma once

#include "error/result.h"
#include "error/status.h"
#include "pgtypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace uaip {

class SandboxDir;

// The sandbox's passwords: one random password per login role (its superuser's, and those of
// Sandbox::ensureLoginRole), in a libpq password file ("pgpass" in the sandbox folder, mode
// 0600, the invoking user's: the server's OS user cannot read it). Its lines name the sandbox's
// socket folder, localhost and 127.0.0.1 with its port, so libpq's passfile keyword (and
// PGPASSFILE) hand the password to the sandbox and to no other server. The server keeps only
// SCRAM verifiers (scram-sha-256), computed here on the client's side.
class SandboxSecret
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxSecret)

public:
    static QString fileName() { return QStringLiteral("pgpass"); }

    // The file in folder (owned by the invoking user, not a link); empty when there is none.
    static SandboxSecret read(const SandboxDir &folder);
    // Writes it anew (0600, the invoking user's), a line per role and host at port.
    Status write(const SandboxDir &folder, const QStringList &hosts, int port) const;

    QString password(const QString &role) const;
    bool has(const QString &role) const { return !password(role).isEmpty(); }
    void setPassword(const QString &role, const QString &password);

    // 32 random bytes from the system's generator, as hex (nothing pgpass or conninfo escapes).
    static QString generatePassword();
    // The SCRAM-SHA-256 verifier of password for role (PQencryptPasswordConn), as ALTER ROLE
    // ... PASSWORD takes it: the server never sees the password itself. connection: an open
    // connection, or null (a connection object that never reaches a server does the hashing).
    // An Internal error when libpq cannot compute it (arg "role").
    static Result<QByteArray> verifier(PGconn *connection, const QString &role,
                                       const QString &password);

private:
    QList<QPair<QString, QString>> m_passwords; // role, password
};

} // namespace uaip
