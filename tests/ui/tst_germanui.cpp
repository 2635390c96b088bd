// Issue 13: with German installed (explicitly, not through LANG) the window speaks German — its
// menus from uaip_de.qm, Qt's own standard buttons from qtbase_de.qm — and formats numbers the
// German way.
#include "i18n/translations.h"
#include "shell/languagemenu.h"
#include "shell/mainwindow.h"
#include "testcluster.h"
#include "widgets/localeformat.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
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
        // An ISO timestamp of the ledger, shown in local time the German way (dd.MM.yy).
        const QString shown = LocaleFormat::isoDateTime(QStringLiteral("2026-03-01T12:00:00Z"));
        QVERIFY2(shown.contains(QLatin1String(".03.26")), qPrintable(shown));
        QCOMPARE(LocaleFormat::isoDateTime(QStringLiteral("not a date")),
                 QStringLiteral("not a date"));
    }
};

QTEST_MAIN(TestGermanUi)
#include "tst_germanui.moc"
