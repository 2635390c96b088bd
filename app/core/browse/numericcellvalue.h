#pragma once

#include "columninfo.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

namespace uaip {

// The one rule for numbers in the entity grid (integer, numeric(p,s), real, double precision):
// what a user typed in their locale becomes the server's text for the column, or is refused
// with the reason; it is never rounded or cut. numeric(p,s) takes a value only when it has no
// digit beyond the scale and fewer than p - s digits before the point (a value the server
// would round is refused); integers are whole and inside their type's range; real and double
// precision are inside their range. Separators: the locale's decimal point, and its group
// separator only in groups of three before the point (so "1.5" in German, where "." groups,
// is refused rather than read as 15). Display: the locale's decimal point and minus sign, no
// grouping, every digit of the server's text kept.
class NumericCellValue
{
    Q_DECLARE_TR_FUNCTIONS(uaip::NumericCellValue)

public:
    // Integer, Numeric or Float columns.
    static bool isNumeric(const ColumnInfo &column);
    // `typed` in `locale` for `column`: the server's text (C format) or the reason it is refused.
    static NumericCellValue fromText(const QString &typed, const ColumnInfo &column,
                                     const QLocale &locale);
    // A value already in the server's format, checked against the column (the model's guard).
    static NumericCellValue check(const QString &serverText, const ColumnInfo &column)
    {
        return fromText(serverText, column, QLocale::c());
    }
    // The server's text of a number as the locale writes it (decimal point, minus sign).
    static QString toDisplay(const QString &serverText, const QLocale &locale);

    bool ok() const { return m_error.isEmpty(); }
    // The server's text, e.g. "1.5", "-12", "NaN".
    QString value() const { return m_value; }
    // Why the text was refused (translated), empty when ok.
    QString error() const { return m_error; }

private:
    static NumericCellValue accepted(const QString &value);
    static NumericCellValue refused(const QString &reason);

    struct Parsed; // a number as typed, separators removed
    static std::optional<Parsed> parse(const QString &text, const QLocale &locale);
    static QString cText(const Parsed &p);
    // fromText() once `typed` parsed as p, for an Integer, Float or Numeric column.
    static NumericCellValue fromInteger(const Parsed &p, const QString &typed, const QString &type,
                                        const ColumnInfo &column, const QLocale &locale);
    static NumericCellValue fromFloat(const Parsed &p, const QString &typed, const QString &type,
                                      const ColumnInfo &column);
    static NumericCellValue fromNumeric(const Parsed &p, const QString &typed, const QString &type,
                                        const ColumnInfo &column, const QLocale &locale);

    QString m_value;
    QString m_error;
};

} // namespace uaip
