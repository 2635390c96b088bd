#pragma once

#include <QLocale>
#include <QString>

namespace uaip {

// Numbers as the Analytics view shows them: in the user's locale (decimal comma in German),
// large values with k / M / G (thousand, million, billion), never in scientific notation
// ("8e+05" reads badly beside "85,402").
class CompactNumber
{
public:
    // About four significant digits: 44.232 -> "44.23", 85402 -> "85.4k", 673310 -> "673.3k",
    // 1234567 -> "1.235M", 0.000123 -> "0.000123".
    static QString format(double value, const QLocale &locale = QLocale());
    // An axis tick of a scale with ticks step apart: every tick of the scale uses the same
    // suffix (chosen by the largest magnitude, top) and just enough decimals to tell the
    // ticks apart ("0", "200k", "400k"; "0.5", "1", "1.5").
    static QString tick(double value, double step, double top, const QLocale &locale = QLocale());
};

} // namespace uaip
