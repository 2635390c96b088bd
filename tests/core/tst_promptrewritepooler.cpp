// The prompt tables' rewrite (VACUUM FULL after an encryption enable, disable or rotation)
// behind a real PgBouncer in transaction mode (issue 33: "nothing the console sets leaks to
// another client of a pool"), as a role that owns the prompt tables but is neither superuser nor
// the database's owner. It sets nothing for the session (no lock_timeout): a plain client of
// the pool, on the same pooled backend, sees the server's lock_timeout during and after it. A
// table another session holds a lock on is not waited for in line (VACUUM (FULL, SKIP_LOCKED),
// retried): the rewrite fails within its budget naming the table, and neither the holder nor a
// reader of the table waits behind it. A role that may not VACUUM the tables gets an error, not
// a silent skip.
#include "crypto/prompttablerewrite.h"
#include "pgbouncer.h"
#include "platformdatabase.h"
#include "testcluster.h"

#include <QDeadlineTimer>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kOwner = "uaip_rewrite_owner";
constexpr const char *kStranger = "uaip_rewrite_stranger";

bool makeRoles(PlatformDatabase &p)
{
    for (const char *role : {kOwner, kStranger}) {
        const QByteArray create = QByteArray("DO $$ BEGIN CREATE ROLE ") + role
            + " LOGIN PASSWORD 'uaip-test-login' NOSUPERUSER NOCREATEDB NOCREATEROLE; "
              "EXCEPTION WHEN duplicate_object OR "
              "unique_violation THEN NULL; END $$";
        if (!p.db.witness().execScript(create).ok())
            return false;
    }
    const QByteArray fixture[] = {
        QByteArray("ALTER TABLE ai_prompts OWNER TO ") + kOwner,
        QByteArray("ALTER TABLE ai_prompt_versions OWNER TO ") + kOwner,
        QByteArray("GRANT USAGE ON SCHEMA public TO ") + kStranger,
        QByteArray("GRANT SELECT ON ai_prompts, ai_prompt_versions TO ") + kStranger,
    };
    for (const QByteArray &sql : fixture)
        if (PgResult r = p.db.witness().execScript(sql); !r.ok()) {
            qWarning("%s: %s", sql.constData(), qPrintable(r.error().toString()));
            return false;
        }
    return true;
}

QString filenodes(TestDatabase &db)
{
    return db.scalar("SELECT pg_relation_filenode('ai_prompts') || ',' || "
                     "pg_relation_filenode('ai_prompt_versions')");
}

PgBouncer::Options onePooledBackend()
{
    PgBouncer::Options options;
    options.mode = PgBouncer::PoolMode::Transaction;
    options.poolSize = 1; // the rewrite and the plain client share one server connection
    options.users = {QLatin1String(kOwner), QLatin1String(kStranger)};
    return options;
}

} // namespace

