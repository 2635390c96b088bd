#include "pgsqlvalue.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>

#include <libpq-fe.h>

#include <cmath>
#include <optional>

namespace uaip {

namespace {

// PostgreSQL's type OIDs (pg_type.dat), for the types mapped to something else than QString.
enum Oid : quint32 {
    kBool = 16,
    kBytea = 17,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kOid = 26,
    kFloat4 = 700,
    kFloat8 = 701,
    kDate = 1082,
    kTime = 1083,
    kTimestamp = 1114,
    kTimestamptz = 1184,
};

std::optional<QDate> dateOf(QStringView text, bool bc)
{
    QDate d = QDate::fromString(text.toString(), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    if (bc) // PostgreSQL's 1 BC is Qt's year -1
        d = QDate(-d.year(), d.month(), d.day());
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

// "13:45:10" or "13:45:10.123456": milliseconds kept, what follows them cut.
std::optional<QTime> timeOf(QStringView text)
{
    if (text.size() < 8 || text.at(2) != u':' || text.at(5) != u':')
        return std::nullopt;
    int ms = 0;
    if (text.size() > 9 && text.at(8) == u'.')
        ms = text.mid(9, 3).toString().leftJustified(3, u'0').toInt();
    const QTime t(text.mid(0, 2).toInt(), text.mid(3, 2).toInt(), text.mid(6, 2).toInt(), ms);
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

// "+01", "-05:30", "+00:53:28": seconds east of UTC.
std::optional<int> offsetOf(QStringView text)
{
    const int sign = text.startsWith(u'-') ? -1 : 1;
    const QList<QStringView> parts = text.mid(1).split(u':');
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    int seconds = 0;
    int unit = 3600;
    for (const QStringView p : parts) {
        bool ok = false;
        seconds += p.toInt(&ok) * unit;
        if (!ok)
            return std::nullopt;
        unit /= 60;
    }
    return sign * seconds;
}

// timestamp (withZone false) or timestamptz in ISO output; nullopt for what QDateTime cannot
// hold (infinity).
std::optional<QDateTime> dateTimeOf(QString text, bool withZone)
{
    const bool bc = text.endsWith(QLatin1String(" BC"));
    if (bc)
        text.chop(3);
    const qsizetype space = text.indexOf(u' ');
    if (space < 0)
        return std::nullopt;
    const std::optional<QDate> date = dateOf(QStringView(text).left(space), bc);
    QStringView time = QStringView(text).mid(space + 1);
    std::optional<int> offset = 0;
    if (withZone) {
        const qsizetype sign = std::max(time.lastIndexOf(u'+'), time.lastIndexOf(u'-'));
        if (sign < 0)
            return std::nullopt;
        offset = offsetOf(time.mid(sign));
        time = time.left(sign);
    }
    const std::optional<QTime> clock = timeOf(time);
    if (!date || !clock || !offset)
        return std::nullopt;
    if (!withZone)
        return QDateTime(*date, *clock, Qt::UTC);
    return QDateTime(*date, *clock, Qt::OffsetFromUTC, *offset).toUTC();
}

QByteArray floatText(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

std::optional<double> floatOf(const QByteArray &text)
{
    if (text == "NaN")
        return std::nan("");
    if (text == "Infinity")
        return HUGE_VAL;
    if (text == "-Infinity")
        return -HUGE_VAL;
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

QByteArray byteaOf(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x')
        return QByteArray::fromHex(
            QByteArray::fromRawData(text.data() + 2, qsizetype(text.size() - 2)));
    size_t length = 0; // the escape output (bytea_output = escape)
    unsigned char *raw
        = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text.data()), &length);
    const QByteArray out(reinterpret_cast<const char *>(raw), qsizetype(length));
    PQfreemem(raw);
    return out;
}

QString isoTime(const QTime &t)
{
    return t.toString(QStringLiteral("HH:mm:ss.zzz"));
}

// NULL as Qt's own drivers read a bound value: a null QVariant, or a null string, byte array,
// date, time or date-time, or a null UUID (addBindValue(QString()) binds NULL, not '').
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return !value.toTime().isValid();
    case QMetaType::QDateTime:
        return !value.toDateTime().isValid();
    case QMetaType::QUuid:
        return value.toUuid().isNull();
    default:
        return false;
    }
}

} // namespace

QMetaType::Type PgSqlValue::typeOf(quint32 oid)
{
    switch (oid) {
    case kBool:
        return QMetaType::Bool;
    case kInt2:
    case kInt4:
        return QMetaType::Int;
    case kInt8:
        return QMetaType::LongLong;
    case kOid:
        return QMetaType::UInt;
    case kFloat4:
        return QMetaType::Float;
    case kFloat8:
        return QMetaType::Double;
    case kBytea:
        return QMetaType::QByteArray;
    case kDate:
        return QMetaType::QDate;
    case kTime:
        return QMetaType::QTime;
    case kTimestamp:
    case kTimestamptz:
        return QMetaType::QDateTime;
    default: // numeric and money (exact), text, json, uuid, interval, arrays, ...
        return QMetaType::QString;
    }
}

QVariant PgSqlValue::valueOf(quint32 oid, std::string_view text)
{
    const QByteArray bytes = QByteArray::fromRawData(text.data(), qsizetype(text.size()));
    const QString asText = QString::fromUtf8(bytes);
    bool ok = true;
    QVariant v;
    switch (typeOf(oid)) {
    case QMetaType::Bool:
        return QVariant(bytes == "t");
    case QMetaType::Int:
        v = bytes.toInt(&ok);
        break;
    case QMetaType::LongLong:
        v = bytes.toLongLong(&ok);
        break;
    case QMetaType::UInt:
        v = bytes.toUInt(&ok);
        break;
    case QMetaType::Float:
    case QMetaType::Double:
        if (const std::optional<double> d = floatOf(bytes))
            v = oid == kFloat4 ? QVariant(float(*d)) : QVariant(*d);
        break;
    case QMetaType::QByteArray:
        return byteaOf(text);
    case QMetaType::QDate: {
        const bool bc = asText.endsWith(QLatin1String(" BC"));
        if (const std::optional<QDate> d = dateOf(bc ? asText.chopped(3) : asText, bc))
            v = *d;
        break;
    }
    case QMetaType::QTime:
        if (const std::optional<QTime> t = timeOf(asText))
            v = *t;
        break;
    case QMetaType::QDateTime:
        if (const std::optional<QDateTime> t = dateTimeOf(asText, oid == kTimestamptz))
            v = *t;
        break;
    default:
        return asText;
    }
    return ok && v.isValid() ? v : QVariant(asText); // what Qt cannot hold: its text
}

QVariant PgSqlValue::parameterOf(const QVariant &value)
{
    if (isNullValue(value))
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QByteArray("\\x" + value.toByteArray().toHex());
    case QMetaType::Bool:
        return QByteArray(value.toBool() ? "t" : "f");
    case QMetaType::Double:
        return floatText(value.toDouble());
    case QMetaType::Float:
        if (std::isnan(value.toFloat()) || std::isinf(value.toFloat()))
            return floatText(double(value.toFloat()));
        return QByteArray::number(value.toFloat(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toUtf8();
    case QMetaType::QTime:
        return isoTime(value.toTime()).toUtf8();
    case QMetaType::QDateTime: {
        // with its offset, whatever its time spec: a timestamptz gets the instant
        const QDateTime t = value.toDateTime();
        const int offset = t.offsetFromUtc();
        const QString zone = (offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
            + QStringLiteral("%1:%2")
                  .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                  .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
        return (t.date().toString(Qt::ISODate) + u' ' + isoTime(t.time()) + zone).toUtf8();
    }
    default:
        return value.toString().toUtf8();
    }
}

} // namespace uaip
