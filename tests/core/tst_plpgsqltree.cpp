// uaip-test: no database
// Issue 58, step 6: PL/pgSQL is read as a typed tree (PlpgsqlTree) from libpg_query's JSON, event
// by event: statement kinds, lines and expressions in the order written, an EXECUTE's text told
// from a query by the field it sits in (never by searching the JSON text), any nesting depth.
#include "lint/scriptchecker.h"
#include "sqlparse/executedsql.h"
#include "sqlparse/plpgsqlstatements.h"
#include "sqlparse/plpgsqltree.h"
#include "sqlparse/sqlsplitter.h"

#include <QTest>

using namespace uaip;
using Kind = PlpgsqlTree::Kind;

namespace {

QList<QByteArray> queries(const PlpgsqlTree &tree, bool dynamic)
{
    QList<QByteArray> out;
    for (const PlpgsqlTree::Expression &e : tree.expressions())
        if (e.dynamic == dynamic)
            out.append(e.query);
    return out;
}

// The problems ScriptChecker finds in a script that runs in its own transaction.
qsizetype problems(const QByteArray &script)
{
    return ScriptChecker::check(QStringLiteral("v1__t.sql"), SqlSplitter::split(script), {}).size();
}

// count IF blocks nested in one another, the innermost holding inner
QByteArray nestedIfs(int count, const QByteArray &inner)
{
    QByteArray body;
    for (int i = 0; i < count; ++i)
        body += "IF true THEN\n";
    body += inner + "\n";
    for (int i = 0; i < count; ++i)
        body += "END IF;\n";
    return "DO $$ BEGIN\n" + body + "END $$";
}

} // namespace

class TestPlpgsqlTree : public QObject
{
    Q_OBJECT

private slots:
    // THEN before ELSE on one line: the order written, not the JSON object's key order
    void statementsInWrittenOrder()
    {
        const PlpgsqlTree tree = PlpgsqlTree::parse(
            "DO $$ BEGIN IF 1 > 0 THEN PERFORM f(); ELSE PERFORM g(); END IF; END $$");
        QVERIFY(tree.ok());
        QList<Kind> kinds;
        for (const PlpgsqlTree::Statement &s : tree.statements())
            if (s.kind != Kind::Declaration)
                kinds.append(s.kind);
        // the compiler ends the function with a RETURN of its own (line 0)
        QCOMPARE(kinds,
                 (QList<Kind>{Kind::Block, Kind::If, Kind::Perform, Kind::Perform, Kind::Return}));
        QCOMPARE(tree.statements().constLast().line, 0);
        QCOMPARE(queries(tree, false), (QList<QByteArray>{"1 > 0", "SELECT f()", "SELECT g()"}));
        QCOMPARE(tree.statements().at(tree.statements().size() - 2).depth, 2);
    }

    // The text an EXECUTE runs is dynamic; a FOR over a query or RETURN QUERY is not, even when
    // its field is also named "query".
    void dynamicByTheFieldItSitsIn()
    {
        const PlpgsqlTree tree
            = PlpgsqlTree::parse("CREATE FUNCTION f() RETURNS SETOF int LANGUAGE plpgsql AS $$\n"
                                 "DECLARE r record; x int := 5;\n"
                                 "BEGIN\n"
                                 "  FOR r IN SELECT 'DROP TABLE a' LOOP NULL; END LOOP;\n"
                                 "  FOR r IN EXECUTE 'SELECT 7' LOOP NULL; END LOOP;\n"
                                 "  RETURN QUERY SELECT 1;\n"
                                 "  RETURN QUERY EXECUTE 'SELECT 2';\n"
                                 "  EXECUTE 'SELECT 8' INTO x USING 3;\n"
                                 "END $$");
        QVERIFY(tree.ok());
        QCOMPARE(queries(tree, true),
                 (QList<QByteArray>{"'SELECT 7'", "'SELECT 2'", "'SELECT 8'"}));
        QCOMPARE(queries(tree, false),
                 (QList<QByteArray>{"5", "SELECT 'DROP TABLE a'", "SELECT 1", "3"}));
        QVERIFY(tree.contains(Kind::DynFors));
        QVERIFY(tree.contains(Kind::ReturnQuery));
        QCOMPARE(tree.statements().at(tree.statements().size() - 2).kind, Kind::DynExecute);
        QCOMPARE(tree.statements().at(tree.statements().size() - 2).line, 8); // "$$\n" is 1
    }

    // A string that reads like a dynamic statement inside a FOR query is data, not SQL that
    // runs: ExecutedSql finds no DROP there.
    void aForQuerysStringIsNotExecuted()
    {
        const QList<ExecutedSql::Tree> trees = ExecutedSql::of(
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT 'DROP TABLE a' LOOP NULL; END LOOP; "
            "EXECUTE 'DROP TABLE b'; END $$");
        int drops = 0;
        for (const ExecutedSql::Tree &t : trees)
            for (const PgStatementNode &s : t.tree->statements())
                if (s.node && s.node->node_case == PG_QUERY__NODE__NODE_DROP_STMT)
                    ++drops;
        QCOMPARE(drops, 1); // b: the EXECUTE of a constant string
    }

    // Transaction control is a statement kind: a string literal that names it is not one, and
    // a COMMIT nested 2,000 blocks deep is found (no depth limit, no pruning).
    void commitFoundByKindAtAnyDepth()
    {
        const PlpgsqlTree literal
            = PlpgsqlTree::parse("DO $$ BEGIN RAISE NOTICE 'PLpgSQL_stmt_commit COMMIT'; END $$");
        QVERIFY(literal.ok());
        QVERIFY(!literal.contains(Kind::Commit));
        QCOMPARE(problems("DO $$ BEGIN RAISE NOTICE 'COMMIT'; END $$;\n"), 0);
        QCOMPARE(problems("DO $$ BEGIN COMMIT; END $$;\n"), 1);

        const PlpgsqlTree deep = PlpgsqlTree::parse(nestedIfs(2000, "COMMIT;"));
        QVERIFY(deep.ok());
        QVERIFY(deep.contains(Kind::Commit));
        const PlpgsqlTree::Statement &commit = deep.statements().at(deep.statements().size() - 2);
        QCOMPARE(commit.kind, Kind::Commit);
        QCOMPARE(commit.depth, 2001);
        QCOMPARE(commit.line, 2002);
        QCOMPARE(problems(nestedIfs(2000, "ROLLBACK;") + ";\n"), 1);
    }

    // The SQL statements of a DO block with their lines, for the linter.
    void execSqlStatementsWithLines()
    {
        const QList<PlpgsqlStatement> statements = PlpgsqlStatements::of(
            "DO $$\nBEGIN\n  DELETE FROM t;\n  PERFORM 1;\n  UPDATE t SET a = 1;\nEND $$");
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0).line, 3);
        QCOMPARE(statements.at(0).query, QStringLiteral("DELETE FROM t"));
        QCOMPARE(statements.at(1).line, 5);
        QCOMPARE(statements.at(1).query, QStringLiteral("UPDATE t SET a = 1"));
    }

    // A body that does not compile: no tree (the server refuses it too).
    void aBodyThatDoesNotCompile()
    {
        const PlpgsqlTree tree = PlpgsqlTree::parse("DO $$ BEGIN IF THEN END $$");
        QVERIFY(!tree.ok());
        QVERIFY(tree.statements().isEmpty());
        QVERIFY(PlpgsqlStatements::of("DO $$ BEGIN IF THEN END $$").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlpgsqlTree)
#include "tst_plpgsqltree.moc"
