#include "serversupport.h"

namespace uaip {

ServerSupport::Level ServerSupport::of(int versionNum)
{
    const int major = majorOf(versionNum);
    if (major < kOldestMajor)
        return Level::TooOld;
    return major > kNewestMajor ? Level::Newer : Level::Supported;
}

QString ServerSupport::versionText(int versionNum)
{
    if (versionNum >= 100000)
        return QStringLiteral("%1.%2").arg(versionNum / 10000).arg(versionNum % 10000);
    return QStringLiteral("%1.%2.%3")
        .arg(versionNum / 10000)
        .arg(versionNum / 100 % 100)
        .arg(versionNum % 100);
}

QString ServerSupport::levelName(Level level)
{
    switch (level) {
    case Level::Supported:
        return QStringLiteral("supported");
    case Level::TooOld:
        return QStringLiteral("too_old");
    case Level::Newer:
        return QStringLiteral("newer");
    }
    return QString();
}

QString ServerSupport::describe(int versionNum)
{
    switch (of(versionNum)) {
    case Level::Supported:
        return tr("PostgreSQL %1 (supported: %2 to %3)")
            .arg(versionText(versionNum))
            .arg(kOldestMajor)
            .arg(kNewestMajor);
    case Level::Newer:
        return tr("PostgreSQL %1 is newer than the versions the console is tested with (%2 to "
                  "%3): it works with it, and what it cannot read it says it did not check")
            .arg(versionText(versionNum))
            .arg(kOldestMajor)
            .arg(kNewestMajor);
    case Level::TooOld:
        return refusal(versionNum);
    }
    return QString();
}

QString ServerSupport::refusal(int versionNum)
{
    return tr("PostgreSQL %1 is not supported: UAIP Admin works with PostgreSQL %2 to %3 (the "
              "platform's schema and the console's catalog reads need PostgreSQL %2; 14 reached "
              "its end of life on 2026-11-12); nothing was run. Upgrade the server")
        .arg(versionText(versionNum))
        .arg(kOldestMajor)
        .arg(kNewestMajor);
}

} // namespace uaip
