// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// The runner's outcome reading (StepOutcomeReader) and pipeline building (ScriptPipelineBuilder)
// without a server: which steps committed, where a failure was, when a run goes again changed.
#include "db/pipelinecommands.h"
#include "migrate/runnersignals.h"
#include "migrate/scriptpipelinebuilder.h"
#include "migrate/stepoutcomereader.h"
#include "sqlparse/sqlsplitter.h"

#include <QTest>

using namespace uaip;
using Where = StepFailure::Where;
using Retry = StepsOutcome::Retry;

namespace {

// Steps of a run in transactions of their own, laid out as appendSteps does: BEGIN, n
// statements, 3 reset commands, pin, lock check, ledger, unpin, COMMIT.
QList<StepLayout> stepLayouts(const QList<int> &statements)
{
    QList<StepLayout> layouts;
    qsizetype at = 0;
    for (const int n : statements) {
        StepLayout l;
        l.first = at++;
        l.firstStatement = at;
        at += n;
        l.firstReset = at;
        at += 3 + 1; // the reset, the pin
        l.lockCheck = at++;
        l.ledger = at++;
        ++at; // unpin
        l.commit = at++;
        layouts << l;
    }
    return layouts;
}

PgError error(const char *sqlState, const QString &message)
{
    PgError e;
    e.sqlState = QString::fromLatin1(sqlState);
    e.message = message;
    return e;
}

PipelineAnswers committedAnswers(const QList<StepLayout> &layouts, const QStringList &durations)
{
    PipelineAnswers a;
    for (qsizetype k = 0; k < layouts.size(); ++k) {
        a.kept.insert(layouts[k].ledger, CommandAnswer::succeeded("SELECT", durations.value(k)));
        a.kept.insert(layouts[k].commit, CommandAnswer::succeeded("COMMIT"));
    }
    return a;
}

PipelineAnswers failingAt(const QList<StepLayout> &layouts, qsizetype i, const PgError &e)
{
    PipelineAnswers a = committedAnswers(layouts, {});
    for (const StepLayout &l : layouts)
        if (l.commit >= i) { // not run
            a.kept.remove(l.ledger);
            a.kept.remove(l.commit);
        }
    a.firstFailure = i;
    a.kept.insert(i, CommandAnswer::failed(e));
    return a;
}

Migration migration(const QByteArray &up)
{
    Migration m;
    m.version = *MigrationVersion::parse(u"0001");
    m.name = QStringLiteral("m");
    m.upSql = up;
    m.upSplit = SqlSplitter::split(up);
    return m;
}

} // namespace

class TestStepOutcomeReader : public QObject
{
    Q_OBJECT

private slots:
    void everyStepCommittedWithItsDuration()
    {
        const QList<StepLayout> layouts = stepLayouts({2, 1, 3});
        const StepsOutcome o = StepOutcomeReader::readSteps(
            layouts, committedAnswers(layouts, {"12", "0", "30"}), false);
        QCOMPARE(o.committed, 3);
        QCOMPARE(o.durationsMs, (QList<int>{12, 0, 30}));
        QVERIFY(!o.failure);
        QCOMPARE(o.retry, Retry::No);
    }

    void aStatementFailureNamesItsStepAndStatement()
    {
        const QList<StepLayout> layouts = stepLayouts({2, 3, 1});
        const qsizetype at = layouts[1].firstStatement + 2;
        const StepsOutcome o = StepOutcomeReader::readSteps(
            layouts, failingAt(layouts, at, error("42P01", QStringLiteral("no t"))), true);
        QCOMPARE(o.committed, 1);
        QVERIFY(o.failure);
        QCOMPARE(o.failure->step, 1);
        QCOMPARE(o.failure->where, Where::Statement);
        QCOMPARE(o.failure->statement, qsizetype(2));
        QCOMPARE(o.failure->error.sqlState, QStringLiteral("42P01"));
        QCOMPARE(o.retry, Retry::No);
    }

    void aCommitAnsweredRollbackDidNotCommit()
    {
        const QList<StepLayout> layouts = stepLayouts({1, 1});
        PipelineAnswers a = committedAnswers(layouts, {"5", "6"});
        a.kept.insert(layouts[0].commit, CommandAnswer::succeeded("ROLLBACK"));
        const StepsOutcome o = StepOutcomeReader::readSteps(layouts, a, false);
        QCOMPARE(o.committed, 0);
        QCOMPARE(o.failure->where, Where::CommitRolledBack);
        QVERIFY(o.durationsMs.isEmpty());
    }

    void aCommitWithoutAnswerIsACommitFailure()
    {
        // the connection went after the COMMIT was sent: the runner settles it from the ledger
        const QList<StepLayout> layouts = stepLayouts({1, 1});
        const StepsOutcome o = StepOutcomeReader::readSteps(
            layouts, failingAt(layouts, layouts[1].commit, PgError{}), false);
        QCOMPARE(o.committed, 1);
        QCOMPARE(o.failure->where, Where::Commit);
        QVERIFY(!o.failure->error.isSet());
    }

