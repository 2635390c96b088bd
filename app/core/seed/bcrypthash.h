#pragma once

#include <QByteArray>
#include <QString>

#include "error/result.h"

namespace uaip {

// A bcrypt hash computed in this process (libxcrypt), so a password never reaches the server,
// where a bound value may be logged (log_statement = all) or seen in pg_stat_activity. The
// "$2a$" form pgcrypto's crypt() verifies, as crypt(password, gen_salt('bf', cost)) writes it.
class BcryptHash
{
public:
    // Internal (why) when the system's crypt library cannot make one.
    static Result<QByteArray> of(const QString &password, int cost);
};

} // namespace uaip
