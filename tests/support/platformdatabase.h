#pragma once

#include "db/pgconnection.h"
#include "testdatabase.h"

#include <QString>

namespace uaip::test {

// A fresh test database with every bundled platform migration applied (a copy of
// PlatformTemplate's database), and an open connection for the code under test (the
// TestDatabase's witness stays separate).
class PlatformDatabase
{
public:
    explicit PlatformDatabase(const QString &applicationName);
    virtual ~PlatformDatabase() = default;

    TestDatabase db;
    PgConnection connection;
};

} // namespace uaip::test
