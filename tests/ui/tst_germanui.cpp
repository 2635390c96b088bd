// Issue 13: with German installed (explicitly, not through LANG) the window speaks German — its
// menus from uaip_de.qm, Qt's own standard buttons from qtbase_de.qm — and formats numbers the
// German way.
#include "analytics/analyticspanel.h"
#include "browse/saveplan.h"
#include "browser/savepreviewdialog.h"
#include "i18n/translations.h"
#include "shell/languagemenu.h"
#include "shell/mainwindow.h"
#include "shell/startpage.h"
#include "testcluster.h"
#include "widgets/localeformat.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace uaip;

namespace {

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

} // namespace

class TestGermanUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("uaip-test-germanui"));
        QSettings().clear();
        const Translations::Loaded loaded
            = Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.application);
        QVERIFY(loaded.qt);
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void menusAreGerman()
    {
        MainWindow window(MainWindow::Options{});
        QStringList titles;
        for (QAction *a : window.menuBar()->actions())
            titles << withoutMnemonic(a->text());
        for (const char *german : {"Verbindung", "Ansicht", "Migrationen", "Hilfe"})
            QVERIFY2(titles.contains(QString::fromUtf8(german)),
                     qPrintable(QStringLiteral("%1 not in %2 (translations/uaip_de.ts)")
                                    .arg(QString::fromUtf8(german), titles.join(u", "))));
        // View > Language lists the languages by their own names.
        auto *language = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(language);
        QStringList entries;
        for (QAction *a : language->actions())
            if (!a->isSeparator())
                entries << a->text();
        QVERIFY2(entries.contains(QStringLiteral("Deutsch")), qPrintable(entries.join(u", ")));
        QVERIFY2(entries.contains(QStringLiteral("English")), qPrintable(entries.join(u", ")));
    }

    // The start page's quick tour names every view of the side bar, in German too.
    void startPageNamesEveryView()
    {
        MainWindow window(MainWindow::Options{});
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        const QString description = window.startPage()->tourButton()->description();
        QVERIFY2(description.contains(QStringLiteral("neun Ansichten")), qPrintable(description));
        for (int i = 0; i < sidebar->count(); ++i)
            QVERIFY2(description.contains(sidebar->item(i)->text()),
                     qPrintable(sidebar->item(i)->text() + u'\n' + description));
    }

    // View > Language stores the choice for the next start and says it takes effect then.
    void theLanguageMenuStoresTheChoice()
    {
        LanguageMenu menu;
        QCOMPARE(LanguageMenu::stored(), QString());
        QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
        bool told = false;
        QTimer::singleShot(0, this, [&told] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            told = true;
            QApplication::activeModalWidget()->close();
        });
        auto *german = menu.findChild<QAction *>(QStringLiteral("language_de"));
        QVERIFY(german);
        german->trigger();
        QVERIFY(told);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(LanguageMenu::stored(), QStringLiteral("de"));
        QCOMPARE(QSettings().value(Translations::settingsKey()).toString(), QStringLiteral("de"));
        qunsetenv(Translations::kEnvironmentVariable);
        QCOMPARE(Translations::choose(LanguageMenu::stored()).language(), QLocale::German);
        qputenv(Translations::kEnvironmentVariable, "en");

        // "System default" removes the override.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QApplication::activeModalWidget()->close();
        });
        menu.findChild<QAction *>(QStringLiteral("language_system"))->trigger();
        QCOMPARE(LanguageMenu::stored(), QString());
        QVERIFY(!QSettings().contains(Translations::settingsKey()));
    }

    void qtsOwnButtonsAreGerman()
    {
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(withoutMnemonic(box.button(QDialogButtonBox::Cancel)->text()),
                 QStringLiteral("Abbrechen"));
        QMessageBox message(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                            QMessageBox::Yes | QMessageBox::No);
        QCOMPARE(withoutMnemonic(message.button(QMessageBox::Yes)->text()), QStringLiteral("Ja"));
        QCOMPARE(withoutMnemonic(message.button(QMessageBox::No)->text()), QStringLiteral("Nein"));
    }

    void numbersAreGerman()
    {
        QCOMPARE(LocaleFormat::milliseconds(1234), QStringLiteral("1.234 ms"));
        QCOMPARE(LocaleFormat::timeWithSeconds(QTime(15, 4, 5)), QStringLiteral("15:04:05"));
        // Issue 21, point 12: an ISO timestamp of the ledger, shown in local time the German way
        // with a four-digit year and seconds, as English shows them (was "01.03.26 13:00").
        const QString shown = LocaleFormat::isoDateTime(QStringLiteral("2026-03-01T12:00:05Z"));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d\\.03\\.2026 \\d\\d:\\d\\d:05$"))
                     .match(shown)
                     .hasMatch(),
                 qPrintable(shown));
        QCOMPARE(LocaleFormat::dateTime(QDateTime(QDate(2026, 11, 22), QTime(21, 26, 5), Qt::UTC),
                                        false),
                 QStringLiteral("22.11.2026 21:26:05"));
        QCOMPARE(LocaleFormat::isoDateTime(QStringLiteral("not a date")),
                 QStringLiteral("not a date"));
    }

    // Issue 21, point 12: the chart's date axis in the German order ("11. Sept.", not
    // "Sept. 11"), English keeps its own.
    void axisDatesInTheLocalesOrder()
    {
        QCOMPARE(LocaleFormat::dayMonthFormat(), QStringLiteral("d. MMM"));
        QCOMPARE(QLocale().toString(QDate(2026, 9, 11), LocaleFormat::dayMonthFormat()),
                 QStringLiteral("11. Sept."));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString english = LocaleFormat::dayMonthFormat();
        const QString englishDate = LocaleFormat::dateTime(
            QDateTime(QDate(2026, 11, 22), QTime(21, 26, 5), Qt::UTC), false);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(english, QStringLiteral("MMM d"));
        QCOMPARE(QString(englishDate).replace(QChar(0x202f), u' '),
                 QStringLiteral("11/22/2026 9:26:05 PM"));
    }

    // Issue 21, point 12: the Analytics aggregation names are German ("mean", "p95" were not).
    void aggregationsAreGerman()
    {
        AnalyticsPanel panel(MetricsPanel::Persona);
        QStringList shown;
        for (QComboBox *box : panel.findChildren<QComboBox *>())
            for (int i = 0; i < box->count(); ++i)
                shown << box->itemText(i);
        for (const char *german : {"Mittel", "95. Perzentil", "Median", "Summe"})
            QVERIFY2(shown.contains(QString::fromUtf8(german)), qPrintable(shown.join(u", ")));
        for (const char *english : {"mean", "p95", "p50", "sum", "count"})
            QVERIFY2(!shown.contains(QLatin1String(english)), qPrintable(shown.join(u", ")));
    }

    // Issue 60, point 7: the save preview's SQL comments are German (its header said
    // "2 statement(s) in one transaction"); the statements and the values stay as they run.
    void savePreviewCommentsAreGerman()
    {
        SavePlan plan;
        plan.table = QStringLiteral("public.personas");
        SaveStatement update;
        update.sql.sql = R"(UPDATE public.personas SET "name" = $1 WHERE ("id") = ($2))";
        update.sql.params = {QStringLiteral("Zoë"), 7};
        SaveStatement remove;
        remove.kind = StagedRow::Kind::Delete;
        remove.sql.sql = R"(DELETE FROM public.personas WHERE ("id") = ($1))";
        remove.sql.params = {8};
        plan.statements = {update, remove};
        SavePreviewDialog dialog(plan.preview(), 2, QStringLiteral("app@db:5432/app"));
        const QStringList lines = dialog.textView()->toPlainText().split(u'\n');
        QCOMPARE(lines.value(0),
                 QStringLiteral("-- public.personas: 2 Anweisungen in einer Transaktion"));
        QVERIFY(lines.contains(QStringLiteral("--   $1 = 'Zoë'")));
        // No English word in any comment line.
        const QRegularExpression english(
            QStringLiteral("\\b(statements?|in one|transaction|row|value)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        for (const QString &line : lines)
            if (line.startsWith(QStringLiteral("--")))
                QVERIFY2(!english.match(line).hasMatch(), qPrintable(line));
        plan.statements = {remove};
        QVERIFY(plan.preview().startsWith(
            QStringLiteral("-- public.personas: 1 Anweisung in einer Transaktion\nBEGIN;\n")));
    }
};

QTEST_MAIN(TestGermanUi)
#include "tst_germanui.moc"
