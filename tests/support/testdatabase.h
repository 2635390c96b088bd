#pragma once

#include "db/connectionprofile.h"
#include "db/pgconnection.h"

#include <QString>
#include <memory>

namespace uaip::test {

// A fresh database on the test cluster for one test case, empty or a copy of templateDb;
// dropped on destruction.
class TestDatabase
{
public:
    explicit TestDatabase(const QString &templateDb = QStringLiteral("template0"));
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    QString name() const { return m_name; }
    // As the superuser, with the tests' password file (TestCluster::conninfo): appending
    // " user=ROLE" logs in as a test's role.
    QString conninfo() const;
    // The same database as a connection profile (for Session / SessionWorker), with the tests'
    // password file.
    ConnectionProfile profile() const;
    // A second, independent connection for checking what the code under test did.
    PgConnection &witness();
    // Shortcut on the witness connection: first value of a query, QVERIFY-friendly.
    QString scalar(const QByteArray &sql, const QVariantList &params = {});

private:
    QString m_name;
    std::unique_ptr<PgConnection> m_witness;
};

} // namespace uaip::test
