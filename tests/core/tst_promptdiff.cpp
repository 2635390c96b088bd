// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// Version diffs as data: LineDiff's word diff and side-by-side rows, and PromptVersionDiff
// (texts by line, parameters apart, "identical" stated).
#include "prompts/promptversiondiff.h"
#include "pseudotranslator.h"
#include "util/linediff.h"

#include <QtTest>

using namespace uaip;

namespace {

PromptVersion version(int no, const QString &text, double temperature = 0.5,
                      std::optional<QString> tmpl = {})
{
    PromptVersion v;
    v.versionNo = no;
    v.content.systemPrompt = text;
    v.content.userPromptTemplate = tmpl;
    v.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
    v.content.temperature = temperature;
    v.content.maxTokens = 1000;
    return v;
}

QString joined(const QList<LineDiff::Segment> &segments, LineDiff::Line::Kind kind)
{
    QString out;
    for (const LineDiff::Segment &s : segments)
        if (s.kind == kind)
            out += u'[' + s.text + u']';
    return out;
}

} // namespace

class TestPromptDiff : public QObject
{
    Q_OBJECT

private slots:
    void wordDiffInsideALine()
    {
        const LineDiff::WordDiff w
            = LineDiff::wordDiff(QStringLiteral("You are a careful reviewer."),
                                 QStringLiteral("You are a strict, careful reviewer!"));
        QCOMPARE(joined(w.before, LineDiff::Line::Kind::Removed), QStringLiteral("[.]"));
        QCOMPARE(joined(w.after, LineDiff::Line::Kind::Added), QStringLiteral("[strict, ][!]"));
        QString before;
        for (const auto &s : w.before)
            before += s.text;
        QCOMPARE(before, QStringLiteral("You are a careful reviewer."));
    }

    void sideBySidePairsChangedLines()
    {
        const LineDiff d(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
            {QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("c"), QStringLiteral("d"),
             QStringLiteral("e")},
            1);
        const QList<LineDiff::Row> rows = d.sideBySide();
        using K = LineDiff::Row::Kind;
        QList<K> kinds;
        for (const auto &r : rows)
            kinds << r.kind;
        QCOMPARE(kinds, (QList<K>{K::Context, K::Changed, K::Context, K::Context, K::Added}));
        QCOMPARE(rows[1].oldNo, 2);
        QCOMPARE(rows[1].newNo, 2);
        QCOMPARE(rows[1].words.after.first().text, QStringLiteral("B"));
        QCOMPARE(rows[4].oldNo, 0);
        QCOMPARE(rows[4].newNo, 5);
    }

    void sideBySideSeparatesHunks()
    {
        QStringList a;
        for (int i = 1; i <= 20; ++i)
            a << QString::number(i);
        QStringList b = a;
        b[1] = QStringLiteral("two");
        b[17] = QStringLiteral("eighteen");
        const QList<LineDiff::Row> rows = LineDiff(a, b, 1).sideBySide();
        QCOMPARE(rows.size(), 7); // 3 + gap + 3
        QCOMPARE(rows[3].kind, LineDiff::Row::Kind::Gap);
        QCOMPARE(rows[5].oldNo, 18);
    }

    void identicalVersions()
    {
        const PromptVersionDiff d(version(3, QStringLiteral("same\ntext\n")),
                                  version(5, QStringLiteral("same\ntext\n")));
        QVERIFY(d.identical());
        QCOMPARE(d.summary(), QStringLiteral("Versions 3 and 5 are identical."));
        QCOMPARE(d.unifiedLines(), QStringList{QStringLiteral("Versions 3 and 5 are identical.")});
    }

    void parametersApart()
    {
        const PromptVersionDiff d(version(1, QStringLiteral("same")),
                                  version(2, QStringLiteral("same"), 0.7));
        QVERIFY(!d.identical());
        QVERIFY(d.systemPrompt().identical());
        QCOMPARE(d.parameters().size(), 1);
        QCOMPARE(d.parameters().first().field, QStringLiteral("temperature"));
        QCOMPARE(d.parameters().first().before, QStringLiteral("0.50"));
        QCOMPARE(d.parameters().first().after, QStringLiteral("0.70"));
        QCOMPARE(d.summary(),
                 QStringLiteral("Versions 1 and 2 differ: temperature: 0.50 -> 0.70."));
    }

    void textsAndTemplate()
    {
        const PromptVersionDiff d(
            version(1, QStringLiteral("a\nb\nc")),
            version(2, QStringLiteral("a\nB\nc"), 0.5, QStringLiteral("Hello {{x}}")));
        QCOMPARE(d.systemPrompt().removedCount(), 1);
        QCOMPARE(d.systemPrompt().addedCount(), 1);
        QVERIFY(d.userTemplatePresenceChanged());
        const QStringList u = d.unifiedLines();
        QCOMPARE(u.first(), QStringLiteral("--- system_prompt (version 1)"));
        QVERIFY(u.contains(QStringLiteral("-b")));
        QVERIFY(u.contains(QStringLiteral("+B")));
        QVERIFY(u.contains(QStringLiteral("+Hello {{x}}")));
    }

    void summaryIsTranslated()
    {
        // Every sentence through tr() in the context the .ts file has; %n (lines removed)
        // filled in after translating; parameter names and values as they are.
        test::PseudoTranslator translator("uaip::PromptVersionDiff");
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const PromptVersionDiff d(version(1, QStringLiteral("a\nb\nc")),
                                  version(2, QStringLiteral("a\nB\nC"), 0.7));
        QCOMPARE(d.summary(),
                 QStringLiteral("«Versions 1 and 2 differ: ««system prompt»: 2 line(s) removed, 2 "
                                "added»; temperature: 0.50 -> 0.70.»"));
        QCOMPARE(d.unifiedLines().first(), QStringLiteral("«--- system_prompt (version 1)»"));
        QCOMPARE(d.unifiedLines().last(), QStringLiteral("temperature: 0.50 -> 0.70"));
    }
};

QTEST_GUILESS_MAIN(TestPromptDiff)
#include "tst_promptdiff.moc"
