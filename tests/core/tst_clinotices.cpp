// Issue 60, point 4: what uaip-migrate says about how it runs (the sandbox started or already
// running, running as root) is a notice on stderr, never part of a command's result on stdout:
// `uaip-migrate --sandbox ddl X > x.sql` and `sql -c` write only their result.
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestCliNotices)
#include "tst_clinotices.moc"
