// uaip-migrate activity as a process against the real sandbox: a lock chain of three sessions
// as a three-level tree in --json, --blocking, cancel and terminate acting on the right pid and
// refused without the database name (a --db target counts as production) and for bad pids;
// a session of another database left alone unless --all-databases (then the name typed is that
// session's database); a pid whose backend_start does not match is already gone, not signalled.
#include "activitytestutil.h"
#include "uaipmigratetestutil.h"

#include "activity/lockchaindemo.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

// A --json failure of a session that was already gone: not-found, naming the pid.
bool isGone(const QJsonObject &doc, int pid)
{
    return doc.value(QStringLiteral("code")).toString() == QLatin1String("not-found")
        && doc.value(QStringLiteral("args")).toObject().value(QStringLiteral("pid")).toInt() == pid;
}

} // namespace

class TestActivityCli : public QObject
{
    Q_OBJECT
private slots:
    void lockChainAsJson();
    void cancelAndTerminate();
    void refusedWithoutTheDatabaseName();
    void otherDatabaseOnlyWithAllDatabases();
    void staleBackendStartIsAlreadyGone();
    void usage();
};

void TestActivityCli::lockChainAsJson()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (7)")
                .ok());
    LockChainDemo demo;
    const Status started
        = demo.start(db.conninfo(), "SELECT id FROM t WHERE id = 7 FOR UPDATE", 10000);
    QVERIFY2(started.ok(), qPrintable(started.error().toString()));
    const Run run = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("--json"),
                             QStringLiteral("activity")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(QStringLiteral("command")).toString(), QStringLiteral("activity"));
    QJsonObject root;
    for (const QJsonValue &v : doc.value(QStringLiteral("lock_chains")).toArray())
        if (v.toObject().value(QStringLiteral("pid")).toInt() == demo.pid(0))
            root = v.toObject();
    QVERIFY2(!root.isEmpty(), qPrintable(run.out));
    QVERIFY(!root.contains(QStringLiteral("waits_for")));
    const QJsonArray level2 = root.value(QStringLiteral("children")).toArray();
    QCOMPARE(level2.size(), 1);
    const QJsonObject b = level2.first().toObject();
    QCOMPARE(b.value(QStringLiteral("pid")).toInt(), demo.pid(1));
    QCOMPARE(b.value(QStringLiteral("waits_for"))
                 .toObject()
                 .value(QStringLiteral("relation"))
                 .toString(),
             QStringLiteral("public.t"));
    const QJsonArray level3 = b.value(QStringLiteral("children")).toArray();
    QCOMPARE(level3.size(), 1);
    const QJsonObject c = level3.first().toObject();
    QCOMPARE(c.value(QStringLiteral("pid")).toInt(), demo.pid(2));
    QVERIFY(c.value(QStringLiteral("children")).toArray().isEmpty());
    QCOMPARE(c.value(QStringLiteral("application")).toString(), QStringLiteral("lock demo C"));
    // every session, the CLI's own marked
    bool own = false;
    int sessions = 0;
    for (const QJsonValue &v : doc.value(QStringLiteral("sessions")).toArray()) {
        ++sessions;
        own = own || v.toObject().value(QStringLiteral("own")).toBool();
    }
    QVERIFY(own);
    QVERIFY(sessions >= 4);

    const Run blocking = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("--json"),
                                  QStringLiteral("activity"), QStringLiteral("--blocking")});
    QVERIFY2(blocking.exitCode == 0, qPrintable(blocking.err + blocking.out));
    // the server's other databases (tests running beside this one) may have lock chains too:
    // count this database's
    const QJsonObject blockingDoc = blocking.json();
    int ours = 0;
    for (const QJsonValue &v : blockingDoc.value(QStringLiteral("sessions")).toArray())
        if (v.toObject().value(QStringLiteral("database")).toString() == db.name())
            ++ours;
    QCOMPARE(ours, 3);
    QVERIFY(blockingDoc.value(QStringLiteral("session_count")).toInt() >= 3);
    QCOMPARE(blockingDoc.value(QStringLiteral("session_count")).toInt(),
             blockingDoc.value(QStringLiteral("sessions")).toArray().size());

    const Run text = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("activity"),
                              QStringLiteral("--blocking")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    const QRegularExpression rootLine(
        QStringLiteral("pid %1 \\([^)]*, lock demo A\\) root blocker").arg(demo.pid(0)));
    QVERIFY2(text.out.contains(rootLine), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("ShareLock on public.t")), qPrintable(text.out));
}

void TestActivityCli::cancelAndTerminate()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    SleepingSession other(db.conninfo());
    QVERIFY(target.ok() && other.ok());
    const Run cancel = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("activity"),
                                QStringLiteral("cancel"), QString::number(target.pid()),
                                QStringLiteral("--confirm"), db.name()});
    QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err + cancel.out));
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014"));
    QCOMPARE(endOfCommand(other.conn, 100), QStringLiteral("timeout"));
    QCOMPARE(PQstatus(target.conn), CONNECTION_OK);

    const Run terminate
        = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("--json"),
                   QStringLiteral("activity"), QStringLiteral("terminate"),
                   QString::number(other.pid()), QStringLiteral("--confirm"), db.name()});
    QVERIFY2(terminate.exitCode == 0, qPrintable(terminate.err + terminate.out));
    QCOMPARE(terminate.json().value(QStringLiteral("pid")).toInt(), other.pid());
    QCOMPARE(endOfCommand(other.conn, 5000), QStringLiteral("connection"));
    PGresult *alive = PQexec(target.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(alive), PGRES_TUPLES_OK);
    PQclear(alive);
}

