#pragma once

#include "prompts/promptvariables.h"

#include <Qsci/qsciscintilla.h>

namespace uaip {

// A prompt text in QScintilla: every {{variable}} highlighted, every problem of the one
// variable rule (PromptVariables: unclosed "{{", a variable spanning lines, an empty "{{}}",
// an invalid name) squiggled with its message annotated under the line. Re-checked on every
// change; variablesChanged() tells the variables panel.
class PromptTextEdit : public QsciScintilla
{
    Q_OBJECT
public:
    explicit PromptTextEdit(QWidget *parent = nullptr);

    QString plainText() const { return text(); }
    void setPlainText(const QString &text);
    const PromptVariables &variables() const { return m_variables; }
    // The positions marked, for tests: [utf-8 start, length) of each indicator run.
    QList<QPair<int, int>> marked(bool problems) const;

signals:
    void variablesChanged();

private:
    void recheck();
    void fill(int indicator, int offset, int length, const QString &text);

    int m_variableIndicator = -1;
    int m_problemIndicator = -1;
    PromptVariables m_variables{QString()};
};

} // namespace uaip
