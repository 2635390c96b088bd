// uaip-migrate fleet on 60 tenant databases of the sandbox, reached as a non-owner role with a
// hostile name: a canary and a failure budget stop at a broken tenant and leave the rest not
// started; after the repair the same command finishes; status and drift over the fleet; bad
// targets files and two names for one database refused before anything runs; an unreachable
// target reported as such; the core's cancel.
#include "fleet/fleetrunner.h"
#include "fleet/fleettargetsfile.h"
#include "fleettestutil.h"
#include "ledger/migrationsource.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <thread>

#include <csignal>
#include <sys/stat.h>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr int kTenants = 60;
constexpr int kBroken = 17;

QHash<QString, QJsonObject> byName(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : doc.value(QStringLiteral("targets")).toArray())
        out.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    return out;
}

QString state(const QJsonObject &target)
{
    return target.value(QStringLiteral("state")).toString();
}

// The process's peak resident memory (VmHWM), KiB.
qint64 peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmHWM:"))
            return l.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

} // namespace

class TestFleet : public QObject
{
    Q_OBJECT

    std::unique_ptr<FleetTenants> m_tenants;
    MigrationFolder m_folder;
    QTemporaryDir m_tmp;
    QString m_targets;

    Run fleet(const QStringList &args, const QString &targets = {})
    {
        return migrate(QStringList{QStringLiteral("--dir"), m_folder.path(),
                                   QStringLiteral("--json"), QStringLiteral("fleet"),
                                   QStringLiteral("--targets"),
                                   targets.isEmpty() ? m_targets : targets}
                       + args);
    }
    QString scalar(int tenant, const QByteArray &sql)
    {
        auto c = m_tenants->admin(tenant);
        const PgResult r = c->exec(sql);
        return r.ok() && r.rows() == 1 && !r.isNull(0, 0) ? r.value(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        addTwo(m_folder);
        m_folder.add(QStringLiteral("0003_tags"), "CREATE TABLE tags (id int);\n",
                     "DROP TABLE tags;\n");
        m_tenants = std::make_unique<FleetTenants>(TestCluster::sandbox(), kTenants);
        m_targets = m_tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(m_targets,
                  "# the tenants of the test\n[wave first]\n" + m_tenants->lines(1, 30)
                      + "\n[wave second]\n" + m_tenants->lines(31, kTenants));
        // tenant 17 has a table in the way of 0003_tags
        auto broken = m_tenants->admin(kBroken);
        QVERIFY(broken->exec("CREATE TABLE public.tags (id int)").ok());
        QVERIFY(broken->exec("GRANT ALL ON public.tags TO " + quoteIdent(fleetRole())).ok());
        // tenant 1 has statement statistics: its up keeps a workload snapshot (the fleet's
        // runs get insights' RunObserver like uaip-migrate up)
        QVERIFY(m_tenants->admin(1)->exec("CREATE EXTENSION pg_stat_statements").ok());
    }

    void cleanupTestCase() { m_tenants.reset(); }

    void malformedFileRefusedBeforeAnything()
    {
        const QString bad = m_tmp.filePath(QStringLiteral("bad.txt"));
        writeFile(bad, m_tenants->lines(1, 2) + "tenant-x\n");
        Run r = fleet({QStringLiteral("up")}, bad);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(bad + QStringLiteral(":3:")), qPrintable(r.out + r.err));
        QCOMPARE(scalar(1, "SELECT to_regclass('public.users')::text"), QString());
        // a password in the file
        writeFile(bad, "a host=/tmp password=secret dbname=x\n");
        r = fleet({QStringLiteral("status")}, bad);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(bad + QStringLiteral(":1:"))
                     && r.out.contains(QStringLiteral("password")),
                 qPrintable(r.out));
        // a password in a URI
        writeFile(bad, m_tenants->lines(1, 1) + "b postgresql://u:secret@localhost/x\n");
        r = fleet({QStringLiteral("status")}, bad);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(bad + QStringLiteral(":2:"))
                     && !r.out.contains(QStringLiteral("secret")),
                 qPrintable(r.out));
        // a duplicate name, a bad heading
        writeFile(bad, m_tenants->lines(1, 1) + "[wave]\n" + m_tenants->lines(1, 1));
        r = fleet({QStringLiteral("status")}, bad);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(bad + QStringLiteral(":2:"))
                     && r.out.contains(bad + QStringLiteral(":3:")),
                 qPrintable(r.out));
    }

    // connect_timeout=0 (or negative) waits forever: every target is connected before any
    // runs, so one hung server stalled the whole fleet (nothing ran, nothing was printed).
    void endlessConnectTimeoutRefused()
    {
        const FleetTargetsResult r
            = FleetTargetsFile::parse("a host=/tmp dbname=a connect_timeout=30\n"
                                      "b host=/tmp dbname=b connect_timeout=0\n"
                                      "c postgresql:///c?host=/tmp&connect_timeout=-1\n",
                                      QStringLiteral("t.txt"));
        QVERIFY(!r.ok());
        QCOMPARE(r.problems.size(), 2);
        QVERIFY2(r.problems[0].startsWith(QStringLiteral("t.txt:2:"))
                     && r.problems[0].contains(QStringLiteral("connect_timeout=0"))
                     && r.problems[1].startsWith(QStringLiteral("t.txt:3:")),
                 qPrintable(r.problems.join(u'\n')));
    }

    // A name with a terminal escape (or a right-to-left override) would be printed as it is;
    // a byte that is not UTF-8 would reach the server as U+FFFD. Both refused with file:line;
    // a BOM and CRLF line ends are fine.
    void controlCharactersAndBadUtf8Refused()
    {
        FleetTargetsResult r = FleetTargetsFile::parse("\xEF\xBB\xBF# targets\r\n"
                                                       "ok host=/tmp dbname=a\r\n"
                                                       "\x1b]0;pwned\x07"
                                                       "x host=/tmp dbname=b\n"
                                                       "ab\xE2\x80\xAE"
                                                       "cd host=/tmp dbname=c\n"
                                                       "latin host=/tmp dbname=caf\xE9"
                                                       "\n",
                                                       QStringLiteral("t.txt"));
        QVERIFY(!r.ok());
        QCOMPARE(r.problems.size(), 3);
        QVERIFY2(r.problems[0].startsWith(QStringLiteral("t.txt:3:"))
                     && r.problems[0].contains(QStringLiteral("\\u001b"))
                     && !r.problems[0].contains(QChar(0x1b))
                     && r.problems[1].startsWith(QStringLiteral("t.txt:4:"))
                     && r.problems[2].startsWith(QStringLiteral("t.txt:5:")),
                 qPrintable(r.problems.join(u'\n')));
        r = FleetTargetsFile::parse("\xEF\xBB\xBFok host=/tmp dbname=a\r\n", QStringLiteral("t"));
        QVERIFY(r.ok());
        QCOMPARE(r.targets.first().name, QStringLiteral("ok"));
        QCOMPARE(r.targets.first().conninfo, QStringLiteral("host=/tmp dbname=a"));
    }

    void hugeOrEndlessTargetsFileRefused()
    {
        // a (sparse) file one byte over the limit: refused, not parsed
        const QString big = m_tmp.filePath(QStringLiteral("big.txt"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(FleetTargetsFile::kMaxBytes + 1));
        f.close();
        FleetTargetsResult r = FleetTargetsFile::read(big);
        QVERIFY(!r.ok());
        QVERIFY2(r.problems.size() == 1 && r.problems.first().contains(QStringLiteral("MiB"))
                     && r.problems.first().size() < 200,
                 qPrintable(r.problems.join(u'\n').left(300)));
        // an endless device: refused before reading (it used to run out of memory)
        r = FleetTargetsFile::read(QStringLiteral("/dev/zero"));
        QVERIFY(!r.ok());
        QVERIFY(r.problems.first().contains(QStringLiteral("not a regular file")));
    }

    // Issue 41, point 10: a FIFO is refused at once (opening it waited for a writer forever),
    // and a 40 MB file of comments is read line by line, not as a list of every line (603 MB).
    void fifoRefusedAndCommentsReadInPlace()
    {
        const QString fifo = m_tmp.filePath(QStringLiteral("targets.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        FleetTargetsResult r = FleetTargetsFile::read(fifo);
        QVERIFY(!r.ok());
        QVERIFY2(r.problems.first().contains(QStringLiteral("not a regular file")),
                 qPrintable(r.problems.join(u'\n')));
        const QString comments = m_tmp.filePath(QStringLiteral("comments.txt"));
        {
            QFile f(comments);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray line = "# a comment line of a targets file\n";
            QByteArray block;
            for (int i = 0; i < 1000; ++i)
                block += line;
            while (f.size() < (qint64(40) << 20))
                QVERIFY(f.write(block) == block.size());
            QVERIFY(f.write("only host=/tmp dbname=a\n") > 0);
        }
        const qint64 before = peakKiB();
        r = FleetTargetsFile::read(comments);
        const qint64 grown = peakKiB() - before;
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.targets.size(), 1);
        // the text itself (40 MB) and its decoding, never a list of its 1.2 million lines
        QVERIFY2(grown < 120 * 1024, qPrintable(QString::number(grown)));
    }

    // Issue 41, point 10: 20,000 targets naming one database are refused from the file, before
    // any is connected (each was connected first, and the refusal had not come after 120 s).
    void oneDatabaseManyTimesRefusedBeforeConnecting()
    {
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += "t" + QByteArray::number(i) + " host=/nonexistent/socket dbname=one\n";
        const FleetTargetsResult r = FleetTargetsFile::parse(text, QStringLiteral("many.txt"));
        QVERIFY(!r.ok());
        QCOMPARE(r.problems.size(), 19999);
        QCOMPARE(r.problems.first(),
                 QStringLiteral("many.txt:2: target \"t1\" connects to the same database as "
                                "\"t0\" (line 1): it would run twice"));
        // the same database as a URI and as keywords, in another order
        const FleetTargetsResult spelled = FleetTargetsFile::parse(
            "a postgresql://u@/one?host=/run/pg&port=5433\nb port=5433 dbname=one user=u "
            "host=/run/pg\n",
            QStringLiteral("spelled.txt"));
        QVERIFY(!spelled.ok());
        QVERIFY2(spelled.problems.first().contains(QStringLiteral("same database")),
                 qPrintable(spelled.problems.join(u'\n')));
    }

    void sameDatabaseTwiceRefused()
    {
        const QString twice = m_tmp.filePath(QStringLiteral("twice.txt"));
        // the same tenant as a URI and as a keyword conninfo
        writeFile(twice,
                  m_tenants->lines(1, 2) + "again "
                      + TestCluster::sandbox().clientConninfo(m_tenants->tenant(2)).toUtf8()
                      + '\n');
        const Run r = fleet({QStringLiteral("up")}, twice);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(QStringLiteral("same database"))
                     && r.out.contains(QStringLiteral("again")),
                 qPrintable(r.out));
        QCOMPARE(scalar(1, "SELECT to_regclass('public.users')::text"), QString());
    }

    void canaryAndBudgetStopAtTheBrokenTenant()
    {
        const QStringList args{QStringLiteral("--parallel"),
                               QStringLiteral("4"),
                               QStringLiteral("--canary"),
                               QStringLiteral("1"),
                               QStringLiteral("--max-failures"),
                               QStringLiteral("1"),
                               QStringLiteral("up")};
        Run r = fleet(args);
        QCOMPARE(r.exitCode, 1);
        checkStoppedAtTheBrokenTenant(r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(scalar(1, "SELECT count(*) FROM uaip_ledger.uaip_workload_snapshots"),
                 QStringLiteral("1"));
        // not what the migrations make: drift, below, would name it
        QVERIFY(m_tenants->admin(1)->exec("DROP EXTENSION pg_stat_statements").ok());
        repairThenTheSameCommandFinishes(args);
        if (QTest::currentTestFailed())
            return;
        statusSaysAllUpToDate();
        if (QTest::currentTestFailed())
            return;
        driftFindsTheHandChangeOnOneTenant();
    }

    void unreachableReported()
    {
        const QString file = m_tmp.filePath(QStringLiteral("gone.txt"));
        writeFile(file,
                  m_tenants->lines(1, 1) + "gone host=" + m_tmp.path().toUtf8()
                      + " port=1 dbname=nothing connect_timeout=2\n");
        const Run r = fleet({QStringLiteral("status")}, file);
        QCOMPARE(r.exitCode, 1);
        const auto targets = byName(r.json());
        QCOMPARE(state(targets.value(QStringLiteral("gone"))), QStringLiteral("unreachable"));
        const QJsonObject gone
            = targets.value(QStringLiteral("gone")).value(QStringLiteral("error")).toObject();
        QVERIFY(!gone.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(gone.value(QStringLiteral("code")).toString(), QStringLiteral("connection"));
        QVERIFY(state(targets.value(m_tenants->name(1))) != QLatin1String("unreachable"));
    }

    // The core: a cancel before the run starts no target; drift's expected schema is built
    // once per distinct level.
    void coreCancelAndOneSnapshotPerLevel()
    {
        const FleetTargetsResult file = FleetTargetsFile::read(m_targets);
        QVERIFY(file.ok());
        MigrationSource source;
        QVERIFY(source.load(m_folder.path()));
        FleetOptions options;
        options.command = FleetOptions::Command::Drift;
        options.parallel = 4;
        FleetRunner drift(file.targets.mid(0, 10), options, source.migrations());
        drift.setSandbox(&TestCluster::sandbox());
        int finished = 0;
        connect(
            &drift, &FleetRunner::targetFinished, this, [&] { ++finished; }, Qt::DirectConnection);
        drift.run();
        QCOMPARE(finished, 10);
        QCOMPARE(drift.expectedSchemasBuilt(), 1);

        options.command = FleetOptions::Command::Status;
        FleetRunner cancelled(file.targets, options, source.migrations());
        cancelled.cancel();
        cancelled.run();
        const FleetSummary s = cancelled.summary();
        QVERIFY(s.cancelled);
        QCOMPARE(s.count(FleetTargetResult::State::Skipped), kTenants);
    }

    // Cancel while two targets run a long statement: both statements are cancelled through
    // their sessions' cancellers (the runs fail as cancelled runs do, nothing applied), the
    // targets not started are reported so, and run() returns without waiting for the sleeps:
    // each failed run ended with the server's query_canceled (57014) at the pg_sleep (line 1),
    // which a cancel that left the statement to run out would not give.
    void coreCancelStopsRunningStatements()
    {
        MigrationFolder slowFolder;
        slowFolder.add(QStringLiteral("0001_slow"),
                       "SELECT pg_sleep(60);\nCREATE TABLE slow (id int);\n");
        MigrationSource source;
        QVERIFY(source.load(slowFolder.path()));
        FleetTenants tenants(TestCluster::sandbox(), 4);
        const FleetTargetsResult file
            = FleetTargetsFile::parse(tenants.lines(1, 4), QStringLiteral("slow.txt"));
        QVERIFY2(file.ok(), qPrintable(file.problems.join(u'\n')));
        FleetOptions options;
        options.command = FleetOptions::Command::Up;
        options.parallel = 2;
        FleetRunner runner(file.targets, options, source.migrations());
        std::thread worker([&] { runner.run(); });
        QVERIFY(waitForSleepers(tenants, 2, 20000));
        runner.cancel();
        worker.join();
        const FleetSummary s = runner.summary();
        QVERIFY(s.cancelled);
        QCOMPARE(s.count(FleetTargetResult::State::Failed), 2);
        QCOMPARE(s.count(FleetTargetResult::State::Skipped), 2);
        // the running statements were cancelled on the server, not waited for
        for (const FleetTargetResult &r : s.results) {
            if (r.state != FleetTargetResult::State::Failed)
                continue;
            QVERIFY2(r.error.code() == ErrorCode::Cancelled,
                     qPrintable(r.name + u' ' + r.error.toString()));
            QCOMPARE(r.error.sqlState(), QStringLiteral("57014"));
            QCOMPARE(r.location().section(u':', -2), QStringLiteral("1:1"));
        }
        for (int i = 1; i <= 4; ++i) {
            auto c = tenants.admin(i);
            const PgResult r = c->exec("SELECT to_regclass('public.slow') IS NULL");
            QCOMPARE(r.value(0, 0), QStringLiteral("t"));
        }
    }

    // Ctrl-C (SIGINT) or SIGTERM to the CLI: the running statements are cancelled, nothing new
    // starts, the JSON report is still printed (it used to die silently, its backends left
    // running the migration under the lock).
    void cliSigintCancelsAndReports()
    {
        MigrationFolder slowFolder;
        slowFolder.add(QStringLiteral("0001_slow"),
                       "SELECT pg_sleep(60);\nCREATE TABLE slow (id int);\n");
        FleetTenants tenants(TestCluster::sandbox(), 4);
        const QString file = m_tmp.filePath(QStringLiteral("sigint.txt"));
        writeFile(file, tenants.lines(1, 4));
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(TestCluster::migrateBinary(),
                {QStringLiteral("--dir"), slowFolder.path(), QStringLiteral("--json"),
                 QStringLiteral("fleet"), QStringLiteral("--targets"), file,
                 QStringLiteral("--parallel"), QStringLiteral("2"), QStringLiteral("up")});
        QVERIFY(p.waitForStarted());
        QVERIFY(waitForSleepers(tenants, 2, 20000));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
        QVERIFY2(summary.value(QStringLiteral("cancelled")).toBool(),
                 qPrintable(QJsonDocument(doc).toJson()));
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("skipped")).toInt(), 2);
        QVERIFY(waitForSleepers(tenants, 0, 2000));
    }

private:
    // Until exactly n of the tenants' backends are inside the slow migrations' pg_sleep(60)
    // (the server's view, not a guess of time); false after timeoutMs.
    static bool waitForSleepers(const FleetTenants &tenants, int n, int timeoutMs)
    {
        auto admin = tenants.admin(1);
        const QString prefix = tenants.tenant(1).left(tenants.tenant(1).size() - 1);
        const QString expected = QString::number(n);
        return QTest::qWaitFor(
            [&] {
                return admin->scalar(
                           "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = "
                           "'active' AND query LIKE 'SELECT pg_sleep(60)%' AND "
                           "starts_with(datname, $1)",
                           {prefix})
                    == expected;
            },
            timeoutMs);
    }

    // The first run of canaryAndBudgetStopAtTheBrokenTenant: the broken tenant failed at its
    // third migration, nothing started after it, the rest applied.
    void checkStoppedAtTheBrokenTenant(const Run &r)
    {
        QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), false);
        const auto targets = byName(doc);
        QCOMPARE(targets.size(), kTenants);
        const QJsonObject broken = targets.value(m_tenants->name(kBroken));
        QVERIFY2(state(broken) == QLatin1String("failed"), qPrintable(r.out.left(6000)));
        const QJsonObject error = broken.value(QStringLiteral("error")).toObject();
        QVERIFY2(error.value(QStringLiteral("file"))
                     .toString()
                     .endsWith(QStringLiteral("0003_tags/up.sql")),
                 qPrintable(QJsonDocument(broken).toJson()));
        QCOMPARE(error.value(QStringLiteral("line")).toInt(), 1);
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("tags")));
        // the server refused it: the table is there already (duplicate_table)
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("server"));
        QCOMPARE(error.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42P07"));
        QCOMPARE(state(targets.value(m_tenants->name(1))), QStringLiteral("applied"));
        // the failed run left the broken tenant as the engine leaves any failed run: 0001 and
        // 0002 applied, 0003 rolled back
        QCOMPARE(broken.value(QStringLiteral("applied_level")).toString(), QStringLiteral("0002"));
        int skipped = 0, applied = 0;
        for (int i = 1; i <= kTenants; ++i) {
            const QString s = state(targets.value(m_tenants->name(i)));
            if (s == QLatin1String("skipped")) {
                ++skipped;
                QVERIFY2(i > kBroken, qPrintable(m_tenants->name(i)));
                const QJsonObject notStarted
                    = targets.value(m_tenants->name(i)).value(QStringLiteral("error")).toObject();
                QVERIFY(notStarted.value(QStringLiteral("message"))
                            .toString()
                            .contains(QStringLiteral("not started")));
                QCOMPARE(notStarted.value(QStringLiteral("code")).toString(),
                         QStringLiteral("refused"));
                // not touched
                QCOMPARE(scalar(i, "SELECT to_regclass('public.users')::text"), QString());
            } else if (s == QLatin1String("applied")) {
                ++applied;
                QCOMPARE(targets.value(m_tenants->name(i))
                             .value(QStringLiteral("applied"))
                             .toArray()
                             .size(),
                         3);
            } else {
                QCOMPARE(i, kBroken);
            }
        }
        // no new target started after the failure: at most the 3 running beside it finished,
        // and what was not started is a tail of the wave
        QVERIFY2(skipped > 0 && applied + 1 + skipped == kTenants, qPrintable(r.out.left(3000)));
        for (int i = kTenants - skipped + 1; i <= kTenants; ++i)
            QCOMPARE(state(targets.value(m_tenants->name(i))), QStringLiteral("skipped"));
        const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("skipped")).toInt(), skipped);
    }

    // The repair, then the same command finishes on every tenant.
    void repairThenTheSameCommandFinishes(const QStringList &args)
    {
        QVERIFY(m_tenants->admin(kBroken)->exec("DROP TABLE public.tags").ok());
        const Run r = fleet(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto targets = byName(r.json());
        for (int i = 1; i <= kTenants; ++i) {
            const QJsonObject t = targets.value(m_tenants->name(i));
            QVERIFY2(state(t) == QLatin1String("applied")
                         || state(t) == QLatin1String("up-to-date"),
                     qPrintable(QJsonDocument(t).toJson()));
            QCOMPARE(t.value(QStringLiteral("pending")).toInt(), 0);
        }
        QCOMPARE(state(targets.value(m_tenants->name(1))), QStringLiteral("up-to-date"));
        QCOMPARE(targets.value(m_tenants->name(kBroken)).value(QStringLiteral("applied")).toArray(),
                 QJsonArray{QStringLiteral("0003")});
    }

    void statusSaysAllUpToDate()
    {
        const Run r
            = fleet({QStringLiteral("--parallel"), QStringLiteral("4"), QStringLiteral("status")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.json()
                     .value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("up-to-date"))
                     .toInt(),
                 kTenants);
    }

    void driftFindsTheHandChangeOnOneTenant()
    {
        // drift: a hand change on one tenant, and no other (the deploy grant on schema public
        // is taken back first: it is not what the migrations make, and drift would say so)
        for (int i = 1; i <= kTenants; ++i)
            QVERIFY(
                m_tenants->admin(i)
                    ->exec("REVOKE CREATE, USAGE ON SCHEMA public FROM " + quoteIdent(fleetRole()))
                    .ok());
        QVERIFY(
            m_tenants->admin(5)->exec("ALTER TABLE public.users ADD COLUMN hand_made text").ok());
        const Run r
            = fleet({QStringLiteral("--parallel"), QStringLiteral("4"), QStringLiteral("drift")});
        QVERIFY2(r.exitCode == 3, qPrintable(r.out + r.err));
        const auto targets = byName(r.json());
        for (int i = 1; i <= kTenants; ++i) {
            const QJsonObject t = targets.value(m_tenants->name(i));
            if (i == 5) {
                QCOMPARE(state(t), QStringLiteral("drifted"));
                const QJsonArray objects = t.value(QStringLiteral("drifted_objects")).toArray();
                QCOMPARE(objects.size(), 1);
                QVERIFY2(
                    objects.first().toString().contains(QStringLiteral("public.users.hand_made")),
                    qPrintable(objects.first().toString()));
            } else {
                QVERIFY2(state(t) == QLatin1String("up-to-date"),
                         qPrintable(QJsonDocument(t).toJson()));
            }
        }
    }

    // Issue 46, point 4: a target whose ledger holds a migration the folder lacks needs
    // attention (as single-database status says), never "up to date". Last: it changes tenant 1.
    void aMissingFolderNeedsAttention()
    {
        MigrationFolder first;
        addTwo(first);
        const QString file = m_tmp.filePath(QStringLiteral("one.txt"));
        writeFile(file, m_tenants->lines(1, 1));
        QCOMPARE(fleet({QStringLiteral("up")}, file).exitCode, 0);
        const Run r = migrate(QStringList{
            QStringLiteral("--dir"), first.path(), QStringLiteral("--json"),
            QStringLiteral("fleet"), QStringLiteral("--targets"), file, QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject target = byName(r.json()).value(m_tenants->name(1));
        QCOMPARE(state(target), QStringLiteral("needs-attention"));
        QCOMPARE(target.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("conflict"));
        QVERIFY2(target.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("0003_tags is applied, but its folder is gone")),
                 qPrintable(r.out));
        QCOMPARE(r.json()
                     .value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("needs-attention"))
                     .toInt(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