void TestActivityCli::refusedWithoutTheDatabaseName()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    for (const QString &verb : {QStringLiteral("cancel"), QStringLiteral("terminate")}) {
        const Run none = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("activity"),
                                  verb, QString::number(target.pid())});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QStringLiteral("--confirm %1").arg(db.name())),
                 qPrintable(none.err));
        const Run wrong = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("--json"),
                                   QStringLiteral("activity"), verb, QString::number(target.pid()),
                                   QStringLiteral("--confirm"), QStringLiteral("postgres")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.out.contains(QStringLiteral("production")), qPrintable(wrong.out));
        const Run missing
            = migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("--json"),
                       QStringLiteral("activity"), verb, QStringLiteral("999999"),
                       QStringLiteral("--confirm"), db.name()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(isGone(missing.json(), 999999), qPrintable(missing.out));
    }
    // a read-only session at the server (what a read-only profile gets): refused
    const Run readOnly
        = migrate({QStringLiteral("--db"),
                   db.conninfo() + QStringLiteral(" options='-c default_transaction_read_only=on'"),
                   QStringLiteral("activity"), QStringLiteral("terminate"),
                   QString::number(target.pid()), QStringLiteral("--confirm"), db.name()});
    QCOMPARE(readOnly.exitCode, 2);
    QVERIFY2(readOnly.err.contains(QStringLiteral("read-only")), qPrintable(readOnly.err));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout")); // untouched
}

void TestActivityCli::otherDatabaseOnlyWithAllDatabases()
{
    TestDatabase db;
    TestDatabase other;
    SleepingSession target(other.conninfo());
    QVERIFY(target.ok());
    const QString pid = QString::number(target.pid());
    // aimed from db at a session of other: refused, whichever name is typed
    for (const QString &name : {db.name(), other.name()}) {
        for (const QString &verb : {QStringLiteral("cancel"), QStringLiteral("terminate")}) {
            const Run r = migrate(
                db.conninfo(),
                {QStringLiteral("activity"), verb, pid, QStringLiteral("--confirm"), name});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--all-databases")), qPrintable(r.err));
        }
    }
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    // --all-databases: the name to type is the session's database, not the connected one
    const Run connectedName
        = migrate(db.conninfo(),
                  {QStringLiteral("activity"), QStringLiteral("terminate"), pid,
                   QStringLiteral("--all-databases"), QStringLiteral("--confirm"), db.name()});
    QCOMPARE(connectedName.exitCode, 2);
    QVERIFY2(connectedName.err.contains(QStringLiteral("--confirm %1").arg(other.name())),
             qPrintable(connectedName.err));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    const Run done = migrate(db.conninfo(),
                             {QStringLiteral("--json"), QStringLiteral("activity"),
                              QStringLiteral("terminate"), pid, QStringLiteral("--all-databases"),
                              QStringLiteral("--confirm"), other.name()});
    QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
    QCOMPARE(done.json().value(QStringLiteral("database")).toString(), other.name());
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("connection"));
}

void TestActivityCli::staleBackendStartIsAlreadyGone()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    const QString pid = QString::number(target.pid());
    // the pid as held by an older session: that session is gone, this one is not signalled
    const Run stale
        = migrate(db.conninfo(),
                  {QStringLiteral("--json"), QStringLiteral("activity"),
                   QStringLiteral("terminate"), pid, QStringLiteral("--backend-start"),
                   QStringLiteral("2000-01-01T00:00:00Z"), QStringLiteral("--confirm"), db.name()});
    QCOMPARE(stale.exitCode, 1);
    QVERIFY2(isGone(stale.json(), target.pid()), qPrintable(stale.out));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    const Run notATime = migrate(db.conninfo(),
                                 {QStringLiteral("activity"), QStringLiteral("cancel"), pid,
                                  QStringLiteral("--backend-start"), QStringLiteral("soon"),
                                  QStringLiteral("--confirm"), db.name()});
    QCOMPARE(notATime.exitCode, 2);
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    // the start as listed by activity --json: the session is signalled
    const Run list = migrate(db.conninfo(), {QStringLiteral("--json"), QStringLiteral("activity")});
    QCOMPARE(list.exitCode, 0);
    QString start;
    for (const QJsonValue &v : list.json().value(QStringLiteral("sessions")).toArray())
        if (v.toObject().value(QStringLiteral("pid")).toInt() == target.pid())
            start = v.toObject().value(QStringLiteral("backend_start")).toString();
    QVERIFY(!start.isEmpty());
    const Run exact = migrate(db.conninfo(),
                              {QStringLiteral("activity"), QStringLiteral("cancel"), pid,
                               QStringLiteral("--backend-start"), start,
                               QStringLiteral("--confirm"), db.name()});
    QVERIFY2(exact.exitCode == 0, qPrintable(exact.err));
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014"));
}

void TestActivityCli::usage()
{
    TestDatabase db;
    QCOMPARE(migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("activity"),
                      QStringLiteral("cancel")})
                 .exitCode,
             2);
    QCOMPARE(migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("activity"),
                      QStringLiteral("kill"), QStringLiteral("12")})
                 .exitCode,
             2);
    QCOMPARE(migrate({QStringLiteral("--db"), db.conninfo(), QStringLiteral("status"),
                      QStringLiteral("--blocking")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestActivityCli)
#include "tst_activitycli.moc"
