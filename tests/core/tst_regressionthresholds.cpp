// Issue 59, point 5: `insights since` judges a statement slower or faster by a ratio and a floor
// per call (RegressionThresholds: 1.5x and 1 ms by default, --min-ratio and --min-ms), so that
// 0.041 -> 0.066 ms over 10 calls is noise, not a regression (exit 3), and shows what became
// faster (178 -> 9.6 ms) as well as what became slower.
#include "insights/regressioncheck.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

SnapshotQuery query(const QString &id, qint64 calls, double meanMs, double cost = -1)
{
    SnapshotQuery q;
    q.queryId = id;
    q.query = QStringLiteral("SELECT ") + id;
    q.calls = calls;
    q.totalMs = meanMs * double(calls);
    q.plan = QStringLiteral("Seq Scan");
    q.cost = cost;
    return q;
}

// The snapshot (before) and the counters now of statements, each (calls before, mean before,
// calls since, mean since): now's counters are cumulative.
struct Case
{
    WorkloadSnapshot snapshot;
    QHash<QString, SnapshotQuery> now;

    void add(const QString &id, qint64 callsBefore, double meanBefore, qint64 callsSince,
             double meanSince, double costBefore = -1, double costNow = -1)
    {
        snapshot.queries << query(id, callsBefore, meanBefore, costBefore);
        SnapshotQuery n = query(id, callsBefore + callsSince, 0, costNow);
        n.totalMs = meanBefore * double(callsBefore) + meanSince * double(callsSince);
        now.insert(id, n);
    }
    QHash<QString, QueryRegression> judged(const RegressionThresholds &t = {}) const
    {
        QHash<QString, QueryRegression> out;
        for (const QueryRegression &r : RegressionCheck::compare(snapshot, now, {}, t))
            out.insert(r.queryId, r);
        return out;
    }
};

} // namespace

class TestRegressionThresholds : public QObject
{
    Q_OBJECT

private slots:
    void noiseIsNeitherSlowerNorFaster()
    {
        Case c;
        c.add(QStringLiteral("noise"), 10, 0.041, 10, 0.066);
        c.add(QStringLiteral("few"), 10, 2.0, 9, 9.0); // 9 calls since: not enough to tell
        const auto r = c.judged();
        for (const QString &id : {QStringLiteral("noise"), QStringLiteral("few")}) {
            QVERIFY2(!r[id].regressed && !r[id].improved, qPrintable(id + u' ' + r[id].why));
            QVERIFY(r[id].why.isEmpty() && r[id].improvement.isEmpty());
        }
        // with no floor, 1.6x is slower
        RegressionThresholds noFloor;
        noFloor.minMs = 0;
        QVERIFY(c.judged(noFloor)[QStringLiteral("noise")].regressed);
    }

    void slowerAndFasterBothNamed()
    {
        Case c;
        c.add(QStringLiteral("same"), 30, 4.0, 30, 4.5);
        c.add(QStringLiteral("faster"), 30, 178.0, 30, 9.6);
        c.add(QStringLiteral("slower"), 30, 2.0, 30, 5.0);
        c.add(QStringLiteral("cheaper"), 30, 1.0, 30, 1.0, 1000.0, 20.0);
        c.add(QStringLiteral("costlier"), 30, 1.0, 30, 1.0, 20.0, 1000.0);
        const QList<QueryRegression> all = RegressionCheck::compare(c.snapshot, c.now, {});
        QStringList order;
        for (const QueryRegression &r : all)
            order << r.queryId;
        QCOMPARE(order, (QStringList{"slower", "costlier", "faster", "cheaper", "same"}));
        const auto r = c.judged();
        QVERIFY(r["slower"].regressed && !r["slower"].improved);
        QCOMPARE(r["slower"].why,
                 QStringLiteral("mean time 2.000 ms -> 5.000 ms over 30 call(s) since"));
        QVERIFY(r["faster"].improved && !r["faster"].regressed);
        QCOMPARE(r["faster"].improvement,
                 QStringLiteral("mean time 178.000 ms -> 9.600 ms over 30 call(s) since"));
        QVERIFY(r["cheaper"].improved);
        QVERIFY(r["cheaper"].improvement.startsWith(QLatin1String("plan cost 1000.00 -> 20.00")));
        QVERIFY(r["costlier"].regressed);
        QVERIFY(!r["same"].regressed && !r["same"].improved);
        // a higher ratio: 2.5x is no longer slower
        RegressionThresholds strict;
        strict.ratio = 3;
        QVERIFY(!c.judged(strict)["slower"].regressed);
        QVERIFY(c.judged(strict)["faster"].improved);
    }

    // The options reach the check; a value out of range is a usage error naming the option.
    void optionsChecked()
    {
        TestDatabase db;
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--min-ratio"), QStringLiteral("0.5")},
              QStringList{QStringLiteral("--min-ms"), QStringLiteral("-1")},
              QStringList{QStringLiteral("--min-ms"), QStringLiteral("x")}}) {
            const Run r = migrate(db.conninfo(),
                                  QStringList{QStringLiteral("insights"), QStringLiteral("since"),
                                              QStringLiteral("0001")}
                                      + bad);
            QVERIFY2(r.exitCode == 2 && r.err.contains(bad.first() + u' ' + bad.last()),
                     qPrintable(r.err + r.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegressionThresholds)
#include "tst_regressionthresholds.moc"
