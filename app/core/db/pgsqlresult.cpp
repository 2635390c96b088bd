#include "pgsqlresult.h"

#include "pgconnection.h"
#include "pgsqldriver.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlError>
#include <QSqlField>
#include <QUuid>

#include <libpq-fe.h>

#include <cmath>
#include <optional>

Q_DECLARE_OPAQUE_POINTER(PGresult *)
Q_DECLARE_METATYPE(PGresult *)

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

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Where a quoted part that starts at i (a string, a quoted name, a dollar quote, a comment)
// ends, just after it; i when none starts there.
qsizetype skipQuoted(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    const QChar c = s.at(i);
    if (c == u'\'' || c == u'"') {
        // E'...' has backslash escapes; a doubled quote is one
        const bool escapes = c == u'\'' && i > 0 && (s.at(i - 1) == u'E' || s.at(i - 1) == u'e')
            && (i < 2 || !isWordChar(s.at(i - 2)));
        qsizetype j = i + 1;
        while (j < n) {
            if (escapes && s.at(j) == u'\\') {
                j += 2;
            } else if (s.at(j) == c) {
                if (j + 1 < n && s.at(j + 1) == c)
                    j += 2;
                else
                    return j + 1;
            } else {
                ++j;
            }
        }
        return n;
    }
    if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
        const qsizetype end = s.indexOf(u'\n', i);
        return end < 0 ? n : end + 1;
    }
    if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
        int depth = 0;
        qsizetype j = i;
        while (j + 1 < n) {
            if (s.at(j) == u'/' && s.at(j + 1) == u'*') {
                ++depth;
                j += 2;
            } else if (s.at(j) == u'*' && s.at(j + 1) == u'/') {
                j += 2;
                if (--depth == 0)
                    return j;
            } else {
                ++j;
            }
        }
        return n;
    }
    if (c == u'$' && (i == 0 || !isWordChar(s.at(i - 1)))) {
        qsizetype j = i + 1;
        while (j < n && (s.at(j).isLetter() || s.at(j) == u'_' || (j > i + 1 && s.at(j).isDigit())))
            ++j;
        if (j < n && s.at(j) == u'$') { // $tag$ or $$
            const QString tag = s.mid(i, j - i + 1);
            const qsizetype end = s.indexOf(tag, j + 1);
            return end < 0 ? n : end + tag.size();
        }
    }
    return i;
}

// Calls code(i) for each position of s outside quotes, dollar quotes and comments.
template<typename Code>
void forEachCodeChar(const QString &s, Code code)
{
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype after = skipQuoted(s, i);
        if (after > i) {
            i = after;
            continue;
        }
        code(i);
        ++i;
    }
}

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

} // namespace

PgSqlResult::PgSqlResult(const PgSqlDriver *driver)
    : QSqlResult(driver)
{ }

PgSqlResult::~PgSqlResult() = default;

PgConnection *PgSqlResult::connection() const
{
    const auto *d = static_cast<const PgSqlDriver *>(driver());
    return d && d->isOpen() ? d->connection() : nullptr;
}

QMetaType::Type PgSqlResult::typeOf(quint32 oid)
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

QVariant PgSqlResult::valueOf(quint32 oid, std::string_view text)
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