    void theRunnersOwnCommandsAreTold_data()
    {
        QTest::addColumn<int>("offset"); // from the step's first command
        QTest::addColumn<int>("where");
        QTest::newRow("BEGIN") << 0 << int(Where::Begin);
        QTest::newRow("reset") << 2 << int(Where::Reset);
        QTest::newRow("lock check") << 6 << int(Where::Ledger);
        QTest::newRow("ledger") << 7 << int(Where::Ledger);
        QTest::newRow("COMMIT") << 9 << int(Where::Commit);
    }
    void theRunnersOwnCommandsAreTold()
    {
        QFETCH(int, offset);
        QFETCH(int, where);
        const QList<StepLayout> layouts = stepLayouts({1});
        const StepsOutcome o = StepOutcomeReader::readSteps(
            layouts, failingAt(layouts, offset, error("XX000", QStringLiteral("x"))), false);
        QCOMPARE(int(o.failure->where), where);
        QVERIFY(!o.failure->beforeScript());
    }

    void anEventTriggerSendsTheStepsAgainWithResets()
    {
        const QList<StepLayout> layouts = stepLayouts({1, 1});
        const StepsOutcome o = StepOutcomeReader::readSteps(
            layouts,
            failingAt(layouts, layouts[1].ledger,
                      error("P0001", QString::fromLatin1(RunnerSignals::kEventTriggerFound))),
            false);
        QCOMPARE(o.committed, 1);
        QCOMPARE(o.retry, Retry::WithResets);
    }

    void deallocatedStatementsSendItAgainOnlyWhenTheRunnerPreparedAny()
    {
        const QList<StepLayout> layouts = stepLayouts({1});
        const PipelineAnswers a
            = failingAt(layouts, layouts[0].firstReset + 1,
                        error(RunnerSignals::kNoSuchStatement, QStringLiteral("gone")));
        QCOMPARE(StepOutcomeReader::readSteps(layouts, a, true).retry, Retry::Unprepared);
        const StepsOutcome plain = StepOutcomeReader::readSteps(layouts, a, false);
        QCOMPARE(plain.retry, Retry::No);
        QCOMPARE(plain.failure->where, Where::Reset);
        // a 26000 of the script's own statement is the script's failure
        const PipelineAnswers own
            = failingAt(layouts, layouts[0].firstStatement,
                        error(RunnerSignals::kNoSuchStatement, QStringLiteral("its own")));
        QCOMPARE(StepOutcomeReader::readSteps(layouts, own, true).retry, Retry::No);
    }

    void theLockPrologueStopsBeforeTheScript_data()
    {
        QTest::addColumn<int>("offset"); // from the prologue's first command
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("where");
        QTest::newRow("lock timeout") << 1 << "55P03"
                                      << "lock timeout" << int(Where::LockTimeout);
        QTest::newRow("cancelled") << 1 << "57014"
                                   << "cancel" << int(Where::Lock);
        QTest::newRow("plan changed")
            << 2 << "P0001" << QString::fromLatin1(RunnerSignals::kPlanChanged)
            << int(Where::PlanChanged);
        QTest::newRow("its text elsewhere")
            << 1 << "P0001" << QString::fromLatin1(RunnerSignals::kPlanChanged) << int(Where::Lock);
    }
    void theLockPrologueStopsBeforeTheScript()
    {
        QFETCH(int, offset);
        QFETCH(QString, sqlState);
        QFETCH(QString, message);
        QFETCH(int, where);
        QList<StepLayout> layouts = stepLayouts({1});
        layouts[0].prologue = LockPrologue{1, 2, 3};
        PgError e;
        e.sqlState = sqlState;
        e.message = message;
        const StepsOutcome o
            = StepOutcomeReader::readSteps(layouts, failingAt(layouts, 1 + offset, e), false);
        QCOMPARE(int(o.failure->where), where);
        QVERIFY(o.failure->beforeScript());
    }

    void aGroupFailureNamesItsStep()
    {
        GroupLayout g;
        g.scripts = {ScriptLayout{1, 3, -1, false}, ScriptLayout{8, 10, 10, false},
                     ScriptLayout{15, 16, -1, true}};
        g.lastCommand = {7, 14, 15};
        const auto at = [&](qsizetype i, const char *state = "23505") {
            PipelineAnswers a;
            a.firstFailure = i;
            a.kept.insert(i, CommandAnswer::failed(error(state, QStringLiteral("e"))));
            return StepOutcomeReader::readGroup(g, a, true);
        };
        QVERIFY(!StepOutcomeReader::readGroup(g, PipelineAnswers{}, true).failure);
        QCOMPARE(at(0).failure->where, Where::Begin);
        QCOMPARE(at(2).failure->step, 0);
        QCOMPARE(at(2).failure->statement, qsizetype(1));
        QCOMPARE(at(9).failure->step, 1);
        QCOMPARE(at(9).failure->where, Where::Statement);
        QCOMPARE(at(10).failure->where, Where::DeferredConstraint);
        QCOMPARE(at(12).failure->where, Where::Reset);
        QCOMPARE(at(12, RunnerSignals::kNoSuchStatement).retry, Retry::Unprepared);
        QCOMPARE(at(15).failure->step, 2);
        QCOMPARE(at(15).failure->statement, qsizetype(0));
        QCOMPARE(at(15).committed, 0);
    }

