// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// LineDiff on plain strings: the hunks (ranges, context, marked lines) and the unified text
// are checked exactly against what `diff -u` prints for the same inputs.
#include "util/linediff.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace uaip;

namespace {

using Kind = LineDiff::Line::Kind;

QStringList numbered(int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << QString::number(i);
    return out;
}

// Applies the hunks to 'before'; a correct diff gives 'after' back.
QStringList patch(const QStringList &before, const QList<LineDiff::Hunk> &hunks)
{
    QStringList out;
    int next = 0; // index into before
    for (const LineDiff::Hunk &h : hunks) {
        const int start = h.oldCount ? h.oldStart - 1 : h.oldStart;
        while (next < start)
            out << before[next++];
        for (const LineDiff::Line &l : h.lines) {
            if (l.kind != Kind::Added) {
                if (before.value(next) != l.text)
                    return {QStringLiteral("<mismatch at %1>").arg(next)};
                ++next;
            }
            if (l.kind != Kind::Removed)
                out << l.text;
        }
    }
    while (next < before.size())
        out << before[next++];
    return out;
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private slots:
    void identicalTextsHaveNoHunks()
    {
        const LineDiff d(numbered(1, 50), numbered(1, 50));
        QVERIFY(d.identical());
        QVERIFY(d.unifiedText().isEmpty());
        QVERIFY(LineDiff({}, {}).identical());
    }

    void oneChangedLineWithThreeContextLines()
    {
        QStringList after = numbered(1, 10);
        after[4] = QStringLiteral("X");
        const LineDiff d(numbered(1, 10), after);
        QCOMPARE(d.hunks().size(), 1);
        const LineDiff::Hunk &h = d.hunks()[0];
        QCOMPARE(h.header(), QStringLiteral("@@ -2,7 +2,7 @@"));
        QCOMPARE(h.lines.size(), 8);
        QCOMPARE(h.lines[3], (LineDiff::Line{Kind::Removed, QStringLiteral("5")}));
        QCOMPARE(h.lines[4], (LineDiff::Line{Kind::Added, QStringLiteral("X")}));
        QCOMPARE(d.unifiedText(),
                 QStringLiteral("@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"));
        QCOMPARE(d.removedCount(), 1);
        QCOMPARE(d.addedCount(), 1);
    }

    void singleLineTexts()
    {
        const LineDiff d({QStringLiteral("a")}, {QStringLiteral("b")});
        QCOMPARE(d.unifiedText(), QStringLiteral("@@ -1 +1 @@\n-a\n+b\n"));
    }

    void insertAtStart()
    {
        const LineDiff d(numbered(1, 6), numbered(0, 6));
        QCOMPARE(d.unifiedText(), QStringLiteral("@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n"));
    }

    void insertAtEnd()
    {
        const LineDiff d(numbered(1, 6), numbered(1, 8));
        QCOMPARE(d.unifiedText(), QStringLiteral("@@ -4,3 +4,5 @@\n 4\n 5\n 6\n+7\n+8\n"));
    }

    void fromAndToNothing()
    {
        QCOMPARE(LineDiff({}, numbered(1, 2)).unifiedText(),
                 QStringLiteral("@@ -0,0 +1,2 @@\n+1\n+2\n"));
        QCOMPARE(LineDiff(numbered(1, 2), {}).unifiedText(),
                 QStringLiteral("@@ -1,2 +0,0 @@\n-1\n-2\n"));
    }

    void pureDeletionInTheMiddle()
    {
        QStringList after = numbered(1, 10);
        after.removeAt(4);
        QCOMPARE(LineDiff(numbered(1, 10), after).unifiedText(),
                 QStringLiteral("@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n"));
    }

    void nearbyChangesShareAHunk()
    {
        // 6 unchanged lines between two changes: within 2 x context, one hunk (as diff -u).
        QStringList after = numbered(1, 16);
        after[1] = QStringLiteral("A");
        after[8] = QStringLiteral("B");
        const LineDiff d(numbered(1, 16), after);
        QCOMPARE(d.hunks().size(), 1);
        QCOMPARE(d.hunks()[0].header(), QStringLiteral("@@ -1,12 +1,12 @@"));
    }

    void distantChangesGetTwoHunks()
    {
        QStringList after = numbered(1, 16);
        after[1] = QStringLiteral("A");
        after[14] = QStringLiteral("B");
        const LineDiff d(numbered(1, 16), after);
        QCOMPARE(d.unifiedText(),
                 QStringLiteral("@@ -1,5 +1,5 @@\n 1\n-2\n+A\n 3\n 4\n 5\n"
                                "@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n+B\n 16\n"));
    }

    void contextIsAParameter()
    {
        QStringList after = numbered(1, 10);
        after[4] = QStringLiteral("X");
        QCOMPARE(LineDiff(numbered(1, 10), after, 0).unifiedText(),
                 QStringLiteral("@@ -5 +5 @@\n-5\n+X\n"));
        QCOMPARE(LineDiff(numbered(1, 10), after, 1).unifiedText(),
                 QStringLiteral("@@ -4,3 +4,3 @@\n 4\n-5\n+X\n 6\n"));
    }

    void changedRunListsRemovedLinesFirst()
    {
        const QStringList before{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("d")};
        const QStringList after{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("y"),
                                QStringLiteral("d")};
        QCOMPARE(LineDiff(before, after).unifiedText(),
                 QStringLiteral("@@ -1,4 +1,4 @@\n a\n-b\n-c\n+x\n+y\n d\n"));
    }

    void splitLinesEndsAtTheLastNewline()
    {
        QCOMPARE(LineDiff::splitLines(QStringLiteral("a\nb\n")), QStringList({"a", "b"}));
        QCOMPARE(LineDiff::splitLines(QStringLiteral("a\nb")), QStringList({"a", "b"}));
        QCOMPARE(LineDiff::splitLines(QStringLiteral("a\n\n")), QStringList({"a", ""}));
        QCOMPARE(LineDiff::splitLines(QString()), QStringList());
    }

    void longTextsWithFewChanges()
    {
        // 20000 lines, three edits far apart: three hunks, exact ranges, the shortest edit
        // script (how fast is for a benchmark, not asserted here).
        const QStringList before = numbered(1, 20000);
        QStringList after = before;
        after[99] = QStringLiteral("changed");
        after.insert(10000, QStringLiteral("inserted"));
        after.removeAt(19000); // old line 19000
        const LineDiff d(before, after);
        QCOMPARE(d.removedCount(), 2); // old lines 100 and 19000
        QCOMPARE(d.addedCount(), 2); // "changed" and "inserted"
        QCOMPARE(d.hunks().size(), 3);
        QCOMPARE(d.hunks()[0].header(), QStringLiteral("@@ -97,7 +97,7 @@"));
        QCOMPARE(d.hunks()[1].header(), QStringLiteral("@@ -9998,6 +9998,7 @@"));
        QCOMPARE(d.hunks()[2].header(), QStringLiteral("@@ -18997,7 +18998,6 @@"));
        QCOMPARE(patch(before, d.hunks()), after);
    }

    void randomEditsPatchBack()
    {
        // Whatever the edits, applying the hunks to 'before' gives 'after'.
        QRandomGenerator rng(20261122);
        for (int round = 0; round < 300; ++round) {
            QStringList before;
            const int n = int(rng.bounded(30));
            for (int i = 0; i < n; ++i)
                before << QString::number(rng.bounded(6));
            QStringList after = before;
            const int edits = int(rng.bounded(6));
            for (int e = 0; e < edits; ++e) {
                const int at = after.isEmpty() ? 0 : int(rng.bounded(int(after.size()) + 1));
                switch (rng.bounded(3)) {
                case 0:
                    after.insert(at, QString::number(rng.bounded(6)));
                    break;
                case 1:
                    if (at < after.size())
                        after.removeAt(at);
                    break;
                default:
                    if (at < after.size())
                        after[at] = QStringLiteral("x");
                }
            }
            for (int context : {0, 1, 3}) {
                const LineDiff d(before, after, context);
                QCOMPARE(patch(before, d.hunks()), after);
                QCOMPARE(d.identical(), before == after);
                for (const LineDiff::Hunk &h : d.hunks()) {
                    int oldCount = 0;
                    int newCount = 0;
                    for (const LineDiff::Line &l : h.lines) {
                        oldCount += l.kind != Kind::Added;
                        newCount += l.kind != Kind::Removed;
                    }
                    QCOMPARE(h.oldCount, oldCount);
                    QCOMPARE(h.newCount, newCount);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
