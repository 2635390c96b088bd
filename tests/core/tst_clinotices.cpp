// Issue 60, point 4: what uaip-migrate says about how it runs (the sandbox started or already
// running, running as root) is a notice on stderr, never part of a command's result on stdout:
// `uaip-migrate --sandbox ddl X > x.sql` and `sql -c` write only their result.
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

class TestCliNotices : public QObject
{
    Q_OBJECT

private slots:
    void sandboxNoticesGoToStderr()
    {
        const QString root = TestCluster::sandbox().rootDir();
        const Run sql = migrate({QStringLiteral("--data-dir"), root, QStringLiteral("--sandbox"),
                                 QStringLiteral("sql"), QStringLiteral("-c"),
                                 QStringLiteral("SELECT 42 AS answer")});
        QVERIFY2(sql.exitCode == 0, qPrintable(sql.err + sql.out));
        QVERIFY2(sql.err.contains(QLatin1String("sandbox: ")), qPrintable(sql.err));
        QVERIFY2(!sql.out.contains(QLatin1String("sandbox")), qPrintable(sql.out));
        QVERIFY2(sql.out.contains(QLatin1String("42")), qPrintable(sql.out));
        const Run ddl = migrate({QStringLiteral("--data-dir"), root, QStringLiteral("--sandbox"),
                                 QStringLiteral("ddl"), QStringLiteral("pg_catalog.pg_class")});
        QVERIFY2(!ddl.out.contains(QLatin1String("sandbox: ")), qPrintable(ddl.out));
        QVERIFY2(ddl.err.contains(QLatin1String("sandbox: ")), qPrintable(ddl.err));
    }

    // The sandbox started by the command itself (a folder of the test's own, the sandbox not
    // running) and already running: stdout is exactly the result, byte for byte, and every
    // sandbox notice is on stderr.
    void stdoutIsOnlyTheResultWithTheSandboxStarting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path() + QStringLiteral("/sbx");
        const QStringList sandbox{QStringLiteral("--data-dir"), root, QStringLiteral("--sandbox")};
        const auto stop = qScopeGuard([&] {
            migrate({QStringLiteral("sandbox"), QStringLiteral("stop"),
                     QStringLiteral("--data-dir"), root});
        });
        const Run create = migrate(sandbox
                                   + QStringList{QStringLiteral("sql"), QStringLiteral("-c"),
                                                 QStringLiteral("CREATE TABLE agents (id int "
                                                                "PRIMARY KEY, name text)")});
        QVERIFY2(create.exitCode == 0, qPrintable(create.err + create.out));
        QCOMPARE(create.out, QStringLiteral("CREATE TABLE\n"));
        QVERIFY2(create.err.contains(QLatin1String("sandbox: ")), qPrintable(create.err));
        const Run select = migrate(
            sandbox
            + QStringList{QStringLiteral("sql"), QStringLiteral("-c"), QStringLiteral("SELECT 1")});
        QVERIFY2(select.exitCode == 0, qPrintable(select.err + select.out));
        QCOMPARE(select.out, QStringLiteral("?column?\n--------\n1\n(1 row(s))\n\n"));
        QVERIFY2(select.err.contains(QLatin1String("sandbox: already running")),
                 qPrintable(select.err));

        // the DDL as the JSON document has it, then as text with the sandbox starting again
        const Run json
            = migrate(QStringList{QStringLiteral("--json")} + sandbox
                      + QStringList{QStringLiteral("ddl"), QStringLiteral("public.agents")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err + json.out));
        const QString ddl = json.json()
                                .value(QLatin1String("objects"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QLatin1String("ddl"))
                                .toString();
        QVERIFY2(ddl.startsWith(QLatin1String("CREATE TABLE public.agents")), qPrintable(ddl));
        QCOMPARE(migrate({QStringLiteral("sandbox"), QStringLiteral("stop"),
                          QStringLiteral("--data-dir"), root})
                     .exitCode,
                 0);
        const Run starting = migrate(
            sandbox + QStringList{QStringLiteral("ddl"), QStringLiteral("public.agents")});
        QVERIFY2(starting.exitCode == 0, qPrintable(starting.err + starting.out));
        QCOMPARE(starting.out, ddl + u'\n');
        QVERIFY2(starting.err.contains(QLatin1String("sandbox: started PostgreSQL")),
                 qPrintable(starting.err));
        const Run running = migrate(
            sandbox + QStringList{QStringLiteral("ddl"), QStringLiteral("public.agents")});
        QVERIFY2(running.exitCode == 0, qPrintable(running.err + running.out));
        QCOMPARE(running.out, ddl + u'\n');
        QVERIFY2(running.err.contains(QLatin1String("sandbox: already running")),
                 qPrintable(running.err));
        if (geteuid() == 0)
            QVERIFY2(running.err.contains(QLatin1String("sandbox: running as root")),
                     qPrintable(running.err));
    }
};

QTEST_GUILESS_MAIN(TestCliNotices)
#include "tst_clinotices.moc"
