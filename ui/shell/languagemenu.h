#pragma once

#include <QMenu>

class QActionGroup;

namespace uaip {

// View > Language: "System default" or one of the translated languages, stored in QSettings
// (Translations::settingsKey()) and read by main at the next start — a choice tells the user so.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // The stored choice: "" (the system's) or a code of Translations::languages().
    static QString stored();

signals:
    // After a different choice was stored (it takes effect at the next start).
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);

    QActionGroup *m_group = nullptr;
};

} // namespace uaip
