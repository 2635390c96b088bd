// Issue 34, point 8: in German, the sandbox profile is "Lokale Sandbox" (it was "Local
// sandbox"), the Analytics jobs are named by the panels' German titles (they read "Analyse:
// tokens"), Activity's ages use the decimal comma ("44,2 s", not "44.2 s"), the statistics
// tables' German headers are not cut, and the Prompts list's success rates fit their column
// ("94,…" before). German installed explicitly, as tst_germanui does.
#include "activity/activityage.h"
#include "activity/activityview.h"
#include "analytics/metricsjob.h"
#include "connections/connectionbar.h"
#include "i18n/translations.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptlistpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

using namespace uaip;

class TestGermanStrings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("uaip-test-germanstrings"));
        QSettings().clear();
        const Translations::Loaded loaded
            = Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.application);
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void sandboxProfileIsGerman()
    {
        QWidget window;
        ConnectionBar bar(&window);
        ConnectionProfile other;
        other.name = QStringLiteral("staging");
        bar.setProfiles({ConnectionProfile::localSandbox(), other},
                        ConnectionProfile::sandboxName());
        QCOMPARE(bar.switcher()->itemText(0), QStringLiteral("Lokale Sandbox"));
        // the stored name stays the key
        QCOMPARE(bar.switcher()->itemData(0).toString(), ConnectionProfile::sandboxName());
        QCOMPARE(bar.switcher()->itemText(1), QStringLiteral("staging"));
    }

    void analyticsJobsAreNamedInGerman()
    {
        for (const MetricsPanel panel :
             {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
              MetricsPanel::Interactions, MetricsPanel::Tokens}) {
            MetricsRequest r;
            r.panel = panel;
            const MetricsJob job(r, 1);
            QVERIFY2(job.title().startsWith(QStringLiteral("Analyse: ")), qPrintable(job.title()));
            const QString what = job.title().mid(9);
            QVERIFY2(what != metricsPanelName(panel) && what.at(0).isUpper(),
                     qPrintable(job.title()));
        }
    }

    void agesUseTheDecimalComma()
    {
        QCOMPARE(ActivityAge::text(44200), QStringLiteral("44,2 s"));
        QCOMPARE(ActivityAge::text(1500), QStringLiteral("1,5 s"));
        QCOMPARE(ActivityAge::text(950), QStringLiteral("950 ms"));
        QCOMPARE(ActivityAge::text(3 * 86400000LL + 7200000), QStringLiteral("3 d 2 h"));
    }

    // Every header of the statistics tables is as wide as its German text needs.
    void statisticsHeadersAreWhole()
    {
        ActivityView view;
        view.resize(1024, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const char *name : {"activityTableStats", "activityIndexStats"}) {
            auto *table = view.findChild<QTableView *>(QLatin1String(name));
            QVERIFY(table);
            QHeaderView *header = table->horizontalHeader();
            for (int i = 0; i < header->count(); ++i) {
                const QString text = table->model()->headerData(i, Qt::Horizontal).toString();
                QVERIFY2(header->sectionSize(i) >= header->sectionSizeHint(i),
                         qPrintable(QStringLiteral("%1: %2 px for %3 px")
                                        .arg(text)
                                        .arg(header->sectionSize(i))
                                        .arg(header->sectionSizeHint(i))));
            }
        }
    }

    // The success rates arrive after the rows: their column grows to hold them.
    void successRatesFitTheirColumn()
    {
        PromptListPanel panel;
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QList<PromptSummary> rows;
        for (int i = 0; i < 3; ++i) {
            PromptSummary p;
            p.id = QStringLiteral("id%1").arg(i);
            p.promptId = QStringLiteral("prompt-%1").arg(i);
            p.name = QStringLiteral("Prompt %1").arg(i);
            p.promptType = QStringLiteral("system");
            p.currentVersion = 1;
            rows << p;
        }
        panel.setPrompts(rows, QString(), true);
        QHash<QString, PromptLister::Usage> usage;
        for (int i = 0; i < 3; ++i) {
            PromptLister::Usage u;
            u.interactions = 123456;
            u.successRate = i == 0 ? 1.0 : 0.942 + i * 0.01; // "100,0 %" is the widest
            u.meanLatencyMs = 12345.6;
            usage.insert(QStringLiteral("id%1").arg(i), u);
        }
        panel.setUsage(usage);
        auto *table = panel.findChild<QTableView *>();
        QVERIFY(table);
        for (const int column : {PromptListModel::Interactions, PromptListModel::SuccessRate,
                                 PromptListModel::Latency})
            for (int row = 0; row < 3; ++row) {
                const QModelIndex index = table->model()->index(row, column);
                const QString text = index.data().toString();
                // What the cell needs: the text and the delegate's margins.
                QStyleOptionViewItem option;
                option.initFrom(table);
                option.widget = table;
                const int needed
                    = table->itemDelegateForIndex(index)->sizeHint(option, index).width();
                QVERIFY2(table->columnWidth(column) >= needed,
                         qPrintable(QStringLiteral("%1: %2 px for %3 px")
                                        .arg(text)
                                        .arg(table->columnWidth(column))
                                        .arg(needed)));
                if (column == PromptListModel::SuccessRate)
                    QVERIFY2(text.contains(u','), qPrintable(text));
            }
    }
};

QTEST_MAIN(TestGermanStrings)
#include "tst_germanstrings.moc"