    void aGroupCommitIsReadFromItsFiveAnswers()
    {
        const CommandAnswer ok = CommandAnswer::succeeded("SELECT");
        const QList<CommandAnswer> all{ok, ok, ok, ok, CommandAnswer::succeeded("COMMIT")};
        QCOMPARE(StepOutcomeReader::readGroupCommit(all, 3).committed, 3);

        QList<CommandAnswer> trigger = all;
        trigger[1] = CommandAnswer::failed(
            error("P0001", QString::fromLatin1(RunnerSignals::kEventTriggerFound)));
        const StepsOutcome again = StepOutcomeReader::readGroupCommit(trigger, 3);
        QCOMPARE(again.retry, Retry::WithResets);
        QCOMPARE(again.failure->step, 2);

        QList<CommandAnswer> ledger = all;
        ledger[2] = CommandAnswer::failed(error("XX000", QStringLiteral("ledger")));
        const StepsOutcome written = StepOutcomeReader::readGroupCommit(ledger, 3);
        QCOMPARE(written.failure->where, Where::Ledger);
        QCOMPARE(written.failure->error.message, QStringLiteral("ledger"));
        QCOMPARE(written.retry, Retry::No);

        // the connection went: fewer answers than commands
        const StepsOutcome lost = StepOutcomeReader::readGroupCommit({ok, ok}, 3);
        QCOMPARE(lost.failure->where, Where::Ledger);
        QCOMPARE(lost.committed, 0);

        QList<CommandAnswer> deferred = all;
        deferred[4] = CommandAnswer::failed(error("23503", QStringLiteral("fk")));
        QCOMPARE(StepOutcomeReader::readGroupCommit(deferred, 3).failure->where, Where::Commit);
        QList<CommandAnswer> rolledBack = all;
        rolledBack[4] = CommandAnswer::succeeded("ROLLBACK");
        QCOMPARE(StepOutcomeReader::readGroupCommit(rolledBack, 3).failure->where,
                 Where::CommitRolledBack);
    }

    void theBuilderLaysOutAGroup()
    {
        const Migration drops = migration("DROP TABLE a;\nDROP TABLE b;\n");
        const Migration creates = migration("CREATE TABLE c (x int);\n");
        ScriptRunSettings settings;
        settings.lockTimeoutMs = 5000;
        settings.skipNeedlessResets = true;
        PipelineCommands c;
        const GroupLayout g
            = ScriptPipelineBuilder(settings, ScriptDirection::Up)
                  .appendGroup(
                      c, {MigrationStep{&drops, {}}, MigrationStep{&creates, QStringLiteral("1")}});
        QCOMPARE(g.prologue.lock, qsizetype(-1)); // the session holds the lock
        QCOMPARE(g.scripts.size(), 2);
        QVERIFY(g.scripts[0].harmless);
        QVERIFY(!g.scripts[1].harmless);
        QVERIFY(g.anyUnreset);
        QCOMPARE(g.scripts[0].firstStatement, qsizetype(1)); // after BEGIN
        QCOMPARE(g.scripts[0].firstReset, qsizetype(3));
        QCOMPARE(g.lastCommand[0], qsizetype(2)); // no reset after the drops
        QCOMPARE(g.scripts[1].firstStatement, qsizetype(3));
        QCOMPARE(g.scripts[1].constraints, qsizetype(4));
        QCOMPARE(g.lastCommand[1], c.size() - 1);
        // behind a pooler every transaction takes the lock first, after a session reset
        settings.transactionLockWaitMs = 1000;
        PipelineCommands pooled;
        const GroupLayout p = ScriptPipelineBuilder(settings, ScriptDirection::Up)
                                  .appendGroup(pooled, {MigrationStep{&creates, {}}});
        QVERIFY(p.prologue.contains(p.prologue.lock));
        QCOMPARE(p.prologue.first, qsizetype(1));
        QCOMPARE(p.prologue.check, p.scripts[0].firstStatement - 1);
    }

    void rowsAfterAStepFollowTheDirection()
    {
        const Migration m = migration("SELECT 1;\n");
        const QList<MigrationStep> steps{MigrationStep{&m, QStringLiteral("7")}};
        QCOMPARE(
            ScriptPipelineBuilder::rowsAfter({QStringLiteral("1")}, steps, ScriptDirection::Up),
            (QStringList{QStringLiteral("1"), QStringLiteral("7")}));
        QCOMPARE(ScriptPipelineBuilder::rowsAfter({QStringLiteral("1"), QStringLiteral("7")}, steps,
                                                  ScriptDirection::Down),
                 QStringList{QStringLiteral("1")});
    }
};

QTEST_GUILESS_MAIN(TestStepOutcomeReader)
#include "tst_stepoutcomereader.moc"
