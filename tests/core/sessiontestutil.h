#pragma once

// Shared by tst_session and tst_sessionopen: a spec for a test database, a job running SQL,
// and the commit count of a database once its backends have gone.
#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "jobend.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "testdatabase.h"

#include <QTest>

namespace uaip::test {

inline SessionSpec specFor(const TestDatabase &db, int cancelGraceMs = 10000)
{
    SessionSpec spec = SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
    spec.cancelGraceMs = cancelGraceMs;
    return spec;
}

// Runs sql on the job's session through libpq; its error is the server's (or why there is no
// session).
inline FunctionJob *sqlJob(const QByteArray &sql)
{
    return new FunctionJob(QStringLiteral("sql"), [sql](JobContext &c) -> Result<QString> {
        Result<Session *> s = c.session();
        if (!s)
            return s.error();
        PgResult r = s.value()->pg().execScript(sql);
        if (!r.ok())
            return Error(r.error());
        return QString();
    });
}

// How many other backends of db's database run exactly sql at this moment (state active): a
// job's statement has reached the server once this counts it.
inline int activeQueries(TestDatabase &db, const QByteArray &sql)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state = 'active' AND query = $1 AND pid <> pg_backend_pid()",
                {QString::fromUtf8(sql)})
        .toInt();
}

inline bool opened(Session &session)
{
    const Status s = session.open();
    if (!s)
        qWarning("open failed: %s", qPrintable(s.error().toString()));
    return s.ok();
}

// Committed transactions of a database nothing else uses (every simple query is one, a
// pipeline up to its one Sync is one). The database's committed transactions once every backend
// connected to it has ended (a backend flushes its counts to shared memory as it exits; before that
// they arrive whenever it flushes them), and steady: -1 when one is still connected after 30 s.
inline qint64 settledCommits(PgConnection &stats, const QString &database)
{
    for (int i = 0; i < 300; ++i) {
        const qint64 connected
            = stats.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = $1", {database})
                  .toLongLong();
        if (connected == 0) {
            // the activity entry goes just before the exit's flush: wait for a steady count
            qint64 last = -1;
            for (int j = 0; j < 50; ++j) {
                stats.exec("SELECT pg_stat_clear_snapshot()");
                const qint64 now = stats
                                       .scalar("SELECT xact_commit FROM pg_stat_database "
                                               "WHERE datname = $1",
                                               {database})
                                       .toLongLong();
                if (now == last)
                    return now;
                last = now;
                QTest::qWait(200);
            }
            return -1;
        }
        QTest::qWait(100);
    }
    return -1;
}

} // namespace uaip::test
