#pragma once

#include <QString>

namespace uaip {

// Who acts, for label history and audit_logs: the database user is read from the server
// (current_user); the console user is the person at the console: current() takes the OS
// account of the effective uid (getpwuid(geteuid())), never $USER.
struct PromptActor
{
    QString consoleUser;
    QString application = QStringLiteral("uaip-admin");

    static PromptActor current(const QString &application = QStringLiteral("uaip-admin"));
};

} // namespace uaip
