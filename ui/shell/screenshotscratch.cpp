#include "screenshotscratch.h"

#include "db/sandbox.h"
#include "migrate/scratchdatabase.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace uaip {

namespace {

constexpr auto kPrefix = "uaip_screenshot";

QString scratchName(quint32 second, quint32 random)
{
    return QStringLiteral("%1_%2_%3")
        .arg(QLatin1String(kPrefix))
        .arg(second, 8, 16, QLatin1Char('0'))
        .arg(random, 8, 16, QLatin1Char('0'));
}

} // namespace

QString ScreenshotScratch::newName()
{
    return scratchName(quint32(QDateTime::currentSecsSinceEpoch()),
                       QRandomGenerator::global()->generate());
}

bool ScreenshotScratch::isScratch(const QString &database)
{
    static const QRegularExpression name(
        QStringLiteral("^%1_[0-9a-f]{8}_[0-9a-f]{8}$").arg(QLatin1String(kPrefix)));
    return name.match(database).hasMatch();
}

QStringList ScreenshotScratch::tenants(const QString &scratch)
{
    if (!isScratch(scratch))
        return {};
    bool secondOk = false;
    bool randomOk = false;
    const quint32 second = scratch.section(u'_', -2, -2).toUInt(&secondOk, 16);
    const quint32 random = scratch.section(u'_', -1).toUInt(&randomOk, 16);
    if (!secondOk || !randomOk)
        return {};
    QStringList names;
    for (quint32 i = 1; i <= quint32(tenantLabels().size()); ++i)
        names << scratchName(second, random + i); // wraps at 2^32: still 8 hex digits
    return names;
}

QStringList ScreenshotScratch::tenantLabels()
{
    return {QStringLiteral("tenant-berlin"), QStringLiteral("tenant-lisbon"),
            QStringLiteral("tenant-oslo")};
}

Status ScreenshotScratch::drop(const QString &sandboxDir, const QString &scratch)
{
    if (!isScratch(scratch)) // never a database of the user's
        return Error(ErrorCode::BadInput,
                     QStringLiteral("not a scratch database: %1").arg(scratch));
    Sandbox sandbox(sandboxDir);
    if (!sandbox.isRunning())
        return {}; // not started (nothing was made), or stopped since: the next sweep drops it
    Status dropped;
    for (const QString &name : QStringList{scratch} + tenants(scratch))
        if (Status one = sandbox.dropDatabase(name); !one && dropped)
            dropped = one.error().in(name);
    ScratchDatabase::sweep(sandbox);
    return dropped;
}

} // namespace uaip
