// Issue 78, point 5: the read-only guard where the role may not create temporary objects
// (REVOKE TEMP ON DATABASE … FROM PUBLIC). The verdict's probe is a temporary view; before, a
// reader's `sql --read-only -c "SELECT count(*) FROM t"` exited 1 with the probe's "permission
// denied to create temporary tables" (42501) while the same statement ran without --read-only.
// Now the verdict judges such a role's statements by the names they call (as on a hot standby):
// a plain read runs, a VOLATILE function it names is refused (exit 2) with words that say the
// server could not resolve it for want of TEMP, and the victim session that function would
// terminate lives on. What this weaker verdict cannot see (a function reached through a view)
// is left to the first wall: read-only runs on the reader login, which can write and signal
// nothing.
#include "db/pgconnection.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlguardtestutil.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kRoleObjects[] = {
    "CREATE FUNCTION killer() RETURNS int LANGUAGE sql AS "
    "'SELECT pg_catalog.count(pg_catalog.pg_terminate_backend(pid))::int FROM "
    "pg_catalog.pg_stat_activity "
    "WHERE datname = pg_catalog.current_database() AND application_name = ''uaip-test-victim'''",
};

struct Setup
{
    TestDatabase db;
    PgConnection victim;
    QString before;
};

// The role's objects, then TEMP taken from PUBLIC on the database (the role has it from nowhere
// else); the victim is a session of the role, which killer() may terminate.
bool prepare(Setup &s)
{
    if (!makeRoleObjects(s.db,
                         QList<const char *>(std::begin(kRoleObjects), std::end(kRoleObjects))))
        return false;
    PgConnection &su = s.db.witness();
    if (!su.exec("REVOKE TEMP ON DATABASE " + su.quoteIdentifier(s.db.name()) + " FROM PUBLIC")
             .ok())
        return false;
    if (!s.victim.open(appConninfo(s.db), QStringLiteral("uaip-test-victim")))
        return false;
    s.before = consoleState(s.db);
    return !s.before.isEmpty();
}

QString damage(Setup &s)
{
    if (s.victim.scalar("SELECT 1") != u"1")
        return QStringLiteral("the victim session was terminated");
    if (consoleState(s.db) != s.before)
        return QStringLiteral("state changed: %1").arg(consoleState(s.db));
    return {};
}

Run sql(Setup &s, const QString &statement, bool readOnly = true)
{
    QStringList args{QStringLiteral("sql")};
    if (readOnly)
        args << QStringLiteral("--read-only");
    return migrate(appConninfo(s.db), args + QStringList{QStringLiteral("-c"), statement});
}

} // namespace

class TestSqlGuardNoTemp : public QObject
{
    Q_OBJECT

private slots:
    void readsRunWithoutTemp()
    {
        Setup s;
        QVERIFY(prepare(s));
        PgConnection app;
        QVERIFY(app.open(appConninfo(s.db)));
        QCOMPARE(app.scalar("SELECT pg_catalog.has_database_privilege("
                            "pg_catalog.current_database(), 'TEMP')"),
                 QStringLiteral("f"));
        for (const bool readOnly : {true, false}) {
            const Run r = sql(s, QStringLiteral("SELECT count(*) FROM t"), readOnly);
            QVERIFY2(r.exitCode == 0 && r.out.contains(u'3'),
                     qPrintable(QString::number(r.exitCode) + u' ' + r.out + r.err));
        }
        // the core's runner too
        SqlGuard guard;
        guard.readOnly = true;
        guard.database = s.db.name();
        SqlRunner runner(guard);
        const SqlRunResult r
            = runner.run(app, SqlRunRequest::forScript("SELECT id FROM t WHERE id = 2"));
        QVERIFY2(!r.error.has_value(), qPrintable(r.error ? r.error->error.toString() : QString()));
        QVERIFY(damage(s).isEmpty());
    }

    void namedWritesAreRefusedForWantOfTemp()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const char *statement :
             {"SELECT uaip_console_app.killer()", "SELECT public.qa_writer()",
              "SELECT pg_catalog.nextval('public.s')", "SELECT * FROM t WHERE id = killer()"}) {
            const QString text = QString::fromLatin1(statement);
            const Run r = sql(s, text);
            QVERIFY2(damage(s).isEmpty(), qPrintable(text + u' ' + damage(s)));
            QVERIFY2(r.exitCode == 2 && r.err.contains(u"no TEMP privilege")
                         && r.err.contains(u"VOLATILE"),
                     qPrintable(text + u' ' + QString::number(r.exitCode) + u' ' + r.err));
        }
    }

    // What the names cannot show is refused (issue 78, B1): a view's query and another role's
    // function (declared STABLE, its volatility is its owner's word) would run with the
    // console's rights unseen.
    void viewsAndOtherRolesFunctionsAreRefusedForWantOfTemp()
    {
        Setup s;
        QVERIFY(prepare(s));
        PgConnection &su = s.db.witness();
        for (const char *sql :
             {"DO $$ BEGIN CREATE ROLE uaip_notemp_other; EXCEPTION WHEN duplicate_object OR "
              "unique_violation THEN NULL; END $$",
              "CREATE SCHEMA other AUTHORIZATION uaip_notemp_other", "SET ROLE uaip_notemp_other",
              "CREATE FUNCTION other.peek() RETURNS int STABLE LANGUAGE sql AS 'SELECT 1'",
              "CREATE VIEW other.report AS SELECT other.peek() AS n",
              "GRANT USAGE ON SCHEMA other TO PUBLIC", "GRANT SELECT ON other.report TO PUBLIC",
              "RESET ROLE"})
            QVERIFY2(su.execScript(sql).ok(), sql);
        const QList<std::pair<const char *, const char *>> refused{
            {"SELECT * FROM other.report", "reads the view other.report"},
            {"SELECT other.peek()", "another role's function (uaip_notemp_other)"},
        };
        for (const auto &[statement, words] : refused) {
            const QString text = QString::fromLatin1(statement);
            const Run r = sql(s, text);
            QVERIFY2(damage(s).isEmpty(), qPrintable(text + u' ' + damage(s)));
            QVERIFY2(r.exitCode == 2 && r.err.contains(u"no TEMP privilege")
                         && r.err.contains(QString::fromUtf8(words)),
                     qPrintable(text + u' ' + QString::number(r.exitCode) + u' ' + r.err));
        }
        // a table of the catalog's views reads as before
        const Run r = sql(s, QStringLiteral("SELECT count(*) > 0 FROM pg_catalog.pg_tables"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardNoTemp)
#include "tst_sqlguardnotemp.moc"
