// ObjectCatalog::databases (the object browser's top level) against the real sandbox, read by a
// role that owns nothing (a name with a quote and a semicolon): its own database first and
// marked current, a database that revokes CONNECT from PUBLIC listed as one the role may not
// connect to, a database that refuses connections (ALLOW_CONNECTIONS false) listed as such, the
// templates left out, comments read.
#include "approle.h"
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "objects/objectcatalog.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

void exec(PgConnection &connection, const QString &sql)
{
    const PgResult r = connection.exec(sql.toUtf8());
    if (!r.ok())
        qFatal("%s: %s", qPrintable(sql), qPrintable(r.error().toString()));
}

std::optional<CatalogDatabase> named(const QList<CatalogDatabase> &list, const QString &name)
{
    for (const CatalogDatabase &d : list)
        if (d.name == name)
            return d;
    return std::nullopt;
}

} // namespace

class TestObjectDatabases : public QObject
{
    Q_OBJECT

private slots:
    void listsTheServersDatabasesWithWhetherTheRoleMayConnect()
    {
        TestDatabase own;
        TestDatabase closed;
        TestDatabase refusing;
        PgConnection &w = own.witness();
        const QByteArray closedName = w.quoteIdentifier(closed.name());
        const QByteArray refusingName = w.quoteIdentifier(refusing.name());
        exec(w,
             QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC")
                 .arg(QString::fromUtf8(closedName)));
        exec(w,
             QStringLiteral("COMMENT ON DATABASE %1 IS 'no entry; \"here\"'")
                 .arg(QString::fromUtf8(closedName)));
        exec(w,
             QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false")
                 .arg(QString::fromUtf8(refusingName)));
        AppRole role(own);

        PgConnection connection;
        QVERIFY(connection.open(role.conninfo()));
        ObjectCatalog catalog(connection);
        const Result<QList<CatalogDatabase>> read = catalog.databases();
        QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().toString()));
        const QList<CatalogDatabase> &list = read.value();

        QVERIFY(!list.isEmpty());
        QCOMPARE(list.first().name, own.name()); // the session's own first
        QVERIFY(list.first().current);
        QVERIFY(list.first().canOpen());
        QCOMPARE(std::count_if(list.cbegin(), list.cend(),
                               [](const CatalogDatabase &d) { return d.current; }),
                 1);

        const std::optional<CatalogDatabase> c = named(list, closed.name());
        QVERIFY(c);
        QVERIFY(!c->current);
        QVERIFY(c->allowsConnections);
        QVERIFY(!c->mayConnect);
        QVERIFY(!c->canOpen());
        QCOMPARE(c->comment, QStringLiteral("no entry; \"here\""));
        QVERIFY(c->oid > 0);

        const std::optional<CatalogDatabase> r = named(list, refusing.name());
        QVERIFY(r);
        QVERIFY(!r->allowsConnections);
        QVERIFY(r->mayConnect);
        QVERIFY(!r->canOpen());

        QVERIFY(!named(list, QStringLiteral("template0")));
        QVERIFY(!named(list, QStringLiteral("template1")));
        // the others after the current one, by name
        QStringList others;
        for (qsizetype i = 1; i < list.size(); ++i)
            others << list.at(i).name;
        QStringList sorted = others;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(others, sorted);
    }
};

QTEST_GUILESS_MAIN(TestObjectDatabases)
#include "tst_objectdatabases.moc"
