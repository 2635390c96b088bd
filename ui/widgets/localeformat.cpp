#include "localeformat.h"

#include <QLocale>
#include <QRegularExpression>

namespace uaip {

QString LocaleFormat::dateTimeFormat()
{
    // The short date, its year in four digits ("dd.MM.yy" -> "dd.MM.yyyy").
    QString date = QLocale().dateFormat(QLocale::ShortFormat);
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QRegularExpression(QStringLiteral("y+")), QStringLiteral("yyyy"));
    return date + u' ' + timeWithSecondsFormat();
}

QString LocaleFormat::dateTime(const QDateTime &at, bool localTime)
{
    if (!at.isValid())
        return QString();
    return QLocale().toString(localTime ? at.toLocalTime() : at, dateTimeFormat());
}

QString LocaleFormat::isoDateTime(const QString &iso)
{
    QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(iso, Qt::ISODate);
    if (!at.isValid())
        return iso;
    return dateTime(at);
}

QString LocaleFormat::timeWithSecondsFormat()
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
    return format;
}

QString LocaleFormat::timeWithSeconds(QTime time)
{
    return QLocale().toString(time, timeWithSecondsFormat());
}

QString LocaleFormat::dayMonthFormat()
{
    // From the long date ("dddd, d. MMMM yyyy", "dddd, MMMM d, yyyy"): without the weekday and
    // the year, the month abbreviated; what is left is in the locale's order with its
    // punctuation ("d. MMM", "MMM d").
    QString format = QLocale().dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("d{4}[,.]?\\s*")));
    format.remove(QRegularExpression(QStringLiteral("[,\\s]*y+[.\\s]*")));
    format.replace(QRegularExpression(QStringLiteral("M{3,}")), QStringLiteral("MMM"));
    format = format.trimmed();
    while (format.endsWith(u','))
        format.chop(1);
    if (!format.contains(u'd') || !format.contains(QLatin1String("MMM")))
        return QStringLiteral("d MMM");
    return format;
}

QString LocaleFormat::milliseconds(qint64 ms)
{
    return tr("%1 ms").arg(QLocale().toString(ms));
}

} // namespace uaip
