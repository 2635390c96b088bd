#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// The one rule for {{variables}} in prompt texts, used by the editor, the CLI and the seed
// file check: {{name}} where name is a letter followed by letters, digits or '_' (Unicode
// letters allowed; no spaces inside the braces). Problems, each with its 1-based line:column:
// an unclosed "{{", a variable spanning lines, an empty "{{}}", an invalid name.
class PromptVariables
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptVariables)
public:
    struct Occurrence
    {
        QString name;
        int offset = 0; // of the first '{' in the text (UTF-16 units)
        int length = 0; // "{{name}}"
        int line = 0;
        int column = 0;
    };
    struct Problem
    {
        int offset = 0;
        int length = 0;
        int line = 0;
        int column = 0;
        QString message;
        QString toString() const; // "3:14: unclosed {{"
    };

    explicit PromptVariables(const QString &text);

    const QList<Occurrence> &occurrences() const { return m_occurrences; }
    const QList<Problem> &problems() const { return m_problems; }
    QStringList names() const; // distinct, in order of first use
    bool ok() const { return m_problems.isEmpty(); }

    static bool isValidName(const QString &name);
    // The text with every {{name}} that has a value replaced; others are left as they are.
    QString render(const QHash<QString, QString> &values) const;

private:
    QString m_text;
    QList<Occurrence> m_occurrences;
    QList<Problem> m_problems;
};

} // namespace uaip
