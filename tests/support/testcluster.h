#pragma once

#include "db/sandbox.h"

#include <QString>

namespace uaip::test {

// The PostgreSQL sandbox shared by one CTest run (started by the "sandbox_start" fixture,
// folder in UAIP_TEST_SANDBOX_DIR). Started here too when a test runs on its own.
class TestCluster
{
public:
    static Sandbox &sandbox();
    static QString migrateBinary(); // UAIP_MIGRATE_BIN
    static QString sourceDir(); // UAIP_SOURCE_DIR
};

} // namespace uaip::test
