#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace uaip {

// The user interface language of both binaries: which one (the system's unless overridden),
// and loading it — the application's translation (uaip_<lang>.qm, embedded under :/i18n) and
// Qt's own (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, package
// qt6-translations-l10n) — and QLocale::setDefault, so QLocale() formats dates and numbers in it.
class Translations
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Translations)

public:
    // The environment variable that overrides the language of both binaries ("en", "de";
    // empty or "system": the system's).
    static constexpr const char *kEnvironmentVariable = "UAIP_LANG";
    // The QSettings key of uaip-admin's choice (same values).
    static QString settingsKey();

    // The languages with a translation, as codes ("en" first: the source language).
    static QStringList languages();
    // The language named by an override: UAIP_LANG when set, else settingOverride; an empty or
    // "system" value means QLocale::system(). An unknown code also falls back to the system.
    static QLocale choose(const QString &settingOverride = QString());
    // What install() loaded.
    struct Loaded
    {
        QLocale locale;
        bool application = false; // uaip_<lang>.qm
        bool qt = false; // qtbase_<lang>.qm
    };
    // Removes translators installed before and installs those of locale's language (none for
    // English, the source language); sets QLocale::setDefault(locale). Needs a
    // QCoreApplication.
    static Loaded install(const QLocale &locale);
};

} // namespace uaip
