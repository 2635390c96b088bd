#pragma once

#include <optional>

namespace uaip {

class PgResult;

// A value of a metrics query's answer as a number, read straight from libpq's text form
// (locale-independent, no QString in between: a 90-day panel has tens of thousands of values);
// nullopt for NULL.
class MetricsNumber
{
public:
    static std::optional<double> at(const PgResult &r, int row, int column);
};

} // namespace uaip
