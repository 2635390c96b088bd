// Issue 41, point 6: a statement whose parse tree nests deeper than libpg_query's tree output can
// recurse (an 80,000-term `1 + 1 + ...`, 80,000 parentheses) killed `sql --read-only -f`,
// `lint` and the GUI's SQL and Migrations views with SIGSEGV. It is refused at the token where
// it gets too deep, with line:col (file:line:col), everywhere the text is read: the splitter
// (the SQL view's SqlScript), every libpg_query parse (ExpressionDepth::parseProtobuf), `sql`,
// `lint` and the plan check of `up`, nothing applied. Flat statements of any size still go through.
#include "migrationrunnertestutil.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqlparse/expressiondepth.h"
#include "sqlparse/sqlsplitter.h"
#include "uaipmigratetestutil.h"

#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QByteArray sum(int terms)
{
    QByteArray s = "SELECT 1";
    s.reserve(terms * 4 + 16);
    for (int i = 1; i < terms; ++i)
        s += " + 1";
    return s + ";\n";
}

QByteArray parentheses(int depth)
{
    return "SELECT " + QByteArray(depth, '(') + "1" + QByteArray(depth, ')') + ";\n";
}

QString written(QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestDeepExpression : public QObject
{
    Q_OBJECT

private slots:
    void refusedWhereItGetsTooDeep_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("column");
        // "SELECT 1" then " + 1" per term: the 10,001st operator is the one too many
        QTest::newRow("80,000 terms") << sum(80000) << int(8 + 10000 * 4 + 2);
        // (PostgreSQL's own parser stops it first: its stack of 10,000 states, "memory
        // exhausted at or near "("", a syntax error at line:col too)
        QTest::newRow("80,000 parentheses") << parentheses(80000) << -1;
        QTest::newRow("a cast chain") << "SELECT 1"
                + QByteArray(12000 * 6, ':').replace(QByteArray("::::::"), QByteArray("::int "))
                + ";\n" << int(8 + 10000 * 6 + 1);
    }

    void refusedWhereItGetsTooDeep()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, column);
        const QByteArray script = "SELECT 0;\n" + text;
        const SqlSplitResult split = SqlSplitter::split(script);
        QVERIFY(!split.ok());
        QCOMPARE(split.error->position.line, 2);
        if (column > 0) {
            QCOMPARE(split.error->position.column, column);
            QVERIFY2(split.error->message.contains(QLatin1String("nests too deeply")),
                     qPrintable(split.error->message));
        }
        // the SQL view's script (the GUI's SQL and Migrations views)
        SqlScript s(script);
        QVERIFY(s.error());
        QCOMPARE(s.error()->position.line, 2);
        // any other parse: a parse error, never a crash
        PgQueryProtobufParseResult parse = ExpressionDepth::parseProtobuf(text.constData());
        QVERIFY(parse.error);
        QCOMPARE(parse.parse_tree.len, size_t(0));
        pg_query_free_protobuf_parse_result(parse);
        QVERIFY(!StatementClass::of(text.chopped(2)).parsed);
    }

    // As deep as PostgreSQL 15 runs with its default max_stack_depth (4,000 terms, 3,000
    // parentheses), and flat statements of any size: parsed as before.
    void whatPostgresqlRunsStillParses()
    {
        for (const QByteArray &text : {sum(4000), parentheses(3000),
                                       [] {
                                           QByteArray rows = "INSERT INTO t VALUES (0, -1)";
                                           for (int i = 1; i < 100000; ++i)
                                               rows += ", (" + QByteArray::number(i) + ", -"
                                                   + QByteArray::number(i) + ")";
                                           return rows + ";\n";
                                       }(),
                                       [] {
                                           QByteArray where = "SELECT 1 WHERE a = 0";
                                           for (int i = 1; i < 30000; ++i)
                                               where += " AND a <> " + QByteArray::number(i);
                                           return where + ";\n";
                                       }()}) {
            const SqlSplitResult split = SqlSplitter::split(text);
            QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error->toString()));
            QVERIFY(StatementClass::of(split.statements.first().text).parsed);
        }
    }

    // The programs: exit codes of a refusal, file:line:col, nothing applied.
    void programsRefuseWithFileLineColumn()
    {
        QTemporaryDir dir;
        const QString file = written(dir, QStringLiteral("deep.sql"), sum(80000));
        const QString where = file + QStringLiteral(":1:40010: ");
        TestDatabase db;
        Run r = migrate(
            db.conninfo(),
            {QStringLiteral("sql"), QStringLiteral("--read-only"), QStringLiteral("-f"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(where + QStringLiteral("expression nests too deeply")),
                 qPrintable(r.err));
        MigrationFolder f;
        f.add(QStringLiteral("0001_deep"), sum(80000), "SELECT 1;\n");
        r = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("lint")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2((r.out + r.err).contains(QStringLiteral("0001_deep/up.sql:1:40010")),
                 qPrintable(r.out + r.err));
        r = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY(r.exitCode != 0 && r.exitCode != -1);
        QVERIFY2(r.err.contains(QStringLiteral("0001_deep/up.sql:1:40010")), qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'uaip_ledger'"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestDeepExpression)
#include "tst_deepexpression.moc"
