#pragma once

// A planner login of a test's own (PlanningLogins): roles are the cluster's and tests run side by
// side, so each test database gets its own, named after it.
#include "testcluster.h"
#include "testdatabase.h"

#include "db/pgconnection.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace uaip::test {

inline QString sqlLiteral(QString text)
{
    text.replace(u'\'', QStringLiteral("''"));
    return u'\'' + text + u'\'';
}

// A planner login of this test's own (roles are the cluster's, and tests run side by side):
// a member of the roles given and nothing else; the tests' login password.
struct PlannerLogin
{
    TestDatabase &db;
    QString name;

    PlannerLogin(TestDatabase &database, const QStringList &memberOf)
        : db(database)
        , name(QStringLiteral("uaip_planner_") + database.name().right(8))
    {
        PgConnection &w = db.witness();
        const QStringList statements{QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2")
                                         .arg(QString::fromUtf8(w.quoteIdentifier(name)),
                                              sqlLiteral(TestCluster::loginPassword()))};
        QStringList all = statements;
        for (const QString &role : memberOf)
            all << QStringLiteral("GRANT %1 TO %2")
                       .arg(QString::fromUtf8(w.quoteIdentifier(role)),
                            QString::fromUtf8(w.quoteIdentifier(name)));
        for (const QString &sql : all) {
            const PgResult r = w.exec(sql.toUtf8());
            if (!r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
        }
    }
    ~PlannerLogin()
    {
        PgConnection &w = db.witness();
        w.exec("DROP ROLE " + w.quoteIdentifier(name));
    }
    PlannerLogin(const PlannerLogin &) = delete;
    PlannerLogin &operator=(const PlannerLogin &) = delete;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("UAIP_PLANNER"), name);
        return e;
    }
};

} // namespace uaip::test
