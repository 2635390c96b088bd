#include "promptactor.h"

#include <QtGlobal>

namespace uaip {

PromptActor PromptActor::current(const QString &application)
{
    PromptActor a;
    a.application = application;
    a.consoleUser = qEnvironmentVariable("USER");
    if (a.consoleUser.isEmpty())
        a.consoleUser = qEnvironmentVariable("USERNAME");
    if (a.consoleUser.isEmpty())
        a.consoleUser = QStringLiteral("unknown");
    return a;
}

} // namespace uaip
