#include "activityage.h"

#include <QLocale>

namespace uaip {

QString ActivityAge::text(qint64 ms)
{
    // In the user's locale (QLocale(): the language the application installed): "44,2 s" in
    // German, not "44.2 s".
    const QLocale locale;
    if (ms < 0)
        return QString();
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(locale.toString(ms));
    if (ms < 60 * 1000)
        return QStringLiteral("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(locale.toString(s / 60), locale.toString(s % 60));
    if (s < 24 * 3600)
        return QStringLiteral("%1 h %2 min")
            .arg(locale.toString(s / 3600), locale.toString((s % 3600) / 60));
    return QStringLiteral("%1 d %2 h")
        .arg(locale.toString(s / 86400), locale.toString((s % 86400) / 3600));
}

} // namespace uaip
