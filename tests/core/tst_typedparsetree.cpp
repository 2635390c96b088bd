// Issue 42, point 3: the security checks read libpg_query's typed protobuf tree (PgParseTree,
// walked by PgTreeWalk) instead of regular expressions over its JSON text: the read-only verdict
// (StatementClass, SessionStateUse) and the plan check's searches (ParseTreeSearch). No field
// order is relied on, a node kind this build does not know makes a statement "not checked"
// (writing), never "safe", and deep input is walked without recursion (5,000 levels) or refused
// with its line:col (80,000 terms), never a crash.
#include "lint/statementlinter.h"
#include "sqlconsole/statementclass.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/parsetreesearch.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"

#include <QTest>

using namespace uaip;

namespace {

QByteArray sum(int terms)
{
    QByteArray s = "SELECT 1";
    for (int i = 1; i < terms; ++i)
        s += " + 1";
    return s;
}

QByteArray parentheses(int depth)
{
    return "SELECT " + QByteArray(depth, '(') + "1" + QByteArray(depth, ')');
}

// A data-modifying WITH at the bottom of `depth` nested subqueries in FROM.
QByteArray deepDelete(int depth)
{
    QByteArray s;
    for (int i = 0; i < depth; ++i)
        s += "SELECT * FROM (";
    s += "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d";
    for (int i = 0; i < depth; ++i)
        s += ") s";
    return s;
}

// Protobuf's wire format, written by hand: what a libpg_query of another version could send.
QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        uchar byte = value & 0x7F;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out += char(byte);
    } while (value);
    return out;
}

QByteArray message(int number, const QByteArray &content) // a length-delimited field
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(content.size())) + content;
}

QByteArray integer(int number, int value)
{
    return varint(quint64(number) << 3) + varint(quint64(value));
}

// Field numbers of this build's pg_query.proto, read from its descriptors (they are renumbered
// between libpg_query's major versions).
int fieldOf(const ProtobufCMessageDescriptor &message, const char *name)
{
    const ProtobufCFieldDescriptor *f
        = protobuf_c_message_descriptor_get_field_by_name(&message, name);
    if (!f)
        qFatal("pg_query.proto has no field %s.%s", message.name, name);
    return int(f->id);
}

const int kParseResultStmts = fieldOf(pg_query__parse_result__descriptor, "stmts");
const int kRawStmtStmt = fieldOf(pg_query__raw_stmt__descriptor, "stmt");
const int kNodeSelectStmt = fieldOf(pg_query__node__descriptor, "select_stmt");
const int kNodeFuncCall = fieldOf(pg_query__node__descriptor, "func_call");
const int kNodeResTarget = fieldOf(pg_query__node__descriptor, "res_target");
const int kNodeString = fieldOf(pg_query__node__descriptor, "string");
const int kSelectTargetList = fieldOf(pg_query__select_stmt__descriptor, "target_list");
const int kSelectOp = fieldOf(pg_query__select_stmt__descriptor, "op");
const int kResTargetVal = fieldOf(pg_query__res_target__descriptor, "val");
const int kFuncCallFuncname = fieldOf(pg_query__func_call__descriptor, "funcname");
const int kFuncCallLocation = fieldOf(pg_query__func_call__descriptor, "location");
const int kStringSval = fieldOf(pg_query__string__descriptor, "sval");
constexpr int kSetopNone = 1;
// A node kind this build's pg_query.proto does not have: a newer libpg_query's.
constexpr int kNodeFromTheFuture = 900;

// SELECT <value>, one statement.
QByteArray selectOf(const QByteArray &valueNode)
{
    const QByteArray target = message(kNodeResTarget, message(kResTargetVal, valueNode));
    const QByteArray select = message(kSelectTargetList, target) + integer(kSelectOp, kSetopNone);
    return message(kParseResultStmts, message(kRawStmtStmt, message(kNodeSelectStmt, select)));
}

const PgQuery__Node *onlyStatement(const PgParseTree &tree)
{
    const QList<PgStatementNode> stmts = tree.statements();
    return stmts.size() == 1 ? stmts.first().node : nullptr;
}

} // namespace

