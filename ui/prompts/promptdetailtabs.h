#pragma once

#include "prompts/promptauditentry.h"
#include "prompts/promptdetail.h"
#include "prompts/promptlabel.h"

#include <QList>
#include <QTabWidget>

namespace uaip {

class PromptAuditPanel;
class PromptComparePage;
class PromptDiffView;
class PromptEditor;
class PromptHistoryPanel;
class PromptLabelsPanel;
class PromptTaskRunner;
class PromptWriteAccess;

// The tabs of the prompt open in the Prompts view, in the order of PromptsView::Tab: Editor,
// History (versions, compare, restore), Compare (side by side / unified), Labels (where each
// label points, its moves) and Audit. They show what the view read (showDetail) and offer
// changes as far as PromptWriteAccess allows; the view handles what they ask for.
class PromptDetailTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit PromptDetailTabs(PromptTaskRunner *runner, QWidget *parent = nullptr);

    void clearPrompt(); // a new target: no prompt open
    // keepDraft: the editor keeps its text on the new base version (else it shows the latest).
    void showDetail(const PromptDetail &detail, const QList<PromptLabel> &labels,
                    const QList<PromptLabelMove> &moves, const QList<PromptAuditEntry> &audit,
                    bool keepDraft);
    // promptOpen: the editor and the labels need an open prompt.
    void setWritable(const PromptWriteAccess &access, bool promptOpen);

    PromptEditor *editor() const { return m_editor; }
    PromptHistoryPanel *history() const { return m_history; }
    PromptComparePage *comparePage() const { return m_compare; }
    PromptDiffView *diffView() const;
    PromptLabelsPanel *labels() const { return m_labels; }
    PromptAuditPanel *audit() const { return m_audit; }

private:
    QString title(const PromptDetail &d) const;

    PromptEditor *m_editor;
    PromptHistoryPanel *m_history;
    PromptComparePage *m_compare;
    PromptLabelsPanel *m_labels;
    PromptAuditPanel *m_audit;
};

} // namespace uaip
