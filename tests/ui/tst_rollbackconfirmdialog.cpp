// Issue 21, point 9 (view): the rollback confirmation shows the whole preview of a multi-step
// rollback of the bundled schema (0018 back to 0015, a no-transaction step among them): the
// indexes 0015's down.sql drops are listed, object names are never elided (the tree scrolls
// sideways instead), and the note about the no-transaction step is a wrapped label, read whole.
#include "i18n/translations.h"
#include "ledger/migrationsource.h"
#include "migrate/rollbackpreview.h"
#include "migrations/rollbackconfirmdialog.h"
#include "platformdatabase.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTreeWidget>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

int depthOf(const QTreeWidgetItem *item)
{
    int depth = 0;
    for (const QTreeWidgetItem *p = item->parent(); p; p = p->parent())
        ++depth;
    return depth;
}

} // namespace

class TestRollbackConfirmDialog : public QObject
{
    Q_OBJECT

private slots:
    void multiStepPreviewIsShownWhole()
    {
        PlatformDatabase platform(QStringLiteral("tst_rollbackconfirmdialog"));
        MigrationSource source;
        QVERIFY(source.load(MigrationSource::bundledDir()));
        RollbackPreview preview(platform.connection, source.migrations());
        DownTarget target;
        target.kind = DownTarget::Kind::ToVersion;
        target.version = *MigrationVersion::parse(u"0014");
        const Result<RollbackImpact> impact = preview.run(target, 5000);
        QVERIFY2(impact, qPrintable(impact ? QString() : impact.error().toString()));

        RollbackConfirmDialog dialog(QStringLiteral("Roll back to 0014"), impact.value(),
                                     QString());
        dialog.resize(420, 500); // narrower than the longest names
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QTreeWidget *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("impactTree"));
        QVERIFY(tree);
        QCOMPARE(tree->textElideMode(), Qt::ElideNone);
        QStringList shown;
        const QFontMetrics fm(tree->font());
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            const QTreeWidgetItem *item = *it;
            shown << item->text(0);
            const int needed = tree->indentation() * (depthOf(item) + 1)
                + (item->icon(0).isNull() ? 0 : tree->iconSize().width())
                + fm.horizontalAdvance(item->text(0));
            QVERIFY2(tree->header()->sectionSize(0) >= needed,
                     qPrintable(QStringLiteral("%1: %2 px wide, needs %3")
                                    .arg(item->text(0))
                                    .arg(tree->header()->sectionSize(0))
                                    .arg(needed)));
        }
        for (const char *index :
             {"idx_agent_capability_metrics_capability_time",
              "idx_persona_analytics_metric_persona_time", "idx_persona_analytics_metric_time"})
            QVERIFY2(shown.contains(QLatin1String(index)), qPrintable(shown.join(u'\n')));

        auto *notes = dialog.findChild<QLabel *>(QStringLiteral("impactNotes"));
        QVERIFY2(notes, "no notes label: the notes are tree rows, elided at the edge");
        QVERIFY(notes->isVisible());
        QVERIFY(notes->wordWrap());
        QVERIFY2(notes->text().contains(
                     QStringLiteral("0015_analytics_indexes runs outside a transaction: what it "
                                    "drops is read from its down.sql, not run in the preview")),
                 qPrintable(notes->text()));
        // wrapped within the dialog, not cut at its edge
        QVERIFY(notes->geometry().right() <= dialog.contentsRect().right());
        QVERIFY(notes->height() >= notes->heightForWidth(notes->width()));
    }

    // Issue 21, point 12: in German no English word is left: the kinds (from the catalog), the
    // "on" between a trigger and its table, the plural of the row count ("Zeile(n)").
    void germanPreviewHasNoEnglishParts()
    {
        PlatformDatabase platform(QStringLiteral("tst_rollbackconfirmdialog"));
        MigrationSource source;
        QVERIFY(source.load(MigrationSource::bundledDir()));
        RollbackPreview preview(platform.connection, source.migrations());
        DownTarget target;
        // 0019 to 0017: among what goes, 0017's table with its function and triggers
        target.kind = DownTarget::Kind::ToVersion;
        target.version = *MigrationVersion::parse(u"0016");
        const Result<RollbackImpact> impact = preview.run(target, 5000);
        QVERIFY2(impact, qPrintable(impact ? QString() : impact.error().toString()));

        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        const auto english = qScopeGuard(
            [] { Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)); });
        RollbackConfirmDialog dialog(QStringLiteral("Zurückrollen"), impact.value(), QString());
        auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("impactTree"));
        QVERIFY(tree);
        QStringList texts;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            texts << label->text();
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            texts << (*it)->text(0) + u'\t' + (*it)->text(1);
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("Funktion"))
                     && all.contains(QStringLiteral("Trigger")),
                 qPrintable(all));
        static const QRegularExpression leftOver(
            QStringLiteral("\\b(function|trigger|table|index|constraint|sequence|view|on|rows?)\\b"
                           "|\\(n\\)|\\(s\\)"));
        const QRegularExpressionMatch found = leftOver.match(all);
        QVERIFY2(!found.hasMatch(),
                 qPrintable(QStringLiteral("\"%1\" in:\n%2").arg(found.captured(0), all)));
    }
};

QTEST_MAIN(TestRollbackConfirmDialog)
#include "tst_rollbackconfirmdialog.moc"
