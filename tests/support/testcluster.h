#pragma once

#include "db/sandbox.h"

#include <QString>

namespace uaip::test {

// The PostgreSQL sandbox shared by one CTest run (started by the "sandbox_start" fixture,
// folder in UAIP_TEST_SANDBOX_DIR). Started here too when a test runs on its own.
//
// The sandbox trusts no connection (scram-sha-256): the tests' own password file (passFile(),
// also PGPASSFILE in the test's environment, which the programs it starts inherit) has the
// superuser's password for every host — the clusters a test makes (PrimaryServer, its
// standbys, a PgBouncer in front) share it — and loginPassword() for every other role: a
// test's LOGIN role is made WITH PASSWORD 'uaip-test-login'.
class TestCluster
{
public:
    static Sandbox &sandbox();
    static QString migrateBinary(); // UAIP_MIGRATE_BIN
    static QString sourceDir(); // UAIP_SOURCE_DIR
    // The tests' password file (pgpass format, 0600) in the sandbox's folder.
    static QString passFile();
    static QString superuserPassword();
    // The password of every LOGIN role a test makes ('uaip-test-login').
    static QString loginPassword() { return QStringLiteral("uaip-test-login"); }
    // A database of the sandbox as its superuser, with the tests' password file: a test that
    // appends " user=ROLE" logs in as its own role.
    static QString conninfo(const QString &database);
};

} // namespace uaip::test
