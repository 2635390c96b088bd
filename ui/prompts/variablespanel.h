#pragma once

#include <QHash>
#include <QWidget>

class QPlainTextEdit;
class QTableWidget;

namespace uaip {

class PromptTextEdit;

// The variables of both prompt texts (one rule: PromptVariables), a sample value for each
// (kept while the name stays in use), and the user template (or, without one, the system
// prompt) rendered with those values; problems are listed under it.
class VariablesPanel : public QWidget
{
    Q_OBJECT
public:
    VariablesPanel(PromptTextEdit *system, PromptTextEdit *user, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *rendered() const { return m_rendered; }
    void setSample(const QString &name, const QString &value);

private:
    void refresh();
    void render();

    PromptTextEdit *m_system;
    PromptTextEdit *m_user;
    QTableWidget *m_table;
    QPlainTextEdit *m_rendered;
    QHash<QString, QString> m_samples;
    bool m_filling = false;
};

} // namespace uaip
