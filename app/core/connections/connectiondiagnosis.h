#pragma once

#include <QString>

#include <optional>

namespace uaip {

// Why a connection attempt failed (or that it worked), in a DBA's words, with libpq's own text.
struct ConnectionDiagnosis
{
    enum class Kind {
        Ok,
        WrongPassword,
        NoPassword,
        UnknownUser,
        UnknownDatabase,
        NotAllowed, // pg_hba.conf or CONNECT privilege
        UnknownHost,
        Refused,
        Unreachable, // timeout, no route
        NoSocket,
        Ssl,
        ServerBusy, // starting up, shutting down, too many connections
        Cancelled, // the test was cancelled while it connected
        Unsupported, // a server older than the console supports (ServerSupport)
        Other,
    };
    Kind kind = Kind::Other;
    QString summary; // one or two sentences a DBA understands
    QString serverText; // libpq's message (LOCATION lines left out)
    QString serverVersion; // when Ok
    int serverVersionNum = 0; // when Ok: server_version_num
    // When Ok: which host of the list answered (host:port) and what it is (ServerTopology::role:
    // primary, standby (read-only) of ...).
    QString answeredHost;
    QString serverRole;
    bool standby = false;
    // When Ok: whether the role can write here (superuser, a write privilege on a table, CREATE
    // in a schema); unknown when the catalog could not be read.
    std::optional<bool> roleCanWrite;

    bool ok() const { return kind == Kind::Ok; }
    QString toString() const
    {
        return serverText.isEmpty() ? summary : summary + QStringLiteral("\n\n") + serverText;
    }
};

} // namespace uaip
