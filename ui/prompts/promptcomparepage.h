#pragma once

#include <QString>
#include <QWidget>

class QSpinBox;

namespace uaip {

class PromptDiffView;
class PromptTaskRunner;

// The Compare tab of the Prompts view: two version pickers and the diff of those versions of
// the open prompt (side by side / unified), read on the view's worker. A diff that comes in
// after another prompt was opened is not shown.
class PromptComparePage : public QWidget
{
    Q_OBJECT
public:
    explicit PromptComparePage(PromptTaskRunner *runner, QWidget *parent = nullptr);

    // The prompt open in the view (empty: none).
    void setPromptId(const QString &promptId) { m_promptId = promptId; }
    void setVersionRange(int latestVersion); // the pickers offer v1 to latestVersion
    void clear(); // a new target: no prompt open, no diff
    // Puts the two versions in the pickers, then reads them; diffShown() once shown.
    void compare(int before, int after);
    PromptDiffView *diffView() const { return m_diff; }

signals:
    void compareRequested(int before, int after); // the Compare button
    void status(const QString &text, bool error);
    void diffShown();

private:
    PromptTaskRunner *m_runner;
    QSpinBox *m_before;
    QSpinBox *m_after;
    PromptDiffView *m_diff;
    QString m_promptId;
};

} // namespace uaip
