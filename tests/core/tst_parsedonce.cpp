// uaip-test: no database
// Issue 58, step 6: a migration file is split once per content (SplitCache) and each of its
// statements parsed once (ScriptTrees), however many checkers read it: the lint, the script
// check, the statement rules, the lock forecast and the drops of a down script share the trees.
#include "forecast/migrationlockforecast.h"
#include "lint/rollbackimpact.h"
#include "lint/scriptchecker.h"
#include "lint/scriptdrops.h"
#include "lint/scriptstatementrules.h"
#include "lint/sqllinter.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/scripttrees.h"
#include "sqlparse/splitcache.h"
#include "sqlparse/sqlsplitter.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace uaip;

namespace {

// Six statements, none with a body of its own (a DO block or a function body would be parsed
// as the nested SQL it is, on top of its statement).
const QByteArray kScript = "CREATE TABLE \"we;ird\"\"\n\r\" (id bigint PRIMARY KEY, n text);\n"
                           "ALTER TABLE \"we;ird\"\"\n\r\" ADD COLUMN b int;\n"
                           "CREATE INDEX ON \"we;ird\"\"\n\r\" (n);\n"
                           "UPDATE \"we;ird\"\"\n\r\" SET b = 1 WHERE id > 0;\n"
                           "DROP TABLE IF EXISTS old_things;\n"
                           "COMMENT ON TABLE \"we;ird\"\"\n\r\" IS 'x; y';\n";

} // namespace

class TestParsedOnce : public QObject
{
    Q_OBJECT

private slots:
    void init() { SplitCache::clear(); }

    void everyCheckerSharesOneParse()
    {
        const quint64 before = PgParseTree::parseCount();
        const SqlSplitResult split = SqlSplitter::split(kScript);
        QVERIFY(split.ok());
        QCOMPARE(split.statements.size(), 6);

        std::optional<SqlSyntaxError> error;
        QVERIFY(!SqlLinter::lint(kScript, &error).isEmpty()); // the DROP, the UPDATE ...
        QVERIFY(!error);
        QVERIFY(ScriptChecker::check(QStringLiteral("V2__weird.sql"), split, {}).isEmpty());
        ScriptStatementRules::check(QStringLiteral("V2__weird.sql"), split.statements, false);
        QCOMPARE(MigrationLockForecast::of(kScript).size(), 6);
        RollbackImpact drops;
        QVERIFY(ScriptDrops::read(kScript, &drops));
        QVERIFY(!drops.tables.isEmpty());

        // every reader got the same statements (one split) and one tree per statement
        const SqlSplitResult again = SqlSplitter::split(kScript);
        QCOMPARE(again.statements.first().trees.get(), split.statements.first().trees.get());
        QCOMPARE(split.statements.first().trees->parsedCount(), 6);
        QCOMPARE(PgParseTree::parseCount() - before, quint64(6));
    }

    // Another text (even one byte) is split and parsed on its own; the same text after
    // SplitCache forgot it is parsed again, once.
    void contentIsTheKey()
    {
        const SqlSplitResult a = SqlSplitter::split(kScript);
        QByteArray changed = kScript;
        changed.replace("'x; y'", "'x; z'");
        const SqlSplitResult b = SqlSplitter::split(changed);
        QVERIFY(a.statements.first().trees != b.statements.first().trees);
        QCOMPARE(QString::fromUtf8(b.statements.last().text),
                 QStringLiteral("COMMENT ON TABLE \"we;ird\"\"\n\r\" IS 'x; z'"));
        SplitCache::clear();
        const SqlSplitResult c = SqlSplitter::split(kScript);
        QVERIFY(a.statements.first().trees != c.statements.first().trees);
    }

    // Two threads asking for the same statement's tree: one parse, one tree.
    void oneParseUnderConcurrentReaders()
    {
        const SqlSplitResult split = SqlSplitter::split(kScript);
        const quint64 before = PgParseTree::parseCount();
        std::vector<std::shared_ptr<const PgParseTree>> seen(8);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < seen.size(); ++i)
            threads.emplace_back([&seen, &split, i] { seen[i] = split.statements.at(3).tree(); });
        for (std::thread &t : threads)
            t.join();
        for (const auto &tree : seen)
            QCOMPARE(tree.get(), seen.front().get());
        QVERIFY(seen.front()->ok());
        QCOMPARE(PgParseTree::parseCount() - before, quint64(1));
    }

    // A statement made by hand (no split script behind it) is parsed when asked.
    void aStatementMadeByHand()
    {
        SqlStatement s;
        s.text = "SELECT 1";
        QVERIFY(s.tree()->ok());
        QVERIFY(s.tree() != s.tree()); // nothing to share it with
    }
};

QTEST_GUILESS_MAIN(TestParsedOnce)
#include "tst_parsedonce.moc"
