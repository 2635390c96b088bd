#pragma once

#include <QString>

namespace uaip {

// Why PgConnection::open() failed, with what libpq knew of the attempt: the text (with the
// server's SQLSTATE when opened with verboseErrors), the user and database it tried, whether
// the server asked for a password none was given for, and whether the deadline ran out.
struct ConnectFailure
{
    QString message;
    QString user;
    QString database;
    bool needsPassword = false;
    bool timedOut = false;
};

} // namespace uaip
