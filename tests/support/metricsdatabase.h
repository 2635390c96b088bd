#pragma once

#include "platformdatabase.h"

namespace uaip::test {

// A platform database for the Analytics tests: the entities of a tiny demo load (personas,
// agents, tools, sessions, users), then fixtureSql, which replaces the metric tables' rows
// with the controlled rows a test compares against.
class MetricsDatabase : public PlatformDatabase
{
public:
    MetricsDatabase(const QString &applicationName, const char *fixtureSql);
};

} // namespace uaip::test
