// RelationSizes against the real sandbox: the live size of each relation a lock forecast names,
// the names bound as one text[] and resolved like the statement resolves them (to_regclass):
// a table named with a double quote, a semicolon and a newline is read as that table (nothing
// spliced into SQL), an index as its table, a partitioned table as the sum of its partitions, a
// table never analyzed as "rows unknown", a missing table as no entry; an impossible name is an
// error value.
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "forecast/relationsizes.h"
#include "forecast/statementlockforecast.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kOddName = QStringLiteral("we\"ird;\nDROP TABLE plain; --");

void run(PgConnection &connection, const QByteArray &sql)
{
    const PgResult r = connection.exec(sql);
    if (!r.ok())
        qFatal("%s: %s", sql.constData(), qPrintable(r.error().toString()));
}

// The relation names the forecast of sql gives, in order.
QStringList forecastNames(const QString &sql)
{
    const PgParseTree tree = PgParseTree::parse(sql.toUtf8());
    if (!tree.ok())
        qFatal("%s: %s", qPrintable(sql), qPrintable(tree.errorMessage()));
    QStringList names;
    for (const RelationLock &lock : StatementLockForecast::of(tree.statements().first().node).locks)
        names.append(lock.relation);
    return names;
}

const RelationSize *sizeOf(const QList<RelationSize> &sizes, const QString &name)
{
    for (const RelationSize &size : sizes) {
        if (size.name == name)
            return &size;
    }
    return nullptr;
}

} // namespace

class TestRelationSizes : public QObject
{
    Q_OBJECT

private slots:
    void sizesOfWhatTheForecastNames();
    void indexesAndPartitionsCountTheirTables();
    void nothingToAskIsNoQuery();
    void anImpossibleNameIsAnError();
    void theReadCompilesNoCode();
};

void TestRelationSizes::sizesOfWhatTheForecastNames()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    const QByteArray odd = w.quoteIdentifier(kOddName);
    run(w, "CREATE TABLE plain (id int PRIMARY KEY, v text)");
    run(w, "INSERT INTO plain SELECT g, repeat('x', 100) FROM generate_series(1, 2000) g");
    run(w, "CREATE TABLE " + odd + " (id int)");
    run(w, "INSERT INTO " + odd + " SELECT generate_series(1, 300)");
    run(w, "ANALYZE plain");
    run(w, "ANALYZE " + odd);
    run(w, "CREATE TABLE fresh (id int)");
    run(w, "INSERT INTO fresh SELECT generate_series(1, 10)");

    // The forecast names the odd table as a statement writes it; the read finds that table.
    const QString oddWritten = ParseTreeNames::quoteIdentifier(kOddName);
    const QStringList names
        = forecastNames(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT fk FOREIGN KEY (id) "
                                       "REFERENCES public.plain (id)")
                            .arg(oddWritten))
        + QStringList{QStringLiteral("fresh"), QStringLiteral("missing"),
                      QStringLiteral("nosuchschema.t")};
    QCOMPARE(names.first(), oddWritten);
    const Result<QList<RelationSize>> read = RelationSizes::read(w, names);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
    const QList<RelationSize> &sizes = read.value();
    QCOMPARE(sizes.size(), 3); // the missing ones give no entry
    QCOMPARE(sizes.at(0).name, oddWritten);
    QCOMPARE(sizes.at(1).name, QStringLiteral("public.plain"));
    QCOMPARE(sizes.at(2).name, QStringLiteral("fresh"));

    const RelationSize *oddSize = sizeOf(sizes, oddWritten);
    QCOMPARE(oddSize->rows, 300);
    QVERIFY(!oddSize->rowsUnknown);
    QVERIFY(oddSize->totalBytes > 0);
    QCOMPARE(oddSize->table, oddSize->resolved);
    const RelationSize *plain = sizeOf(sizes, QStringLiteral("public.plain"));
    QCOMPARE(plain->rows, 2000);
    // the heap as it is now, its TOAST table and its indexes as of the last ANALYZE (which
    // left relpages as the heap is)
    QCOMPARE(plain->totalBytes,
             db.scalar("SELECT (sum(c.relpages) * current_setting('block_size')::bigint) FROM "
                       "pg_class c WHERE c.oid IN (SELECT 'plain'::regclass UNION ALL SELECT "
                       "reltoastrelid FROM pg_class WHERE oid = 'plain'::regclass UNION ALL "
                       "SELECT indexrelid FROM pg_index WHERE indrelid = 'plain'::regclass)")
                 .toLongLong());
    QVERIFY(plain->unknownRowsBytes == 0);
    const RelationSize *fresh = sizeOf(sizes, QStringLiteral("fresh"));
    QVERIFY(fresh->rowsUnknown); // never vacuumed or analyzed: reltuples -1
    // estimated as the planner does: its pages now at the density of its row width (an int,
    // 4 bytes, with the 28 bytes of tuple header and line pointer), not 0
    QCOMPARE(fresh->rows,
             db.scalar("SELECT (current_setting('block_size')::int - 24) / 32 "
                       "* (pg_relation_size('fresh') / current_setting('block_size')::int)")
                 .toLongLong());
    QVERIFY(fresh->totalBytes > 0);
    // its heap on disk, the one size read that opens a table
    QCOMPARE(fresh->unknownRowsBytes, db.scalar("SELECT pg_relation_size('fresh')").toLongLong());
    QCOMPARE(db.scalar("SELECT count(*) FROM plain"), QStringLiteral("2000"));
}

