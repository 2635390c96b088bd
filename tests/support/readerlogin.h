#pragma once

// A reader login of a test's own (ReadingLogins): roles are the cluster's and tests run side by
// side, so each test database gets its own, named after it, with the tests' login password;
// UAIP_READER names it for this process (and the programs it starts) while it lives.
#include "testcluster.h"
#include "testdatabase.h"

#include "db/pgconnection.h"

#include <QString>
#include <QStringList>

namespace uaip::test {

struct ReaderLogin
{
    TestDatabase &db;
    QString name;

    // attributes: the role's (a reader's are LOGIN BYPASSRLS); memberOf: the roles granted.
    explicit ReaderLogin(TestDatabase &database,
                         const QString &attributes = QStringLiteral("LOGIN BYPASSRLS"),
                         const QStringList &memberOf = {QStringLiteral("pg_read_all_data"),
                                                        QStringLiteral("pg_read_all_stats")})
        : db(database)
        , name(QStringLiteral("uaip_reader_") + database.name().right(8))
    {
        PgConnection &w = db.witness();
        const QByteArray role = w.quoteIdentifier(name);
        QList<QByteArray> all{"CREATE ROLE " + role + ' ' + attributes.toUtf8() + " PASSWORD '"
                              + TestCluster::loginPassword().toUtf8() + '\''};
        for (const QString &m : memberOf)
            all << "GRANT " + w.quoteIdentifier(m) + " TO " + role;
        for (const QByteArray &sql : all)
            if (const PgResult r = w.exec(sql); !r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
        qputenv("UAIP_READER", name.toUtf8());
    }
    ~ReaderLogin()
    {
        qunsetenv("UAIP_READER");
        PgConnection &w = db.witness();
        w.exec("DROP OWNED BY " + w.quoteIdentifier(name));
        w.exec("DROP ROLE " + w.quoteIdentifier(name));
    }
    ReaderLogin(const ReaderLogin &) = delete;
    ReaderLogin &operator=(const ReaderLogin &) = delete;
};

} // namespace uaip::test
