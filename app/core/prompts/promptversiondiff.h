#pragma once

#include "promptversion.h"
#include "util/linediff.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// The difference of two versions of a prompt, as data for the GUI and the CLI: each text as
// a line diff (LineDiff: unified hunks and side-by-side rows with word diffs inside changed
// line pairs), and the model parameters compared separately.
class PromptVersionDiff
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptVersionDiff)
public:
    struct ParameterChange
    {
        QString field; // model_preference, temperature, max_tokens
        QString before;
        QString after;
    };

    PromptVersionDiff(const PromptVersion &before, const PromptVersion &after, int context = 3);

    int beforeVersion() const { return m_beforeNo; }
    int afterVersion() const { return m_afterNo; }
    bool identical() const;
    // "Versions 3 and 5 are identical." or "system prompt: 2 removed, 3 added; ...".
    QString summary() const;

    const LineDiff &systemPrompt() const { return m_system; }
    const LineDiff &userTemplate() const { return m_user; }
    bool userTemplatePresenceChanged() const { return m_userPresence; }
    const QList<ParameterChange> &parameters() const { return m_parameters; }

    // "--- system_prompt (version 3)" ... as `diff -u` prints it, texts then parameters.
    QStringList unifiedLines() const;

private:
    int m_beforeNo;
    int m_afterNo;
    LineDiff m_system;
    LineDiff m_user;
    bool m_userPresence = false;
    bool m_userBefore = false;
    QList<ParameterChange> m_parameters;
};

} // namespace uaip