class TestTypedParseTree : public QObject
{
    Q_OBJECT

private slots:
    void verdictOfReadingAndWritingStatements_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("writes");
        QTest::addColumn<QString>("type");
        QTest::newRow("select") << QByteArray("SELECT a FROM t WHERE b = 1") << false
                                << "SelectStmt";
        QTest::newRow("reading CTE")
            << QByteArray("WITH x AS (SELECT 1) SELECT * FROM x") << false << "SelectStmt";
        QTest::newRow("select distinct (a NIL in its list)")
            << QByteArray("SELECT DISTINCT a FROM t") << false << "SelectStmt";
        QTest::newRow("writing CTE")
            << QByteArray("WITH d AS (DELETE FROM t RETURNING *) SELECT 1") << true << "SelectStmt";
        QTest::newRow("update in a CTE in a subquery")
            << QByteArray("SELECT * FROM (SELECT * FROM (WITH u AS (UPDATE t SET a = 1 "
                          "RETURNING a) SELECT a FROM u) s) s2")
            << true << "SelectStmt";
        QTest::newRow("insert in a CTE in a scalar subquery")
            << QByteArray("SELECT (WITH i AS (INSERT INTO t VALUES (1) RETURNING 1) SELECT 1 "
                          "FROM i)")
            << true << "SelectStmt";
        QTest::newRow("for update")
            << QByteArray("SELECT * FROM t FOR UPDATE") << true << "SelectStmt";
        QTest::newRow("for share in a subquery")
            << QByteArray("SELECT * FROM t WHERE a IN (SELECT a FROM u FOR SHARE)") << true
            << "SelectStmt";
        QTest::newRow("select into") << QByteArray("SELECT 1 INTO t2") << true << "SelectStmt";
        QTest::newRow("explain analyze delete")
            << QByteArray("EXPLAIN ANALYZE DELETE FROM t") << true << "ExplainStmt";
        QTest::newRow("explain (analyze) delete")
            << QByteArray("EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t") << true << "ExplainStmt";
        // planning a DELETE plans its table's rules, whose WHERE may run code (issue 57)
        QTest::newRow("explain delete")
            << QByteArray("EXPLAIN DELETE FROM t") << true << "ExplainStmt";
        QTest::newRow("merge") << QByteArray("MERGE INTO t USING u ON t.a = u.a WHEN MATCHED "
                                             "THEN DELETE")
                               << true << "MergeStmt";
        QTest::newRow("show") << QByteArray("SHOW work_mem") << false << "VariableShowStmt";
        QTest::newRow("commit") << QByteArray("COMMIT") << false << "TransactionStmt";
        // user text that spells the JSON keys the old text search looked for is only text
        QTest::newRow("aliases named like JSON keys")
            << QByteArray("SELECT 1 AS \"intoClause\", 2 AS \"InsertStmt\"") << false
            << "SelectStmt";
        QTest::newRow("a column named lockingClause")
            << QByteArray("SELECT \"lockingClause\" FROM t") << false << "SelectStmt";
    }

    void verdictOfReadingAndWritingStatements()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, writes);
        QFETCH(QString, type);
        const StatementClass c = StatementClass::of(sql);
        QVERIFY(c.parsed);
        QCOMPARE(c.type, type);
        QCOMPARE(c.writes, writes);
        QCOMPARE(c.cursorable, type == u"SelectStmt" && !writes);
        QCOMPARE(c.transactionControl, type == u"TransactionStmt");
    }

    void explainAnalyzeOfASelectResolvesTheSelect()
    {
        const StatementClass c = StatementClass::of("EXPLAIN (ANALYZE, COSTS off) SELECT f(1)");
        QVERIFY(!c.writes);
        QCOMPARE(c.resolvable, QByteArray("SELECT f(1)"));
        QCOMPARE(c.functions, QStringList({"f"}));
        QVERIFY(StatementClass::of("EXPLAIN SELECT f(1)").functions.isEmpty());
    }

    void functionsAndOperatorsAreNamed()
    {
        const StatementClass c = StatementClass::of(
            "SELECT public.f(1), \"my \"\"odd\"\".schema\".\"fn.with\nbreak\"(2), count(*),\n"
            "  1 OPERATOR(public.+) 2, a @> b, c NOT BETWEEN 1 AND 2\n"
            "FROM g() WHERE x = ANY(y) AND z IN (1, 2)");
        QCOMPARE(c.functions,
                 QStringList({"public.f", "my \"odd\".schema.fn.with\nbreak", "count", "g"}));
        QCOMPARE(c.operators, QStringList({"public.+", "@>", ">=", "<=", "="}));
        QCOMPARE(StatementClass::of("SELECT pg_catalog.set_config('a.b', 'c', false)").sessionState,
                 QStringLiteral("calls set_config without is_local true"));
        QVERIFY(
            StatementClass::of("SELECT set_config('a.b', 'c', 'on'::bool)").sessionState.isEmpty());
        QVERIFY(!StatementClass::of("CREATE TEMP TABLE x (a int)").sessionState.isEmpty());
        QVERIFY(!StatementClass::of("CREATE TABLE pg_temp.x (a int)").sessionState.isEmpty());
        QVERIFY(!StatementClass::of("CREATE FUNCTION pg_temp.f() RETURNS int AS 'SELECT 1' "
                                    "LANGUAGE sql")
                     .sessionState.isEmpty());
        QVERIFY(StatementClass::of("SELECT * FROM pg_temp.x").sessionState.isEmpty());
        QCOMPARE(StatementClass::of("SET search_path = a").sessionState,
                 QStringLiteral("SET search_path without LOCAL"));
        QVERIFY(StatementClass::of("SET LOCAL search_path = a").sessionState.isEmpty());
    }

    // 5,000 levels: unpacked on the large stack, walked without recursion (a 5,000-term sum
    // overflowed an 8 MB stack in protobuf-c's recursive unpack); a write at the bottom of 1,000
    // nested subqueries found; 80,000 terms: refused where the statement gets too deep, with
    // line:col
    void deepInputIsWalkedOrRefused()
    {
        for (const QByteArray &sql : {sum(5000), parentheses(5000)}) {
            const StatementClass c = StatementClass::of(sql);
            QVERIFY(c.parsed);
            QVERIFY(!c.writes);
            QCOMPARE(c.operators.size(), sql.contains('+') ? 1 : 0);
        }
        // (PostgreSQL's parser refuses 2,000 nested subqueries itself: "memory exhausted")
        const StatementClass deep = StatementClass::of(deepDelete(1000));
        QVERIFY(deep.parsed);
        QVERIFY(deep.writes);

        const QByteArray tooDeep = "-- a sum\n" + sum(80000);
        const PgParseTree refused = PgParseTree::parse(tooDeep);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"nests too deeply"),
                 qPrintable(refused.errorMessage()));
        // "SELECT 1" then " + 1" per term: the 10,001st operator is the one too many
        QCOMPARE(refused.errorPosition().toString(), QStringLiteral("2:%1").arg(8 + 10000 * 4 + 2));
        const StatementClass refusedClass = StatementClass::of(tooDeep);
        QVERIFY(!refusedClass.parsed);
        QVERIFY(refusedClass.writes);
    }

    // A node kind this build's protobuf does not know, as a newer libpg_query sends it: kept by
    // protobuf-c as an unknown field of a node whose node_case is NOT_SET. The statement is
    // "not checked": writing, not cursorable, nothing to resolve.
    void unknownNodeKindIsNotChecked()
    {
        const PgParseTree known
            = PgParseTree::fromProtobuf(selectOf(message(kNodeString, message(kStringSval, "x"))));
        QVERIFY(known.ok());
        QVERIFY(!PgTreeWalk::hasUnknown(&known.result()->base));
        QVERIFY(!StatementClass::of(onlyStatement(known), "SELECT 'x'").writes);

        const PgParseTree unknown
            = PgParseTree::fromProtobuf(selectOf(message(kNodeFromTheFuture, QByteArray())));
        QVERIFY(unknown.ok());
        const PgQuery__Node *stmt = onlyStatement(unknown);
        QVERIFY(stmt);
        QCOMPARE(PgTreeWalk::kind(stmt), QStringLiteral("SelectStmt"));
        int unknownNodes = 0;
        PgTreeWalk::eachNode(&unknown.result()->base, [&unknownNodes](const PgQuery__Node *n) {
            if (n->node_case == PG_QUERY__NODE__NODE__NOT_SET && PgTreeWalk::isUnknown(&n->base))
                ++unknownNodes;
            return true;
        });
        QCOMPARE(unknownNodes, 1);
        QVERIFY(PgTreeWalk::hasUnknown(&unknown.result()->base));
        QVERIFY(ParseTreeSearch::hasUnknown(unknown));
        const StatementClass c = StatementClass::of(stmt, "SELECT future()");
        QVERIFY(c.writes);
        QVERIFY(!c.cursorable);
        QVERIFY(c.resolvable.isEmpty());
    }

    // The lint reads the same typed tree: a statement with a node kind it does not know is one
    // "not checked" finding at the statement, never a clean result; the known tree has none.
    void lintReportsAnUnknownNodeKindAsNotChecked()
    {
        const QByteArray sql = "SELECT future()";
        const PgParseTree known
            = PgParseTree::fromProtobuf(selectOf(message(kNodeString, message(kStringSval, "x"))));
        StatementLinter clean(sql);
        clean.lintTree(known, sql, 0, TextPosition{1, 1}, 0);
        QVERIFY(clean.findings().isEmpty());

        const PgParseTree unknown
            = PgParseTree::fromProtobuf(selectOf(message(kNodeFromTheFuture, QByteArray())));
        StatementLinter linter(sql);
        linter.lintTree(unknown, sql, 0, TextPosition{1, 1}, 0);
        const QList<LintFinding> findings = linter.findings();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, LintFinding::Kind::NotChecked);
        QCOMPARE(findings.first().position.toString(), QStringLiteral("1:1"));
    }

    // The same, built in memory: a NOT_SET node with an unknown field is unknown wherever it
    // is, and so is a node_case this build has no field for; one without any field is
    // PostgreSQL's NIL in a list (SELECT DISTINCT's distinctClause), known.
    void handBuiltUnknownNode()
    {
        ProtobufCMessageUnknownField field{};
        field.tag = kNodeFromTheFuture;
        field.wire_type = PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED;
        PgQuery__Node future = PG_QUERY__NODE__INIT;
        future.base.n_unknown_fields = 1;
        future.base.unknown_fields = &field;
        PgQuery__Node nil = PG_QUERY__NODE__INIT;
        PgQuery__Node *targets[] = {&nil, &future};
        PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
        select.n_target_list = 2;
        select.target_list = targets;
        select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
        PgQuery__Node root = PG_QUERY__NODE__INIT;
        root.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
        root.select_stmt = &select;

        QVERIFY(PgTreeWalk::isUnknown(&future.base));
        QVERIFY(!PgTreeWalk::isUnknown(&nil.base));
        QVERIFY(PgTreeWalk::hasUnknown(&root.base));
        QVERIFY(StatementClass::of(&root, "SELECT").writes);
        select.n_target_list = 1; // the NIL alone
        QVERIFY(!PgTreeWalk::hasUnknown(&root.base));
        QVERIFY(!StatementClass::of(&root, "SELECT").writes);

        PgQuery__Node strange = PG_QUERY__NODE__INIT;
        strange.node_case = static_cast<PgQuery__Node__NodeCase>(kNodeFromTheFuture);
        targets[0] = &strange;
        QVERIFY(PgTreeWalk::isUnknown(&strange.base));
        QVERIFY(PgTreeWalk::kind(&strange).isEmpty());
        QVERIFY(StatementClass::of(&root, "SELECT").writes);
    }

    // The wire format puts no order on a message's fields: a FuncCall whose location comes
    // before its name is the same call (the JSON text search needed "funcname" first).
    void fieldOrderIsNotReliedOn()
    {
        const QByteArray name
            = message(kNodeString, message(kStringSval, "pg_advisory_unlock_all"));
        const QByteArray call = integer(kFuncCallLocation, 7) + message(kFuncCallFuncname, name);
        const PgParseTree tree = PgParseTree::fromProtobuf(selectOf(message(kNodeFuncCall, call)));
        QVERIFY(tree.ok());
        QCOMPARE(ParseTreeSearch::unlockCall(tree), QStringLiteral("pg_advisory_unlock_all"));
        QCOMPARE(ParseTreeSearch::unlockCall(tree, true), QStringLiteral("pg_advisory_unlock_all"));
        const StatementClass c
            = StatementClass::of(onlyStatement(tree), "SELECT pg_advisory_unlock_all()");
        QCOMPARE(c.functions, QStringList({"pg_advisory_unlock_all"}));
        QVERIFY(!PgTreeWalk::hasUnknown(&tree.result()->base));
    }

    void unlockCalls()
    {
        const auto unlock = [](const char *sql, bool allOnly = false) {
            return ParseTreeSearch::unlockCall(PgParseTree::parse(sql), allOnly);
        };
        QCOMPARE(unlock("SELECT pg_catalog.pg_advisory_unlock(1)"),
                 QStringLiteral("pg_advisory_unlock"));
        QCOMPARE(unlock("SELECT 1 WHERE pg_advisory_unlock_shared(2)"),
                 QStringLiteral("pg_advisory_unlock_shared"));
        QVERIFY(unlock("SELECT pg_advisory_unlock(1)", true).isEmpty());
        QCOMPARE(unlock("SELECT pg_advisory_unlock_all()", true),
                 QStringLiteral("pg_advisory_unlock_all"));
        QVERIFY(unlock("SELECT other.pg_advisory_unlock(1)").isEmpty());
        QVERIFY(unlock("SELECT 'pg_advisory_unlock(1)'").isEmpty());
        QVERIFY(unlock("SELECT pg_advisory_unlock_xact(1)").isEmpty());
        // deep in an expression
        const QByteArray deep = "SELECT " + QByteArray(3000, '(') + "pg_advisory_unlock(1)"
            + QByteArray(3000, ')') + sum(3000).mid(8);
        QCOMPARE(unlock(deep.constData()), QStringLiteral("pg_advisory_unlock"));
    }

    void addedEnumValues()
    {
        const PgParseTree tree
            = PgParseTree::parse("ALTER TYPE mood ADD VALUE 'meh';\n"
                                 "ALTER TYPE mood RENAME VALUE 'a' TO 'b';\n"
                                 "ALTER TYPE mood ADD VALUE IF NOT EXISTS E'x\\\"y' BEFORE 'meh';\n"
                                 "SELECT 'not added'");
        QCOMPARE(ParseTreeSearch::addedEnumValues(tree), QStringList({"meh", "x\"y"}));
        QVERIFY(ParseTreeSearch::addedEnumValues(PgParseTree::parse("SELECT 1")).isEmpty());
    }

    void stringConstants()
    {
        const PgParseTree tree = PgParseTree::parse(
            "SELECT E'a\\nb', 'it''s', $$dollar$$, U&'\\0061\\0062c', 1 AS \"quoted\" "
            "FROM t WHERE x = 'line\nbreak'");
        for (const QString &value :
             {QStringLiteral("a\nb"), QStringLiteral("it's"), QStringLiteral("dollar"),
              QStringLiteral("abc"), QStringLiteral("line\nbreak")})
            QVERIFY2(ParseTreeSearch::hasStringConstant(tree, value), qPrintable(value));
        QVERIFY(!ParseTreeSearch::hasStringConstant(tree, QStringLiteral("quoted")));
        QVERIFY(!ParseTreeSearch::hasStringConstant(tree, QStringLiteral("a")));
        QVERIFY(!ParseTreeSearch::hasStringConstant(tree, QStringLiteral("t")));
    }

    // deparse() hands out only text that parses back to the same tree: libpg_query 15-4.0 writes
    // some names unquoted (a named argument, an index's or a constraint's name), and that text is
    // refused, never run; what it writes faithfully passes, names quoted where they must be.
    void deparseIsCheckedByParsingItBack_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("faithful");
        QTest::newRow("named argument") << QByteArray("SELECT f(\"x y\" => 1)") << false;
        // libpg_query 15's deparser left these names unquoted; 17's quotes them
        QTest::newRow("index name") << QByteArray("CREATE INDEX \"I;x\" ON t (a)") << true;
        QTest::newRow("constraint name")
            << QByteArray("ALTER TABLE t ADD CONSTRAINT \"Up\" CHECK (a > 0)") << true;
        QTest::newRow("update") << QByteArray("UPDATE \"we\"\"ird;x\" SET \"Col;1\" = \"x y\" + 1 "
                                              "WHERE \"k ey\" > $1::\"my type\"")
                                << true;
        QTest::newRow("insert select")
            << QByteArray("INSERT INTO \"T\" (\"A\") SELECT \"A\" FROM \"Src\" \"S x\" WHERE "
                          "\"S x\".\"A\" > 1")
            << true;
    }
    void deparseIsCheckedByParsingItBack()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, faithful);
        const PgParseTree tree = PgParseTree::parse(sql);
        QVERIFY(tree.ok());
        const Result<QByteArray> text = tree.deparse();
        QCOMPARE(text.ok(), faithful);
        if (faithful) {
            QVERIFY2(PgParseTree::parse(*text).ok(), text->constData());
        } else {
            // written, but not back as this tree: the text it wrote is named
            QCOMPARE(text.error().code(), ErrorCode::Internal);
            QVERIFY2(!text.error().arg(QStringLiteral("sql")).toString().isEmpty(),
                     qPrintable(text.error().toString()));
        }
    }

    // Names written into SQL are quoted as quote_ident quotes them: keywords too, but for the
    // unreserved ones (generated SQL naming a table "select" must not be a syntax error).
    void keywordsAreQuoted()
    {
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("t")), QStringLiteral("t"));
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("select")),
                 QStringLiteral("\"select\""));
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("user")),
                 QStringLiteral("\"user\""));
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("int")), QStringLiteral("\"int\""));
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("name")), QStringLiteral("name"));
        QCOMPARE(ParseTreeNames::quoteIdentifier(QStringLiteral("Up")), QStringLiteral("\"Up\""));
    }
};

QTEST_GUILESS_MAIN(TestTypedParseTree)
#include "tst_typedparsetree.moc"
