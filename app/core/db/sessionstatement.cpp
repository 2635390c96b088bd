#include "sessionstatement.h"

#include "pgconnection.h"
#include "sqlresource.h"

#include <QCryptographicHash>

namespace uaip {

QByteArray SessionStatement::nameOf(const QByteArray &name, const QByteArray &sql)
{
    return name + '_' + QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex().left(16);
}

PgResult SessionStatement::run(PgConnection &connection, const QByteArray &baseName,
                               const QByteArray &sql, const QVariantList &params)
{
    const QByteArray name = nameOf(baseName, sql);
    PgResult there
        = connection.exec(SqlResource::get(QStringLiteral("db/sql/session_statement.sql")),
                          {QString::fromUtf8(name)});
    if (!there.ok())
        return there;
    if (there.rows() > 0 && there.value(0, 0) != u"f")
        return connection.exec(sql, params); // a statement of the session's own SQL: not ours
    if (there.rows() == 0) {
        PgResult made = connection.prepare(name, sql);
        if (!made.ok())
            return made;
    }
    return connection.execPrepared(name, params);
}

} // namespace uaip
