#pragma once

#include "testcluster.h"
#include "testdatabase.h"

#include <QString>

namespace uaip::test {

// A login role that owns nothing, as the platform's application connects (with the tests'
// login password, TestCluster::loginPassword()): a name with a double
// quote, a single quote, a semicolon and a space; rights on the public schema's tables
// (tableRights, e.g. "SELECT, UPDATE"); createInDatabase: it may also create schemas.
struct AppRole
{
    TestDatabase &db;
    QString name;

    explicit AppRole(TestDatabase &database, const QString &tableRights = QStringLiteral("SELECT"),
                     bool createInDatabase = false)
        : db(database)
        , name(QStringLiteral("app\";'r ") + database.name().right(8))
    {
        PgConnection &w = db.witness();
        const QString role = QString::fromUtf8(w.quoteIdentifier(name));
        QStringList grants{
            QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                .arg(role, TestCluster::loginPassword()),
            QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role),
            QStringLiteral("GRANT %1 ON ALL TABLES IN SCHEMA public TO %2").arg(tableRights, role)};
        if (createInDatabase)
            grants << QStringLiteral("GRANT CREATE, CONNECT ON DATABASE %1 TO %2")
                          .arg(QString::fromUtf8(w.quoteIdentifier(db.name())), role);
        for (const QString &sql : grants) {
            const PgResult r = w.exec(sql.toUtf8());
            if (!r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
        }
    }
    ~AppRole()
    {
        PgConnection &w = db.witness();
        w.exec("DROP OWNED BY " + w.quoteIdentifier(name));
        w.exec("DROP ROLE " + w.quoteIdentifier(name));
    }
    AppRole(const AppRole &) = delete;
    AppRole &operator=(const AppRole &) = delete;

    QString conninfo() const
    {
        QString quoted = name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return db.conninfo() + QStringLiteral(" user='%1'").arg(quoted);
    }
};

} // namespace uaip::test
