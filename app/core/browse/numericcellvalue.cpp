#include "numericcellvalue.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <system_error>

namespace uaip {

namespace {

// PostgreSQL's limits for an unconstrained numeric (digits before and after the point).
constexpr qint64 kNumericMaxWhole = 131072;
constexpr qint64 kNumericMaxScale = 16383;

bool startsAt(const QString &text, qsizetype i, const QString &token)
{
    return !token.isEmpty() && QStringView(text).mid(i).startsWith(token);
}

bool isSpaceLike(const QString &separator)
{
    return separator == QStringLiteral("\u00a0") || separator == QStringLiteral("\u202f")
        || separator == QStringLiteral(" ");
}

// Digits grouped by the locale: the first run 1-3 digits, every further run exactly 3.
bool validGroups(const QList<int> &runs)
{
    if (runs.size() < 2)
        return true;
    if (runs.first() < 1 || runs.first() > 3)
        return false;
    for (qsizetype i = 1; i < runs.size(); ++i)
        if (runs.at(i) != 3)
            return false;
    return true;
}

QString stripLeadingZeros(const QString &digits)
{
    qsizetype i = 0;
    while (i < digits.size() && digits.at(i) == u'0')
        ++i;
    return digits.mid(i);
}

QString special(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("nan"))
        return QStringLiteral("NaN");
    if (t == QLatin1String("infinity") || t == QLatin1String("+infinity")
        || t == QLatin1String("inf") || t == QLatin1String("+inf"))
        return QStringLiteral("Infinity");
    if (t == QLatin1String("-infinity") || t == QLatin1String("-inf"))
        return QStringLiteral("-Infinity");
    return QString();
}

} // namespace

// A number as typed, separators removed: sign, digits before and after the point, exponent.
struct NumericCellValue::Parsed
{
    bool negative = false;
    QString whole; // ASCII digits, leading zeros as typed
    QString fraction; // ASCII digits after the point
    bool point = false;
    bool exponentGiven = false;
    qint64 exponent = 0;
};

std::optional<NumericCellValue::Parsed> NumericCellValue::parse(const QString &text,
                                                                const QLocale &locale)
{
    Parsed p;
    qsizetype i = 0;
    const QString minus = locale.negativeSign();
    const QString plus = locale.positiveSign();
    if (startsAt(text, i, minus)) {
        p.negative = true;
        i += minus.size();
    } else if (text.startsWith(u'-')) {
        p.negative = true;
        ++i;
    } else if (startsAt(text, i, plus)) {
        i += plus.size();
    } else if (text.startsWith(u'+')) {
        ++i;
    }
    const QString point = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    QList<int> runs{0};
    bool grouped = false;
    bool exponent = false;
    while (i < text.size() && !exponent) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            (p.point ? p.fraction : p.whole) += QChar(u'0' + c.digitValue());
            if (!p.point)
                ++runs.last();
            ++i;
        } else if (!p.point && startsAt(text, i, point)) {
            p.point = true;
            i += point.size();
        } else if (!p.point && (startsAt(text, i, group) || (isSpaceLike(group) && c == u' '))) {
            grouped = true;
            runs << 0;
            i += startsAt(text, i, group) ? group.size() : 1;
        } else if (c == u'e' || c == u'E') {
            exponent = true;
            ++i;
        } else {
            return std::nullopt;
        }
    }
    if (p.whole.isEmpty() && p.fraction.isEmpty())
        return std::nullopt;
    if (grouped && !validGroups(runs))
        return std::nullopt;
    if (!exponent)
        return p;
    // the exponent: [+-]digits
    bool negative = false;
    if (startsAt(text, i, minus)) {
        negative = true;
        i += minus.size();
    } else if (i < text.size() && text.at(i) == u'-') {
        negative = true;
        ++i;
    } else if (i < text.size() && text.at(i) == u'+') {
        ++i;
    }
    const qsizetype start = i;
    qint64 e = 0;
    while (i < text.size() && text.at(i).isDigit()) {
        if (i - start >= 9)
            e = 1'000'000'000; // far beyond every limit
        else
            e = e * 10 + text.at(i).digitValue();
        ++i;
    }
    if (i == start || i < text.size())
        return std::nullopt;
    p.exponentGiven = true;
    p.exponent = negative ? -e : e;
    return p;
}

