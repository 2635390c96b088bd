#include "promptactor.h"

#include <QtGlobal>

#include <pwd.h>
#include <unistd.h>

namespace uaip {

PromptActor PromptActor::current(const QString &application)
{
    PromptActor a;
    a.application = application;
    a.consoleUser = qEnvironmentVariable("USER");
    if (a.consoleUser.isEmpty())
        a.consoleUser = qEnvironmentVariable("USERNAME");
    if (a.consoleUser.isEmpty())
        if (const passwd *pw = getpwuid(getuid()))
            a.consoleUser = QString::fromLocal8Bit(pw->pw_name);
    if (a.consoleUser.isEmpty())
        a.consoleUser = QStringLiteral("unknown");
    return a;
}

} // namespace uaip