class TestPromptRewritePooler : public QObject
{
    Q_OBJECT

private slots:
    void rewriteSetsNothingOnThePooledBackend()
    {
        PlatformDatabase p(QStringLiteral("tst_promptrewritepooler"));
        QVERIFY(makeRoles(p));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), onePooledBackend());
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QString before = filenodes(p.db);

        PgConnection c;
        QVERIFY2(c.open(bouncer.conninfo(p.db.name(), QLatin1String(kOwner)),
                        QStringLiteral("uaip-test-rewrite")),
                 qPrintable(c.connectionError()));
        const PromptTableRewrite::RewriteOutcome r = PromptTableRewrite(c).run(5000);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"rewrote ai_prompts, ai_prompt_versions"),
                 qPrintable(r.message));
        const QString after = filenodes(p.db);
        QVERIFY2(after.section(u',', 0, 0) != before.section(u',', 0, 0), qPrintable(after));
        QVERIFY2(after.section(u',', 1, 1) != before.section(u',', 1, 1), qPrintable(after));

        PgConnection plain;
        QVERIFY2(plain.open(bouncer.conninfo(p.db.name(), QLatin1String(kOwner)),
                            QStringLiteral("uaip-test-plain")),
                 qPrintable(plain.connectionError()));
        QCOMPARE(plain.scalar("SHOW lock_timeout"), QStringLiteral("0"));
        QCOMPARE(plain.scalar("SELECT pg_backend_pid()"), c.scalar("SELECT pg_backend_pid()"));
    }

    // Another session holds a lock on ai_prompts (an open write transaction) for longer than the
    // budget: the rewrite fails within it naming ai_prompts (ai_prompt_versions is rewritten);
    // the holder and a reader of ai_prompts never wait behind it, and a plain client of the
    // pool sees the server's lock_timeout all along.
    void lockedTableFailsWithinTheBudgetBlockingNobody()
    {
        PlatformDatabase p(QStringLiteral("tst_promptrewritepooler"));
        QVERIFY(makeRoles(p));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), onePooledBackend());
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QString before = filenodes(p.db);

        PgConnection holder;
        QVERIFY(holder.open(p.db.conninfo(), QStringLiteral("uaip-test-holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE ai_prompts IN ROW EXCLUSIVE MODE").ok());

        PgConnection c;
        QVERIFY2(c.open(bouncer.conninfo(p.db.name(), QLatin1String(kOwner)),
                        QStringLiteral("uaip-test-rewrite")),
                 qPrintable(c.connectionError()));
        const QString poolConninfo = bouncer.conninfo(p.db.name(), QLatin1String(kOwner));
        const QString directConninfo = p.db.conninfo();
        constexpr int kBudgetMs = 1500;

        PoolObservers observers;
        std::thread plain([&] { runPlainClient(poolConninfo, observers); });
        const QString versionsBefore = before.section(u',', 1, 1);
        std::thread reader([&] { runReader(directConninfo, versionsBefore, observers); });

        const PromptTableRewrite::RewriteOutcome r = PromptTableRewrite(c).run(kBudgetMs);
        // the holder goes on with the table while the rewrite has given up: nothing queued
        // (checked once the threads are joined)
        const QString queued = p.db.scalar("SELECT count(*) FROM pg_locks WHERE relation = "
                                           "'ai_prompts'::regclass AND NOT granted");
        const bool holderWrote = holder.exec("UPDATE ai_prompts SET name = name WHERE false").ok();
        observers.stop = true;
        plain.join();
        reader.join();
        QCOMPARE(queued, QStringLiteral("0"));
        QVERIFY(holderWrote);
        QVERIFY(holder.exec("COMMIT").ok());

        QVERIFY2(observers.plainError.isEmpty(), qPrintable(observers.plainError));
        QVERIFY2(observers.seen == QStringList{QStringLiteral("0")},
                 qPrintable(observers.seen.join(u'|')));
        QVERIFY2(observers.readerProblem.isEmpty(), qPrintable(observers.readerProblem));

        QVERIFY(!r.ok());
        QCOMPARE(r.error.code(), ErrorCode::Conflict);
        QCOMPARE(r.error.arg(QStringLiteral("table")).toString(), QStringLiteral("ai_prompts"));
        QVERIFY(!r.error.server()); // ours: the server refused nothing, it skipped the table
        QVERIFY2(r.message.startsWith(u"VACUUM FULL did not rewrite ai_prompts within"),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(u"SKIP_LOCKED"), qPrintable(r.message));
        // retried for its whole budget, not given up at the first skip (its own count)
        QVERIFY2(r.elapsedMs >= kBudgetMs, qPrintable(QString::number(r.elapsedMs)));
        const QString after = filenodes(p.db);
        QCOMPARE(after.section(u',', 0, 0), before.section(u',', 0, 0));
        QVERIFY2(after.section(u',', 1, 1) != before.section(u',', 1, 1), qPrintable(after));

        // the lock gone, a second run rewrites what is left
        const PromptTableRewrite::RewriteOutcome again = PromptTableRewrite(c).run(kBudgetMs);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QVERIFY(filenodes(p.db).section(u',', 0, 0) != before.section(u',', 0, 0));
    }

    // VACUUM skips, with only a warning, a table the role may not vacuum: not rewritten is an
    // error naming both tables, with the server's warning.
    void aRoleThatMayNotVacuumGetsAnError()
    {
        PlatformDatabase p(QStringLiteral("tst_promptrewritepooler"));
        QVERIFY(makeRoles(p));
        const QString before = filenodes(p.db);
        PgConnection c;
        QVERIFY(c.open(p.db.conninfo() + QStringLiteral(" user=") + QLatin1String(kStranger),
                       QStringLiteral("uaip-test-rewrite")));
        const PromptTableRewrite::RewriteOutcome r = PromptTableRewrite(c).run(200);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code(), ErrorCode::Conflict);
        QCOMPARE(r.error.arg(QStringLiteral("tables")).toStringList(),
                 (QStringList{QStringLiteral("ai_prompts"), QStringLiteral("ai_prompt_versions")}));
        QVERIFY2(r.message.startsWith(
                     u"VACUUM FULL did not rewrite ai_prompts, ai_prompt_versions within"),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(u"owner"), qPrintable(r.message));
        QCOMPARE(filenodes(p.db), before);
    }

