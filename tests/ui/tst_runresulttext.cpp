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
};

QTEST_GUILESS_MAIN(TestRunResultText)
#include "tst_runresulttext.moc"
