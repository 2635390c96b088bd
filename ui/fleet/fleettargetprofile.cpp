#include "fleettargetprofile.h"

#include "db/conninfo.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace uaip {

Result<ConnectionProfile> FleetTargetProfile::from(const FleetTarget &target)
{
    const Result<ConnInfo> info = ConnInfo::parse(target.conninfo);
    if (!info)
        return info.error();
    // What a profile does not carry is refused, not dropped: opened without its options
    // (search_path of a schema-per-tenant target), client certificate or service, the
    // Migrations view would act on another schema or as another client than the fleet run.
    static const QSet<QByteArray> harmless{
        "connect_timeout", "application_name",    "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count",          "tcp_user_timeout"};
    QStringList dropped;
    ConnectionProfile p;
    p.name = target.name;
    // no flags come with a file's target: it is treated as production (destructive actions
    // need the database name typed)
    p.production = true;
    p.host.clear();
    p.database.clear();
    for (const auto &[key, value] : info->options()) {
        if (key == "host")
            p.host = value;
        else if (key == "port") {
            bool ok = false;
            const int port = value.toInt(&ok);
            if (ok)
                p.port = port;
            else
                p.ports = value;
        } else if (key == "dbname")
            p.database = value;
        else if (key == "user")
            p.user = value;
        else if (key == "sslmode")
            p.sslMode = value;
        else if (key == "sslrootcert")
            p.sslRootCert = value;
        else if (key == "target_session_attrs")
            p.targetSessionAttrs = value;
        else if (!harmless.contains(key))
            dropped << QString::fromUtf8(key);
    }
    if (!dropped.isEmpty()) {
        return Error(ErrorCode::BadInput,
                     //: %1 libpq keywords, e.g. "options, sslcert"
                     QCoreApplication::translate("uaip::FleetTargetProfile",
                                                 "its connection string sets %1, which a profile "
                                                 "does not carry; add a profile for it")
                         .arg(dropped.join(QStringLiteral(", "))),
                     {{QStringLiteral("keywords"), dropped}});
    }
    if (p.host.isEmpty())
        p.host = QStringLiteral("localhost");
    if (p.user.isEmpty())
        p.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    return p;
}

} // namespace uaip
