// The catalog reads run many times on one session (SchemaSnapshot, DdlCatalog) are planned once
// per session as statements prepared by the protocol (SessionStatement). A statement of the same
// name that the session made with SQL (a migration's PREPARE, left in the session) is never run
// in their place: its rows would be taken for the schema's, and a round trip that did not
// restore it would pass. Nor is one another version of the console prepared under the same name
// (behind a pooler, a server session passes from client to client with its statements).
#include "db/pgconnection.h"
#include "db/sessionstatement.h"
#include "db/sqlresource.h"
#include "drift/ddlcatalog.h"
#include "schema/schemasnapshot.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QByteArray snapshotName()
{
    return SessionStatement::nameOf("uaip_schema_snapshot",
                                    SqlResource::get(QStringLiteral("schema/sql/snapshot.sql")));
}

QByteArray catalogName()
{
    return SessionStatement::nameOf("uaip_ddl_catalog",
                                    SqlResource::get(QStringLiteral("drift/sql/ddl_catalog.sql")));
}

} // namespace

class TestSessionStatement : public QObject
{
    Q_OBJECT

private slots:
    void aStatementMadeWithSqlIsNotRunForTheConsoles()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY2(c.open(db.conninfo(), QStringLiteral("tst")), qPrintable(c.connectionError()));
        QVERIFY(c.exec("CREATE TABLE \"real;\nt\" (id int)").ok());
        // as a migration could leave them (PREPARE through EXECUTE in a function)
        QVERIFY(c.exec("PREPARE uaip_schema_snapshot(text) AS SELECT 'table'::text, "
                       "'forged'::text, $1")
                    .ok());
        QVERIFY(c.exec("PREPARE uaip_ddl_catalog AS SELECT 'table'::text, 'forged'::text, "
                       "''::text, ''::text, ''::text, ''::text, ''::text, '{}'::text")
                    .ok());
        for (int round = 0; round < 2; ++round) {
            const auto snapshot = SchemaSnapshot::take(c);
            QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toString()));
            const QString all
                = SchemaSnapshot::Difference::describeAll(SchemaSnapshot().diff(*snapshot));
            QVERIFY2(!all.contains(QStringLiteral("forged"))
                         && all.contains(QStringLiteral("real;")),
                     qPrintable(all));
            const auto catalog = DdlCatalog::take(c);
            QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().toString()));
            const QString keys = catalog->objects().keys().join(u'|');
            QVERIFY2(!keys.contains(QStringLiteral("forged"))
                         && keys.contains(QStringLiteral("real;")),
                     qPrintable(keys));
        }
        // the console's own, made by the protocol, is used again on a session without those
        QVERIFY(c.exec("DEALLOCATE ALL").ok());
        QVERIFY(SchemaSnapshot::take(c));
        QVERIFY(DdlCatalog::take(c));
        QCOMPARE(
            c.scalar("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql AND "
                     "name IN ($1, $2)",
                     {QString::fromLatin1(snapshotName()), QString::fromLatin1(catalogName())}),
            QStringLiteral("2"));
    }

    // Behind a pooler in transaction mode a server session passes from one client to the next
    // with what they prepared: a statement another version of the console prepared by the
    // protocol (under the bare name, as the previous version did, or its own SQL's hashed name)
    // is never run for this one's.
    void anotherVersionsStatementIsNotRun()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY2(c.open(db.conninfo(), QStringLiteral("tst")), qPrintable(c.connectionError()));
        QVERIFY(c.exec("CREATE TABLE \"real;\nt\" (id int)").ok());
        const QByteArray forgedSnapshot
            = "SELECT 'table'::text, 'forged'::text, $1::text WHERE $1 IS NOT NULL";
        const QByteArray forgedCatalog = "SELECT 'table'::text, 'forged'::text, ''::text, "
                                         "''::text, ''::text, ''::text, ''::text, '{}'::text";
        for (const QByteArray &name :
             {QByteArray("uaip_schema_snapshot"),
              SessionStatement::nameOf("uaip_schema_snapshot", "SELECT 1")})
            QVERIFY(c.prepare(name, forgedSnapshot).ok());
        for (const QByteArray &name : {QByteArray("uaip_ddl_catalog"),
                                       SessionStatement::nameOf("uaip_ddl_catalog", "SELECT 1")})
            QVERIFY(c.prepare(name, forgedCatalog).ok());
        QCOMPARE(c.scalar("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql"),
                 QStringLiteral("4"));
        const auto snapshot = SchemaSnapshot::take(c);
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toString()));
        const QString all
            = SchemaSnapshot::Difference::describeAll(SchemaSnapshot().diff(*snapshot));
        QVERIFY2(!all.contains(QStringLiteral("forged")) && all.contains(QStringLiteral("real;")),
                 qPrintable(all));
        const auto catalog = DdlCatalog::take(c);
        QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().toString()));
        const QString keys = catalog->objects().keys().join(u'|');
        QVERIFY2(!keys.contains(QStringLiteral("forged")) && keys.contains(QStringLiteral("real;")),
                 qPrintable(keys));
    }
};

QTEST_GUILESS_MAIN(TestSessionStatement)
#include "tst_sessionstatement.moc"
