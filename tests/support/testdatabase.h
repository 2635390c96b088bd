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
    QString conninfo() const;
    // The same database as a connection profile (for Session / SessionWorker).
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
