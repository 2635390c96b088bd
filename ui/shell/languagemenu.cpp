#include "languagemenu.h"

#include "i18n/translations.h"

#include <QActionGroup>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

namespace uaip {

namespace {

// A language's name in that language ("Deutsch"), as language menus show them ("English",
// not the "American English" of en_US).
QString nativeName(const QString &code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::English)
        return QLocale::languageToString(QLocale::English);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

} // namespace

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    const QString current = stored();
    QStringList codes{QString()};
    codes << Translations::languages();
    for (const QString &code : std::as_const(codes)) {
        QAction *a = addAction(code.isEmpty() ? tr("System default") : nativeName(code));
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        a->setObjectName(QStringLiteral("language_")
                         + (code.isEmpty() ? QStringLiteral("system") : code));
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { choose(code); });
        if (code.isEmpty())
            addSeparator();
    }
}

QString LanguageMenu::stored()
{
    const QString code = QSettings().value(Translations::settingsKey()).toString();
    return Translations::languages().contains(code) ? code : QString();
}

void LanguageMenu::choose(const QString &code)
{
    if (code == stored())
        return;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(Translations::settingsKey());
    else
        settings.setValue(Translations::settingsKey(), code);
    emit languageChosen(code);
    QMessageBox::information(parentWidget(), tr("Language"),
                             tr("The new language takes effect when UAIP Admin is started "
                                "again."));
}

} // namespace uaip