// The C text of a parsed number, exponent kept: "-12.5e3".
QString NumericCellValue::cText(const Parsed &p)
{
    QString whole = stripLeadingZeros(p.whole);
    QString out = p.negative ? QStringLiteral("-") : QString();
    out += whole.isEmpty() ? QStringLiteral("0") : whole;
    if (!p.fraction.isEmpty())
        out += u'.' + p.fraction;
    if (p.exponentGiven)
        out += u'e' + QString::number(p.exponent);
    return out;
}

bool NumericCellValue::isNumeric(const ColumnInfo &column)
{
    using K = ColumnInfo::Kind;
    return column.kind == K::Integer || column.kind == K::Numeric || column.kind == K::Float;
}

NumericCellValue NumericCellValue::accepted(const QString &value)
{
    NumericCellValue v;
    v.m_value = value;
    return v;
}

NumericCellValue NumericCellValue::refused(const QString &reason)
{
    NumericCellValue v;
    v.m_error = reason;
    return v;
}

NumericCellValue NumericCellValue::fromText(const QString &typed, const ColumnInfo &column,
                                            const QLocale &locale)
{
    using K = ColumnInfo::Kind;
    const QString text = typed.trimmed();
    const QString type = column.displayType.isEmpty() ? column.typeName : column.displayType;
    if (text.isEmpty())
        return refused(tr("Enter a number; %1 does not take empty text.").arg(type));
    const QString word = special(text);
    if (!word.isEmpty()) {
        if (column.kind == K::Float)
            return accepted(word);
        if (column.kind == K::Numeric) {
            if (word == QLatin1String("NaN") || column.precision < 0)
                return accepted(word);
            return refused(tr("%1 cannot hold an infinite value.").arg(type));
        }
    }
    const std::optional<Parsed> parsed = parse(text, locale);
    if (!parsed)
        return refused(
            tr("%1: \"%2\" is not a number here; write numbers like %3 (decimal "
               "separator \"%4\").")
                .arg(type, typed, locale.toString(1234.5, 'f', 1), locale.decimalPoint()));
    const Parsed &p = *parsed;

    if (column.kind == K::Integer)
        return fromInteger(p, typed, type, column, locale);
    if (column.kind == K::Float)
        return fromFloat(p, typed, type, column);
    return fromNumeric(p, typed, type, column, locale);
}

NumericCellValue NumericCellValue::fromInteger(const Parsed &p, const QString &typed,
                                               const QString &type, const ColumnInfo &column,
                                               const QLocale &locale)
{
    if (p.point || p.exponentGiven)
        return refused(tr("%1 holds whole numbers only; \"%2\" is not one.").arg(type, typed));
    qint64 min = std::numeric_limits<qint32>::min();
    qint64 max = std::numeric_limits<qint32>::max();
    if (column.baseType == QLatin1String("int2")) {
        min = std::numeric_limits<qint16>::min();
        max = std::numeric_limits<qint16>::max();
    } else if (column.baseType == QLatin1String("int8")) {
        min = std::numeric_limits<qint64>::min();
        max = std::numeric_limits<qint64>::max();
    }
    const QString digits = stripLeadingZeros(p.whole);
    bool inRange = digits.size() <= 19;
    quint64 magnitude = 0;
    if (inRange)
        magnitude = digits.isEmpty() ? 0 : digits.toULongLong(&inRange);
    if (inRange)
        inRange = magnitude <= quint64(max) + (p.negative ? 1 : 0);
    if (!inRange)
        return refused(tr("%1 is out of range for %2 (%3 to %4).")
                           .arg(typed, type, locale.toString(min), locale.toString(max)));
    if (magnitude == 0)
        return accepted(QStringLiteral("0"));
    return accepted((p.negative ? QStringLiteral("-") : QString()) + digits);
}