private:
    // What the two clients beside the rewrite saw (guarded by m, stop excepted).
    struct PoolObservers
    {
        std::atomic<bool> stop{false};
        std::mutex m;
        QStringList seen; // the values of lock_timeout the plain client read
        QString plainError;
        QString readerProblem = QStringLiteral("the reader did not run");
    };

    // A plain client of the pool: SHOW lock_timeout in short transactions until o.stop.
    static void runPlainClient(const QString &poolConninfo, PoolObservers &o)
    {
        PgConnection pc;
        if (!pc.open(poolConninfo, QStringLiteral("uaip-test-plain"))) {
            const std::lock_guard lock(o.m);
            o.plainError = pc.connectionError();
            return;
        }
        while (!o.stop) {
            const QString v = pc.scalar("SHOW lock_timeout");
            {
                const std::lock_guard lock(o.m);
                if (!o.seen.contains(v))
                    o.seen << v;
            }
            // kept on purpose (a race test, not a wait for a condition): a pause between
            // the plain client's transactions lets the rewrite's interleave with them on
            // the one pooled backend
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    // A reader of ai_prompts once the rewrite is in its VACUUM attempts (ai_prompt_versions
    // rewritten, ai_prompts still skipped): it must not queue behind the rewrite. The holder
    // keeps its lock until both threads are joined, so a VACUUM waiting in line for
    // ai_prompts would wait until then, and the reader behind it too: no lock request on
    // ai_prompts may wait, and the reader's lock wait gives up (55P03) if it queued.
    static void runReader(const QString &directConninfo, const QString &versionsBefore,
                          PoolObservers &o)
    {
        const auto problem = [&](const QString &text) {
            const std::lock_guard lock(o.m);
            o.readerProblem = text;
        };
        PgConnection rc;
        if (!rc.open(directConninfo, QStringLiteral("uaip-test-reader")))
            return problem(rc.connectionError());
        QString versions;
        const QDeadlineTimer deadline(30000);
        while ((versions = rc.scalar("SELECT pg_relation_filenode('ai_prompt_versions')"))
                   == versionsBefore
               && !deadline.hasExpired())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (versions == versionsBefore)
            return problem(QStringLiteral("ai_prompt_versions was not rewritten"));
        const QString waiting = rc.scalar("SELECT count(*) FROM pg_locks WHERE relation = "
                                          "'ai_prompts'::regclass AND NOT granted");
        if (waiting != QLatin1String("0"))
            return problem(waiting + QStringLiteral(" lock request(s) wait for ai_prompts"));
        if (!rc.exec("SET lock_timeout = '10s'").ok())
            return problem(QStringLiteral("SET lock_timeout failed"));
        const PgResult read = rc.exec("SELECT count(*) FROM ai_prompts");
        problem(read.ok() ? QString() : read.error().toString());
    }
};

QTEST_GUILESS_MAIN(TestPromptRewritePooler)
#include "tst_promptrewritepooler.moc"
