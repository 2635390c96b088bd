// Two EXPLAIN ANALYZE plans side by side (PlanComparison) against the real sandbox: the same
// query without and with an index. Per node kind the exclusive times of each plan and their
// difference, the largest difference first, adding up to the plans' totals; the Seq Scan of
// the first plan paired with the Index Scan of the second (same relation and alias).
#include "explain/explainrunner.h"
#include "explain/plancomparison.h"
#include "explaintestutil.h"
#include "testdatabase.h"

#include <QTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kQuery = "SELECT t.v, count(*) FROM t JOIN u ON u.t_id = t.id "
                          "WHERE t.id BETWEEN 1000 AND 1010 GROUP BY t.v";

ExplainPlan explainAnalyze(PgConnection &pg)
{
    ExplainOptions options;
    options.analyze = true;
    Result<ExplainResult> r = ExplainRunner::explain(pg, kQuery, options);
    if (!r.ok())
        qFatal("explain: %s", qPrintable(r.error().toString()));
    return r.value().plan;
}

int nodeOfKind(const ExplainPlan &plan, const QString &kind, const QString &relation)
{
    for (const PlanNode &n : plan.nodes())
        if (n.nodeType == kind && n.relation == relation)
            return n.id;
    return -1;
}

} // namespace

class TestPlanComparison : public QObject
{
    Q_OBJECT

private slots:
    void withAndWithoutAnIndex()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        for (const char *sql : {"CREATE TABLE t (id int, v int)", "CREATE TABLE u (t_id int)",
                                "INSERT INTO t SELECT i, i % 7 FROM generate_series(1, 300000) i",
                                "INSERT INTO u SELECT i % 2000 FROM generate_series(1, 20000) i",
                                "ANALYZE t", "ANALYZE u"})
            QVERIFY2(w.execScript(sql).ok(), sql);
        PgConnection pg;
        QVERIFY(pg.open(db.conninfo()));
        QVERIFY(pg.exec("SET max_parallel_workers_per_gather = 0").ok());
        const ExplainPlan before = explainAnalyze(pg);
        QVERIFY(w.exec("CREATE INDEX t_id ON t (id)").ok());
        QVERIFY(w.exec("ANALYZE t").ok());
        const ExplainPlan after = explainAnalyze(pg);

        const int seq = nodeOfKind(before, QStringLiteral("Seq Scan"), QStringLiteral("t"));
        QVERIFY(seq >= 0);
        QVERIFY(nodeOfKind(after, QStringLiteral("Seq Scan"), QStringLiteral("t")) < 0);
        int index = nodeOfKind(after, QStringLiteral("Index Scan"), QStringLiteral("t"));
        if (index < 0)
            index = nodeOfKind(after, QStringLiteral("Bitmap Heap Scan"), QStringLiteral("t"));
        QVERIFY(index >= 0);

        const PlanComparison cmp(before, after);
        QVERIFY(cmp.inMs());
        qInfo("without index %.3f ms, with %.3f ms", cmp.totalA(), cmp.totalB());
        QVERIFY(std::abs(cmp.totalA() - exclusiveSum(before)) < 1e-9);
        QVERIFY(std::abs(cmp.totalB() - exclusiveSum(after)) < 1e-9);
        double a = 0;
        double b = 0;
        for (const PlanKindDelta &k : cmp.kinds()) {
            a += k.a;
            b += k.b;
            qInfo("%-20s %d %10.3f  %d %10.3f  %+10.3f", qPrintable(k.kind), k.countA, k.a,
                  k.countB, k.b, k.delta());
        }
        QVERIFY(std::abs(a - cmp.totalA()) < 1e-6);
        QVERIFY(std::abs(b - cmp.totalB()) < 1e-6);
        // the sequential scan of 300,000 rows is what the index saves: the largest difference
        const PlanKindDelta &top = cmp.kinds().first();
        QCOMPARE(top.kind, QStringLiteral("Seq Scan"));
        QVERIFY(top.delta() < 0);
        for (int i = 1; i < cmp.kinds().size(); ++i)
            QVERIFY(std::abs(cmp.kinds().at(i).delta()) <= std::abs(cmp.kinds().at(i - 1).delta()));
        // the scan of t is paired across the plans, both ways; the roots pair by kind
        QCOMPARE(cmp.matchInB(seq), index);
        QCOMPARE(cmp.matchInA(index), seq);
        QCOMPARE(cmp.matchInB(0), 0);
        const int seqU = nodeOfKind(before, QStringLiteral("Seq Scan"), QStringLiteral("u"));
        QCOMPARE(cmp.matchInB(seqU),
                 nodeOfKind(after, QStringLiteral("Seq Scan"), QStringLiteral("u")));

        // a plan without ANALYZE: costs on both sides
        Result<ExplainResult> estimate = ExplainRunner::explain(pg, kQuery, ExplainOptions());
        QVERIFY(estimate.ok());
        const PlanComparison costs(before, estimate.value().plan);
        QVERIFY(!costs.inMs());
        double cost = 0;
        for (const PlanNode &n : estimate.value().plan.nodes())
            cost += n.exclusiveCost;
        QVERIFY(cost > 0);
        QVERIFY(std::abs(costs.totalB() - cost) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestPlanComparison)
#include "tst_plancomparison.moc"
