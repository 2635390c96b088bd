#include "compactnumber.h"

#include <algorithm>
#include <cmath>

namespace uaip {

namespace {

constexpr int kSignificant = 4;
constexpr int kMaxDecimals = 12;

struct Scale
{
    double divisor;
    const char *suffix;
};

Scale scaleFor(double magnitude)
{
    if (magnitude >= 1e9)
        return {1e9, "G"};
    if (magnitude >= 1e6)
        return {1e6, "M"};
    if (magnitude >= 1e4) // 1,234 stays whole; 12,345 becomes 12.35k
        return {1e3, "k"};
    return {1, ""};
}

// value with decimals decimals, trailing zeros (and a trailing separator) removed.
QString fixed(double value, int decimals, const QLocale &locale)
{
    QString text = locale.toString(value, 'f', std::clamp(decimals, 0, kMaxDecimals));
    const QString point = locale.decimalPoint();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    if (text == QLatin1Char('-') + locale.zeroDigit())
        text = locale.zeroDigit();
    return text;
}

} // namespace

QString CompactNumber::format(double value, const QLocale &locale)
{
    if (!std::isfinite(value))
        return locale.toString(value);
    const Scale s = scaleFor(std::abs(value));
    const double scaled = value / s.divisor;
    const double magnitude = std::abs(scaled);
    const int digitsBefore = magnitude < 1 ? 0 : int(std::floor(std::log10(magnitude))) + 1;
    int decimals = kSignificant - digitsBefore;
    if (magnitude > 0 && magnitude < 1) // 0.000123: significant digits after the zeros
        decimals = kSignificant - 1 - int(std::floor(std::log10(magnitude)));
    QString text = fixed(scaled, std::max(0, decimals), locale);
    return text + QLatin1String(s.suffix);
}

QString CompactNumber::tick(double value, double step, double top, const QLocale &locale)
{
    const Scale s = scaleFor(std::abs(top));
    const double scaledStep = std::abs(step) / s.divisor;
    int decimals = 0;
    if (scaledStep > 0 && std::isfinite(scaledStep)) {
        decimals = std::max(0, -int(std::floor(std::log10(scaledStep) + 1e-9)));
        // 2.5 steps need one more decimal than their power of ten
        const double rest = scaledStep * std::pow(10.0, decimals);
        if (std::abs(rest - std::round(rest)) > 1e-6)
            ++decimals;
    }
    return fixed(value / s.divisor, decimals, locale) + QLatin1String(s.suffix);
}

} // namespace uaip
