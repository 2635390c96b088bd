// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// Issue 32, P2: what the GUI says after a failed run is computed from what ran. A
// no-transaction migration that stopped part-way keeps what ran; it was never "rolled back"
// (which the text said for every failure with a statement).
#include "migrations/runresulttext.h"

#include <QtTest>

using namespace uaip;

class TestRunResultText : public QObject
{
    Q_OBJECT

private slots:
    void aPartialRunIsNotCalledRolledBack()
    {
        RunResult r;
        r.outcome = RunResult::Outcome::Failed;
        r.partial = true;
        r.message = QStringLiteral("0002_index failed");
        r.failure = MigrationFailure{QStringLiteral("0002"),
                                     QStringLiteral("index"),
                                     QStringLiteral("0002_index/up.sql"),
                                     TextPosition{2, 1},
                                     QStringLiteral("CREATE INDEX CONCURRENTLY i ON t (a)"),
                                     {}};
        const QString text = RunResultText::describe(r);
        QVERIFY2(!text.contains(QStringLiteral("rolled back")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("what ran of it remains")), qPrintable(text));
    }

    void aTransactionalFailureIsRolledBack()
    {
        RunResult r;
        r.outcome = RunResult::Outcome::Failed;
        r.message = QStringLiteral("0002_users failed");
        r.failure = MigrationFailure{QStringLiteral("0002"),
                                     QStringLiteral("users"),
                                     QStringLiteral("0002_users/up.sql"),
                                     TextPosition{1, 1},
                                     QStringLiteral("SELECT 1/0"),
                                     {}};
        QVERIFY(RunResultText::describe(r).contains(QStringLiteral("rolled back")));
    }

    // Our own failure (no server error): its sentence at the place, no SQLSTATE, no detail.
    void ourFailureHasNoSqlState()
    {
        const MigrationFailure f{QStringLiteral("0002"),
                                 QStringLiteral("backfill"),
                                 QStringLiteral("0002_backfill/up.sql"),
                                 TextPosition{4, 1},
                                 QStringLiteral("UPDATE t SET n = 1"),
                                 Error(ErrorCode::Refused, QStringLiteral("not in batches"))};
        QCOMPARE(RunResultText::failure(f),
                 QStringLiteral("0002_backfill/up.sql:4:1: not in batches"));
    }

    // The server's failure: its SQLSTATE and message, then its detail and hint on lines of
    // their own (the server's words are what the user reads).
    void serverFailureHasItsSqlStateAndDetail()
    {
        PgError server; // as the server sends it: what this pure test has no server for
        server.sqlState = QStringLiteral("23503");
        server.message = QStringLiteral("insert or update violates a foreign key");
        server.detail = QStringLiteral("Key (user_id)=(9) is not present.");
        server.hint = QStringLiteral("Insert the user first.");
        const MigrationFailure f{QStringLiteral("0002"),
                                 QStringLiteral("posts"),
                                 QStringLiteral("0002_posts/up.sql"),
                                 TextPosition{2, 5},
                                 QStringLiteral("INSERT INTO posts VALUES (1, 9)"),
                                 Error(server)};
        const QStringList lines = RunResultText::failure(f).split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0],
                 QStringLiteral("0002_posts/up.sql:2:5: 23503 insert or update violates a "
                                "foreign key"));
        QVERIFY2(lines[1].contains(server.detail), qPrintable(lines[1]));
        QVERIFY2(lines[2].contains(server.hint), qPrintable(lines[2]));
    }
};

QTEST_GUILESS_MAIN(TestRunResultText)
#include "tst_runresulttext.moc"