void TestRelationSizes::indexesAndPartitionsCountTheirTables()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    run(w, "CREATE TABLE plain (id int PRIMARY KEY)");
    run(w, "INSERT INTO plain SELECT generate_series(1, 500)");
    run(w, "CREATE TABLE part (id int) PARTITION BY RANGE (id)");
    run(w, "CREATE TABLE part1 PARTITION OF part FOR VALUES FROM (0) TO (100)");
    run(w, "CREATE TABLE part2 PARTITION OF part FOR VALUES FROM (100) TO (300)");
    run(w, "INSERT INTO part SELECT generate_series(0, 299)");
    run(w, "ANALYZE plain");
    run(w, "ANALYZE part");

    const QStringList names = forecastNames(QStringLiteral("DROP INDEX plain_pkey"))
        + QStringList{QStringLiteral("part"), QStringLiteral("part2"), QString()};
    const Result<QList<RelationSize>> read = RelationSizes::read(w, names);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
    QCOMPARE(read.value().size(), 3); // the empty name ("every table") is not asked
    const RelationSize &index = read.value().at(0);
    QCOMPARE(index.resolved, QStringLiteral("plain_pkey"));
    QCOMPARE(index.table, QStringLiteral("plain"));
    QCOMPARE(index.rows, 500);
    const RelationSize &part = read.value().at(1);
    QCOMPARE(part.rows, 300);
    QVERIFY(!part.rowsUnknown);
    QCOMPARE(part.totalBytes,
             db.scalar("SELECT pg_total_relation_size('part1') + pg_total_relation_size('part2')")
                 .toLongLong());
    QCOMPARE(read.value().at(2).rows, 200);
}

void TestRelationSizes::nothingToAskIsNoQuery()
{
    PgConnection closed; // never opened: any query would fail
    const Result<QList<RelationSize>> read = RelationSizes::read(closed, {QString()});
    QVERIFY(read.ok());
    QVERIFY(read.value().isEmpty());
}

void TestRelationSizes::anImpossibleNameIsAnError()
{
    TestDatabase db;
    const Result<QList<RelationSize>> read
        = RelationSizes::read(db.witness(), {QStringLiteral("a.b.c.d")});
    QVERIFY(!read.ok());
    QVERIFY(!read.error().toString().isEmpty());
}

// JIT off for the read (its plan's cost estimate is high: compiling took 30-750 ms where the
// read takes 1-26 ms), in its own transaction and in the caller's, whose setting is set back.
void TestRelationSizes::theReadCompilesNoCode()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    QCOMPARE(w.scalar("SELECT pg_jit_available()"), QStringLiteral("t"));
    run(w, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    run(w, "CREATE TABLE plain (id int PRIMARY KEY)");
    run(w, "SET jit = on");
    run(w, "SET jit_above_cost = 0"); // any plan would be compiled
    QVERIFY(RelationSizes::read(w, {QStringLiteral("plain")}).ok());
    run(w, "BEGIN");
    QVERIFY(RelationSizes::read(w, {QStringLiteral("plain")}).ok());
    QCOMPARE(w.scalar("SHOW jit"), QStringLiteral("on"));
    run(w, "COMMIT");
    const QByteArray counted
        = "SELECT pg_catalog.sum(calls) || ' ' || pg_catalog.sum(jit_functions) "
          "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
          "WHERE datname = current_database()) AND query LIKE '%Live sizes of the relations%'";
    QCOMPARE(w.scalar(counted), QStringLiteral("2 0"));
}

QTEST_GUILESS_MAIN(TestRelationSizes)
#include "tst_relationsizes.moc"
