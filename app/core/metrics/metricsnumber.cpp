#include "metricsnumber.h"

#include "db/pgresult.h"

#include <QByteArray>

#include <charconv>
#include <string_view>

namespace uaip {

std::optional<double> MetricsNumber::at(const PgResult &r, int row, int column)
{
    if (r.isNull(row, column))
        return std::nullopt;
    const std::string_view value = r.view(row, column);
    const char *text = value.data();
    const char *end = text + value.size();
    double v = 0;
    if (std::from_chars(text, end, v).ec != std::errc())
        return QByteArray(text, int(end - text)).toDouble(); // NaN, Infinity
    return v;
}

} // namespace uaip
