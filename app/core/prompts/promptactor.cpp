#include "promptactor.h"

#include <pwd.h>
#include <unistd.h>

namespace uaip {

PromptActor PromptActor::current(const QString &application)
{
    PromptActor a;
    a.application = application;
    // The OS account the process runs as, never $USER (any caller may set that).
    const uid_t uid = geteuid();
    if (const passwd *pw = getpwuid(uid); pw && pw->pw_name && *pw->pw_name)
        a.consoleUser = QString::fromLocal8Bit(pw->pw_name);
    else
        a.consoleUser = QStringLiteral("uid %1").arg(uid);
    return a;
}

} // namespace uaip
