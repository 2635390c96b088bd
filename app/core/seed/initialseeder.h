#pragma once

#include "initialseedreport.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// 'seed initial': what a new platform database needs before anyone can log in — the default
// organisation, the permission catalogue, the built-in roles and their grants, and an admin
// user (bcrypt hash of cost 12 computed in this process, BcryptHash: the password never reaches
// the server, whose log may keep bound values; pgcrypto's crypt() verifies it) who holds the
// admin role in the default organisation. Idempotent: what exists is kept (an existing
// admin's password is not changed). One transaction under an advisory lock.
class InitialSeeder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InitialSeeder)

public:
    static constexpr int kMinPasswordLength = 12;
    static constexpr int kMaxPasswordBytes = 72; // bcrypt ignores anything longer

    struct Options
    {
        QString adminEmail = QStringLiteral("admin@uaip.local");
        QString adminPassword;
    };

    explicit InitialSeeder(PgConnection &connection);

    InitialSeedReport run(const Options &options);

    // Why a password is unacceptable, or an empty string when it is fine.
    static QString checkPassword(const QString &password);

private:
    // A failed run: nothing written; sqlState the server's when one of its statements failed.
    InitialSeedReport fail(InitialSeedReport report, const Error &error);

    PgConnection &m_connection;
};

} // namespace uaip
