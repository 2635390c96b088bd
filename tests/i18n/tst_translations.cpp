// Which language both binaries choose (the system's, the settings' override, UAIP_LANG) and what
// Translations::install loads: uaip_de.qm from the resources, qtbase_de.qm from Qt's
// translations folder, QLocale's default for dates and numbers.
#include "i18n/translations.h"

#include <QDate>
#include <QProcess>
#include <QTest>

using uaip::Translations;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        qputenv(Translations::kEnvironmentVariable, "en"); // as CTest runs every test
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theEnvironmentOverridesTheSetting()
    {
        qputenv(Translations::kEnvironmentVariable, "de");
        QCOMPARE(Translations::choose().language(), QLocale::German);
        QCOMPARE(Translations::choose(QStringLiteral("en")).language(), QLocale::German);
        qputenv(Translations::kEnvironmentVariable, "en");
        QCOMPARE(Translations::choose(QStringLiteral("de")).language(), QLocale::English);
    }

    void theSettingOverridesTheSystem()
    {
        qunsetenv(Translations::kEnvironmentVariable);
        QCOMPARE(Translations::choose(QStringLiteral("de")).language(), QLocale::German);
        QCOMPARE(Translations::choose(QStringLiteral("en")).language(), QLocale::English);
        QCOMPARE(Translations::choose(QString()), QLocale::system());
        QCOMPARE(Translations::choose(QStringLiteral("system")), QLocale::system());
        // A language without a translation is no override.
        QCOMPARE(Translations::choose(QStringLiteral("xx")), QLocale::system());
        qputenv(Translations::kEnvironmentVariable, "system");
        QCOMPARE(Translations::choose(QStringLiteral("de")), QLocale::system());
    }

    // CTest runs the tests with LANG=C.UTF-8: the system's language is C, that is English.
    void theSystemIsEnglishUnderCTest()
    {
        QCOMPARE(qgetenv("LC_ALL"), QByteArray("C.UTF-8"));
        const Translations::Loaded loaded = Translations::install(QLocale::system());
        QVERIFY(!loaded.application);
        QVERIFY(!loaded.qt);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void germanLoadsBothTranslationsAndTheLocale()
    {
        const Translations::Loaded loaded
            = Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.application, "uaip_de.qm not found under :/i18n");
        QVERIFY2(loaded.qt, "qtbase_de.qm not found (package qt6-translations-l10n)");
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(QLocale().toString(1234567), QStringLiteral("1.234.567"));
        QCOMPARE(QLocale().toString(QDate(2026, 3, 1), QLocale::ShortFormat),
                 QStringLiteral("01.03.26"));
        // Qt's own strings (the standard buttons' texts) come from qtbase_de.qm.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));

        // Back to English: the translators are removed, the default locale is English again.
        const Translations::Loaded english
            = Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!english.application && !english.qt);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(QLocale().toString(1234567), QStringLiteral("1,234,567"));
    }

    // uaip-migrate follows UAIP_LANG: under "de" its QCommandLineParser's own texts are German.
    void theCliFollowsUaipLang()
    {
        const QString migrate = qEnvironmentVariable("UAIP_MIGRATE_BIN");
        QVERIFY(!migrate.isEmpty());
        const auto help = [&](const char *lang) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("UAIP_LANG"), QString::fromLatin1(lang));
            p.setProcessEnvironment(env);
            p.start(migrate, {QStringLiteral("--help")});
            if (!p.waitForFinished(60000))
                return QString();
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString english = help("en");
        const QString german = help("de");
        QVERIFY2(english.contains(QLatin1String("Displays help on commandline options.")),
                 qPrintable(english));
        QVERIFY2(german.contains(QLatin1String("Hilfe")), qPrintable(german));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
