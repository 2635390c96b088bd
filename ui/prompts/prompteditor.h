#pragma once

#include "prompts/promptcontent.h"

#include <QWidget>

#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace uaip {

class PromptTextEdit;
class VariablesPanel;

// The editor of one prompt: model preference, temperature and max tokens as validated fields
// (the table's CHECKs), the system prompt and the user template in QScintilla with their
// {{variables}} and problems marked, and the variables panel. It holds the draft; the view
// saves it (Save → review dialog) or throws it away (Revert).
class PromptEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PromptEditor(QWidget *parent = nullptr);

    // Loads a version's content as the new starting point (not modified).
    void load(const QString &title, const PromptContent &content);
    // A new starting point (another console saved first) that keeps the draft's texts and
    // fields: the next Save compares the draft with that version.
    void rebase(const QString &title, const PromptContent &content);
    void clear(const QString &message);
    // Editing off, with the reason shown (read-only profile, locked row, busy).
    void setEditable(bool editable, const QString &reason = QString());
    void setBanner(const QString &text, bool error);

    PromptContent content() const;
    const PromptContent &original() const { return m_original; }
    bool isModified() const;
    // Every field problem (PromptValidator), empty when the draft can be saved.
    QStringList problems() const;

    PromptTextEdit *systemEdit() const { return m_system; }
    PromptTextEdit *userEdit() const { return m_user; }
    QLineEdit *modelEdit() const { return m_model; }
    QDoubleSpinBox *temperatureEdit() const { return m_temperature; }
    QSpinBox *maxTokensEdit() const { return m_maxTokens; }
    VariablesPanel *variablesPanel() const { return m_variables; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    QLabel *banner() const { return m_banner; }

signals:
    void saveRequested();
    void revertRequested();

private:
    void updateState();

    QLabel *m_title;
    QLabel *m_banner;
    QLineEdit *m_model;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    PromptTextEdit *m_system;
    PromptTextEdit *m_user;
    VariablesPanel *m_variables;
    QLabel *m_problems;
    QPushButton *m_save;
    QPushButton *m_revert;
    PromptContent m_original;
    bool m_loaded = false;
    bool m_editable = false;
    bool m_loading = false;
};

} // namespace uaip
