#include "fleettargetprofile.h"

#include <libpq-fe.h>

namespace uaip {

std::optional<ConnectionProfile> FleetTargetProfile::from(const FleetTarget &target, QString *why)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(target.conninfo.toUtf8().constData(), &error);
    if (!options) {
        if (why)
            *why = error ? QString::fromUtf8(error).trimmed() : QString();
        PQfreemem(error);
        return std::nullopt;
    }
    ConnectionProfile p;
    p.name = target.name;
    p.host.clear();
    p.database.clear();
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QByteArray key(o->keyword);
        const QString value = QString::fromUtf8(o->val);
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
    }
    PQconninfoFree(options);
    if (p.host.isEmpty())
        p.host = QStringLiteral("localhost");
    if (p.user.isEmpty())
        p.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    return p;
}

} // namespace uaip
