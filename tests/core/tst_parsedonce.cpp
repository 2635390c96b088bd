// uaip-test: no database
// Issue 58, step 6: a migration file is split once per content (SplitCache) and each of its
// statements parsed once (ScriptTrees), however many checkers read it: the lint, the script
// check, the statement rules, the lock forecast and the drops of a down script share the trees.
#include "forecast/migrationlockforecast.h"
#include "foreign/owntransaction.h"
#include "lint/rollbackimpact.h"
#include "lint/scriptchecker.h"
#include "lint/scriptdrops.h"
#include "lint/scriptstatementrules.h"
#include "lint/sqllinter.h"
#include "live/batchedstatement.h"
#include "sqlconsole/statementclass.h"
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

        QVERIFY(!SqlLinter::lint(kScript, split).isEmpty()); // the DROP, the UPDATE ...
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

    // The console's gate reads each statement's class from the split script's tree
    // (SqlRunGate): no statement is parsed again for it, and the class is the text's.
    void consoleClassReadsTheTree()
    {
        const QByteArray script = "SELECT * FROM t;\nUPDATE t SET a = 1;\nSET search_path = a;\n"
                                  "BEGIN;\nPREPARE TRANSACTION 'x'";
        const SqlSplitResult split = SqlSplitter::split(script);
        QCOMPARE(split.statements.size(), 5);
        const quint64 before = PgParseTree::parseCount();
        QList<StatementClass> classes;
        for (const SqlStatement &st : split.statements)
            classes << StatementClass::of(st);
        QCOMPARE(PgParseTree::parseCount() - before, quint64(5)); // each once, by ScriptTrees
        for (const SqlStatement &st : split.statements)
            StatementClass::of(st);
        QCOMPARE(PgParseTree::parseCount() - before, quint64(5)); // and not again
        for (qsizetype i = 0; i < classes.size(); ++i) {
            const StatementClass text = StatementClass::of(split.statements.at(i).text);
            QCOMPARE(classes.at(i).type, text.type);
            QCOMPARE(classes.at(i).writes, text.writes);
            QCOMPARE(classes.at(i).cursorable, text.cursorable);
            QCOMPARE(classes.at(i).transactionControl, text.transactionControl);
            QCOMPARE(classes.at(i).preparesTransaction, text.preparesTransaction);
            QCOMPARE(classes.at(i).sessionState, text.sessionState);
            QCOMPARE(classes.at(i).resolvable, text.resolvable);
        }
        QVERIFY(classes.at(0).cursorable);
        QVERIFY(classes.at(4).preparesTransaction);
    }

    // A uaip:batch statement is read from its tree, and each batch's SQL written from a copy
    // of it: what is parsed is the range condition and deparse()'s check of what it wrote,
    // never the statement again.
    void batchedStatementWritesFromItsTree()
    {
        const SqlSplitResult split
            = SqlSplitter::split("UPDATE things t SET b = 1 WHERE t.a > 0 AND t.c IS NULL;\n");
        QCOMPARE(split.statements.size(), 1);
        const SqlStatement &st = split.statements.first();
        QVERIFY(st.tree()->ok());
        const quint64 before = PgParseTree::parseCount();
        const Result<std::optional<BatchedStatement>> batched = BatchedStatement::of(st);
        QVERIFY(batched && batched.value());
        const quint64 read = PgParseTree::parseCount();
        QCOMPARE(read - before, quint64(2)); // of() writes one range SQL as a check
        const QList<BatchedStatement::KeyColumn> key{{QStringLiteral("id"), QStringLiteral("int")}};
        const Result<QByteArray> later = batched.value()->rangeSql(key, true, true);
        const Result<QByteArray> first = batched.value()->rangeSql(key, false, true);
        QVERIFY(later && first);
        QCOMPARE(PgParseTree::parseCount() - read, quint64(4));
        QCOMPARE(later.value(),
                 QByteArray("UPDATE things t SET b = 1 WHERE t.a > 0 AND t.c IS NULL "
                            "AND (t.id > $1::int AND t.id <= $2::int)"));
        QCOMPARE(first.value(),
                 QByteArray("UPDATE things t SET b = 1 WHERE t.a > 0 AND t.c IS NULL "
                            "AND t.id <= $1::int"));
        QCOMPARE(batched.value()->rangeSql(key, false, false).value(), st.text);
        // the script's own tree was not written through
        QCOMPARE(st.tree()->deparse().value(),
                 QByteArray("UPDATE things t SET b = 1 WHERE t.a > 0 AND t.c IS NULL"));
    }

    // A foreign file's own BEGIN and COMMIT are found in the split script's trees.
    void ownTransactionReadsTheTrees()
    {
        const QString sql = QStringLiteral("BEGIN;\nCREATE TABLE a (i int);\nCOMMIT;\n");
        const SqlSplitResult split = SqlSplitter::split(sql.toUtf8());
        for (const SqlStatement &st : split.statements)
            QVERIFY(st.tree()->ok());
        const quint64 before = PgParseTree::parseCount();
        QString unwrapped = sql;
        QString note;
        const Result<OwnTransaction::Unwrap> result = OwnTransaction::unwrap(&unwrapped, 1, &note);
        QVERIFY(result);
        QCOMPARE(*result, OwnTransaction::Unwrap::Unwrapped);
        QCOMPARE(unwrapped, QStringLiteral("      \nCREATE TABLE a (i int);\n       \n"));
        QCOMPARE(PgParseTree::parseCount() - before, quint64(0));
    }

    // A COPY ... FROM STDIN is parsed once: the tree that told the splitter it is one (its rows
    // are no SQL) is the statement's.
    void copyStatementParsedOnce()
    {
        for (const QByteArray &copy :
             {QByteArray("COPY t (a) FROM stdin"), QByteArray("COPY t (a) FROM stdin \t\n"),
              QByteArray("COPY t (a) FROM stdin -- rows follow\n")}) {
            const QByteArray script
                = "CREATE TABLE t (a int);\n" + copy + ";\n1\n2\n\\.\nSELECT 1;\n";
            const quint64 before = PgParseTree::parseCount();
            const SqlSplitResult split = SqlSplitter::split(script);
            QVERIFY(split.ok());
            QCOMPARE(split.statements.size(), 3);
            QVERIFY(split.statements.at(1).copyData);
            QCOMPARE(*split.statements.at(1).copyData, QByteArray("1\n2\n"));
            const std::shared_ptr<const PgParseTree> tree = split.statements.at(1).tree();
            QVERIFY(tree->ok());
            QCOMPARE(tree->statements().first().node->node_case, PG_QUERY__NODE__NODE_COPY_STMT);
            for (const SqlStatement &st : split.statements)
                QVERIFY(st.tree()->ok());
            QCOMPARE(PgParseTree::parseCount() - before, quint64(3));
            QCOMPARE(split.statements.first().trees->parsedCount(), 3);
        }
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