NumericCellValue NumericCellValue::fromFloat(const Parsed &p, const QString &typed,
                                             const QString &type, const ColumnInfo &column)
{
    const std::string c = cText(p).toStdString();
    double d = 0;
    const auto [end, ec] = std::from_chars(c.data(), c.data() + c.size(), d);
    bool inRange = ec == std::errc() && end == c.data() + c.size();
    if (inRange && column.baseType == QLatin1String("float4"))
        inRange = std::abs(d) <= double(FLT_MAX) && (d == 0 || float(d) != 0.0f);
    if (!inRange)
        return refused(tr("%1 is out of range for %2.").arg(typed, type));
    return accepted(cText(p));
}

NumericCellValue NumericCellValue::fromNumeric(const Parsed &p, const QString &typed,
                                               const QString &type, const ColumnInfo &column,
                                               const QLocale &locale)
{
    // numeric: digit i of whole+fraction stands for 10^(pointAt - 1 - i)
    const QString digits = p.whole + p.fraction;
    const qint64 pointAt = p.whole.size() + p.exponent;
    qint64 highest = std::numeric_limits<qint64>::min();
    qint64 lowest = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (digits.at(i) == u'0')
            continue;
        const qint64 position = pointAt - 1 - i;
        highest = qMax(highest, position);
        lowest = qMin(lowest, position);
    }
    if (highest == std::numeric_limits<qint64>::min()) // zero
        return accepted(QStringLiteral("0"));
    if (column.precision < 0) {
        if (highest >= kNumericMaxWhole || lowest < -kNumericMaxScale)
            return refused(tr("%1 is out of range for %2.").arg(typed, type));
        return accepted(cText(p));
    }
    const qint64 scale = column.scale;
    const qint64 wholeDigits = column.precision - scale;
    if (lowest < -scale) {
        if (scale >= 0)
            return refused(
                tr("%1 would be rounded: %2 keeps %n decimal place(s).", nullptr, int(scale))
                    .arg(typed, type));
        return refused(
            tr("%1 would be rounded: %2 keeps only multiples of %3.")
                .arg(typed, type, locale.toString(qint64(std::pow(10.0, double(-scale))))));
    }
    if (highest >= wholeDigits) {
        if (wholeDigits > 0)
            return refused(tr("%1 is too large for %2: at most %n digit(s) before the "
                              "decimal point.",
                              nullptr, int(wholeDigits))
                               .arg(typed, type));
        return refused(
            tr("%1 is too large for %2: it must be below %3.")
                .arg(typed, type,
                     toDisplay(QStringLiteral("0.") + QString(-wholeDigits, u'0') + u'1', locale)));
    }
    // Plain decimal text from the highest digit (or the units) down to the scale.
    QString out = p.negative ? QStringLiteral("-") : QString();
    const qint64 typedLowest = pointAt - digits.size();
    const qint64 from = qMax<qint64>(highest, 0);
    const qint64 to = qMin<qint64>(0, qMax(typedLowest, -qMax<qint64>(scale, 0)));
    for (qint64 k = from; k >= to; --k) {
        if (k == -1)
            out += u'.';
        const qint64 i = pointAt - 1 - k;
        out += i >= 0 && i < digits.size() ? digits.at(i) : QChar(u'0');
    }
    return accepted(out);
}

QString NumericCellValue::toDisplay(const QString &serverText, const QLocale &locale)
{
    QString out;
    out.reserve(serverText.size());
    for (qsizetype i = 0; i < serverText.size(); ++i) {
        const QChar c = serverText.at(i);
        if (c == u'.')
            out += locale.decimalPoint();
        else if (c == u'-'
                 && (i == 0 || serverText.at(i - 1) == u'e' || serverText.at(i - 1) == u'E'))
            out += locale.negativeSign();
        else
            out += c;
    }
    return out;
}

} // namespace uaip
