#include "translations.h"

#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace uaip {

namespace {

// The translators install() put on the application (removed by the next install()).
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

QTranslator *load(const QLocale &locale, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), folder)
        && QCoreApplication::installTranslator(translator)) {
        installed().append(translator);
        return translator;
    }
    delete translator;
    return nullptr;
}

} // namespace

QString Translations::settingsKey()
{
    return QStringLiteral("ui/language");
}

QStringList Translations::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QLocale Translations::choose(const QString &settingOverride)
{
    QString code = qEnvironmentVariable(kEnvironmentVariable).trimmed();
    if (code.isEmpty())
        code = settingOverride.trimmed();
    if (code.isEmpty() || code == QLatin1String("system") || !languages().contains(code))
        return QLocale::system();
    return code == QLatin1String("de") ? QLocale(QLocale::German, QLocale::Germany)
                                       : QLocale(QLocale::English, QLocale::UnitedStates);
}

Translations::Loaded Translations::install(const QLocale &locale)
{
    for (const QPointer<QTranslator> &t : std::as_const(installed()))
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    installed().clear();
    QLocale::setDefault(locale);

    Loaded loaded;
    loaded.locale = locale;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return loaded; // the source language: nothing to load
    loaded.application = load(locale, QStringLiteral("uaip"), QStringLiteral(":/i18n")) != nullptr;
    // Qt's own dialogs only in a language the application speaks too: never a German "Cancel"
    // in an otherwise English window.
    if (loaded.application)
        loaded.qt = load(locale, QStringLiteral("qtbase"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            != nullptr;
    return loaded;
}

} // namespace uaip
