#pragma once

#include "connectionprofile.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

// Everything a Session needs to open: the profile, its password once known, and what the
// session is for (shown in pg_stat_activity.application_name, e.g. "uaip-admin browse").
// A spec whose password is not known yet is incomplete: no session is opened from it.
struct SessionSpec
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionSpec)

public:
    ConnectionProfile profile;
    std::optional<QString> password; // nullopt: not known yet; "" : none needed
    QString purpose;

    // Limits that keep a stopped or unreachable server from hanging a session forever.
    int connectTimeoutSeconds = 10;
    int keepalivesIdleSeconds = 30;
    int keepalivesIntervalSeconds = 10;
    int keepalivesCount = 3;
    int tcpUserTimeoutMs = 60000;
    // After a cancel request, how long the server has to answer before the connection is cut.
    int cancelGraceMs = 10000;

    static SessionSpec from(const ConnectionProfile &profile, const QString &password,
                            const QString &purpose = QString())
    {
        return SessionSpec{profile, password, purpose};
    }

    // Why this spec cannot be opened (password unknown, invalid profile), or an empty string.
    QString problem() const;
    bool isComplete() const { return problem().isEmpty(); }
    // The same spec for another purpose (a second session of the same view).
    SessionSpec withPurpose(const QString &otherPurpose) const;
    // application_name: the profile's, plus the purpose.
    QString applicationName() const;
    // The libpq conninfo a Session opens: the profile's (with the password once known) and the
    // limits above, application_name, and read-only at the server for a read-only profile.
    QString conninfo() const;
};

} // namespace uaip
