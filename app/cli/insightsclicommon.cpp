#include "insightsclicommon.h"

#include "clicontext.h"

#include "insights/insightscapabilities.h"

namespace uaip {

int InsightsCliCommon::limit(CliContext &ctx, int fallback)
{
    if (!ctx.parser().isSet(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int n = ctx.parser().value(QStringLiteral("limit")).toInt(&ok);
    return ok && n > 0 ? n : 0;
}

void InsightsCliCommon::printLimits(CliContext &ctx, const InsightsCapabilities &caps,
                                    const QStringList &extra)
{
    const QStringList lines = caps.limits() + extra;
    if (lines.isEmpty())
        return;
    ctx.out().line(QString());
    for (const QString &l : lines)
        ctx.out().line(tr("Note: %1").arg(l));
}

QString InsightsCliCommon::percent(double value)
{
    return QString::number(value, 'f', 1) + u'%';
}

} // namespace uaip