namespace {

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

QVariant PgSqlResult::parameterOf(const QVariant &value)
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

QString PgSqlResult::numbered(const QString &statement)
{
    bool native = false;
    forEachCodeChar(statement, [&](qsizetype i) {
        if (statement.at(i) == u'$' && i + 1 < statement.size() && statement.at(i + 1).isDigit())
            native = true;
    });
    if (native)
        return statement;
    QString out;
    qsizetype copied = 0;
    int number = 0;
    forEachCodeChar(statement, [&](qsizetype i) {
        if (statement.at(i) != u'?')
            return;
        out += QStringView(statement).mid(copied, i - copied);
        out += u'$' + QString::number(++number);
        copied = i + 1;
    });
    out += QStringView(statement).mid(copied);
    return out;
}

void PgSqlResult::fail(const QString &message, const QString &sqlState)
{
    setLastError(
        QSqlError(tr("The statement failed"), message, QSqlError::StatementError, sqlState));
    setActive(false);
}

bool PgSqlResult::take(PgResult result)
{
    m_result = std::move(result);
    m_record.clear();
    setAt(QSql::BeforeFirstRow);
    if (!m_result.ok()) {
        const PgError e = m_result.error();
        fail(e.detail.isEmpty() ? e.message : e.message + QStringLiteral("\nDETAIL: ") + e.detail,
             e.sqlState);
        return false;
    }
    const bool rows = m_result.status() == PgResult::Status::TuplesOk;
    setSelect(rows);
    for (int c = 0; rows && c < m_result.columns(); ++c) {
        const quint32 oid = m_result.columnType(c);
        QSqlField f(m_result.columnName(c), QMetaType(typeOf(oid)));
        const int modifier = PQfmod(m_result.handle(), c);
        if (oid == 1700 && modifier >= 4) { // numeric(precision, scale)
            f.setLength(((modifier - 4) >> 16) & 0xffff);
            f.setPrecision((modifier - 4) & 0xffff);
        } else if (modifier >= 4 && (oid == 1042 || oid == 1043)) { // char(n), varchar(n)
            f.setLength(modifier - 4);
        }
        m_record.append(f);
    }
    setActive(true);
    return true;
}

bool PgSqlResult::reset(const QString &statement)
{
    setQuery(statement);
    PgConnection *c = connection();
    if (!c) {
        fail(tr("The database connection is not open"));
        return false;
    }
    return take(c->execOne(statement.toUtf8()));
}

bool PgSqlResult::prepare(const QString &statement)
{
    m_statement = numbered(statement);
    return true; // nothing is sent before exec(): no server-side prepared statement
}

bool PgSqlResult::exec()
{
    PgConnection *c = connection();
    if (!c) {
        fail(tr("The database connection is not open"));
        return false;
    }
    const QVariantList bound = boundValues();
    if (bound.isEmpty()) // a COPY it starts is ended at once (execOne)
        return take(c->execOne(m_statement.toUtf8()));
    QVariantList params;
    params.reserve(bound.size());
    for (const QVariant &v : bound)
        params << parameterOf(v);
    return take(c->exec(m_statement.toUtf8(), params));
}

QVariant PgSqlResult::data(int field)
{
    if (!isSelect() || at() < 0 || field < 0 || field >= m_result.columns())
        return QVariant();
    const quint32 oid = m_result.columnType(field);
    if (m_result.isNull(at(), field))
        return QVariant(QMetaType(typeOf(oid)));
    return valueOf(oid, m_result.view(at(), field));
}

bool PgSqlResult::isNull(int field)
{
    return !isSelect() || at() < 0 || field < 0 || field >= m_result.columns()
        || m_result.isNull(at(), field);
}

bool PgSqlResult::fetch(int row)
{
    if (!isActive() || !isSelect() || row < 0 || row >= m_result.rows())
        return false;
    setAt(row);
    return true;
}

bool PgSqlResult::fetchFirst()
{
    return fetch(0);
}

bool PgSqlResult::fetchLast()
{
    return fetch(m_result.rows() - 1);
}

int PgSqlResult::size()
{
    return isActive() && isSelect() ? m_result.rows() : -1;
}

int PgSqlResult::numRowsAffected()
{
    return isActive() ? int(m_result.affectedRows()) : -1;
}

QSqlRecord PgSqlResult::record() const
{
    return m_record;
}

QVariant PgSqlResult::handle() const
{
    return QVariant::fromValue(m_result.handle());
}

void PgSqlResult::detachFromResultSet()
{
    m_result = PgResult(); // QSqlQuery::finish(): the rows are not needed any more
}

} // namespace uaip
