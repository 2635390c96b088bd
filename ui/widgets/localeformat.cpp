#include "localeformat.h"

#include <QDateTime>
#include <QLocale>

namespace uaip {

QString LocaleFormat::isoDateTime(const QString &iso)
{
    QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(iso, Qt::ISODate);
    if (!at.isValid())
        return iso;
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString LocaleFormat::timeWithSeconds(QTime time)
{
    // The short format has no seconds: add them after the minutes ("h:mm AP" -> "h:mm:ss AP").
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    if (!format.contains(u's')) {
        const qsizetype minutes = format.indexOf(QLatin1String("mm"));
        if (minutes >= 0)
            format.insert(minutes + 2, QLatin1String(":ss"));
        else
            format = QLocale().timeFormat(QLocale::LongFormat);
    }
    return QLocale().toString(time, format);
}

QString LocaleFormat::milliseconds(qint64 ms)
{
    return tr("%1 ms").arg(QLocale().toString(ms));
}

} // namespace uaip
