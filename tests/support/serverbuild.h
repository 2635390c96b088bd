#pragma once

// What the server of a test has, for the server matrix (tests/CMakeLists.txt: 16, 17 and 18 from
// npm's upstream builds, which carry contrib but no hypopg, no pg_qualstats, no JIT and no
// client programs). A test that needs one of them says so and skips where that server's build
// lacks it; on the suite's own server (Debian's, the default major) the rule of
// UAIP_REQUIRE_OR_SKIP holds (under CI a missing one fails the test).

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sandboxserverprograms.h"
#include "requireorskip.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace uaip::test {

inline int serverMajor(PgConnection &c)
{
    return c.serverVersion() / 10000;
}

// Whether the server's build is the suite's own (Debian's default major), which must have all.
inline bool isDefaultServer(PgConnection &c)
{
    return serverMajor(c) == SandboxServerPrograms::defaultMajor();
}

inline bool hasExtension(PgConnection &c, const QString &name)
{
    const PgResult r
        = c.exec("SELECT count(*) FROM pg_available_extensions WHERE name = $1", {name});
    return r.ok() && r.value(0, 0) == QLatin1String("1");
}

// pg_dump of the server's own major (pg_dump refuses a newer server); empty when there is none.
inline QString pgDumpFor(PgConnection &c)
{
    for (const QString &bin : {SandboxServerPrograms::binDir(serverMajor(c)),
                               QStringLiteral("/usr/lib/postgresql/%1/bin").arg(serverMajor(c))}) {
        const QString dump = QDir(bin).filePath(QStringLiteral("pg_dump"));
        if (!bin.isEmpty() && QFileInfo(dump).isExecutable())
            return dump;
    }
    return QString();
}

} // namespace uaip::test

// The server's build lacks what the test needs: skipped, saying so, where that build is one of
// the matrix's; required (UAIP_REQUIRE_OR_SKIP) on the suite's own server.
#define UAIP_SKIP_WHERE_THE_BUILD_LACKS(connection, missing, what)                                 \
    do {                                                                                           \
        if (missing) {                                                                             \
            const QString uaipWhy = QStringLiteral("PostgreSQL %1's build has no %2")              \
                                        .arg(::uaip::test::serverMajor(connection))                \
                                        .arg(QStringLiteral(what));                                \
            if (!::uaip::test::isDefaultServer(connection))                                        \
                QSKIP(qPrintable(uaipWhy));                                                        \
            UAIP_REQUIRE_OR_SKIP(uaipWhy);                                                         \
        }                                                                                          \
    } while (false)

#define UAIP_REQUIRE_EXTENSION(connection, name)                                                   \
    UAIP_SKIP_WHERE_THE_BUILD_LACKS(connection, !::uaip::test::hasExtension(connection, name),     \
                                    "extension " name)
#define UAIP_REQUIRE_PG_DUMP(connection)                                                           \
    UAIP_SKIP_WHERE_THE_BUILD_LACKS(connection, ::uaip::test::pgDumpFor(connection).isEmpty(),     \
                                    "pg_dump (npm's build has no client programs; Debian 13's "    \
                                    "pg_dump needs glibc 2.38); the DDL is replayed and compared " \
                                    "by the server's own description (catalogwitness.h) instead")
