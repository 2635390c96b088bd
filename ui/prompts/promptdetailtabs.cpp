#include "promptdetailtabs.h"

#include "promptauditpanel.h"
#include "promptcomparepage.h"
#include "prompteditor.h"
#include "prompthistorypanel.h"
#include "promptlabelspanel.h"
#include "promptwriteaccess.h"

namespace uaip {

PromptDetailTabs::PromptDetailTabs(PromptTaskRunner *runner, QWidget *parent)
    : QTabWidget(parent)
    , m_editor(new PromptEditor(this))
    , m_history(new PromptHistoryPanel(this))
    , m_compare(new PromptComparePage(runner, this))
    , m_labels(new PromptLabelsPanel(this))
    , m_audit(new PromptAuditPanel(this))
{
    addTab(m_editor, tr("Editor"));
    addTab(m_history, tr("History"));
    addTab(m_compare, tr("Compare"));
    addTab(m_labels, tr("Labels"));
    addTab(m_audit, tr("Audit"));
}

PromptDiffView *PromptDetailTabs::diffView() const
{
    return m_compare->diffView();
}

void PromptDetailTabs::clearPrompt()
{
    m_editor->clear(tr("Pick a prompt in the list."));
    m_history->clear();
    m_labels->clear();
    m_audit->clear();
    m_compare->clear();
}

QString PromptDetailTabs::title(const PromptDetail &d) const
{
    return tr("%1 — %2 · version %3 of %4%5")
        .arg(d.summary.name, d.summary.promptId)
        .arg(d.version.versionNo)
        .arg(d.summary.latestVersion)
        .arg(d.summary.isActive ? QString() : tr(" · inactive"));
}

void PromptDetailTabs::showDetail(const PromptDetail &detail, const QList<PromptLabel> &labels,
                                  const QList<PromptLabelMove> &moves,
                                  const QList<PromptAuditEntry> &audit, bool keepDraft)
{
    if (keepDraft)
        m_editor->rebase(title(detail), detail.version.content);
    else
        m_editor->load(title(detail), detail.version.content);
    m_history->setDetail(detail);
    m_labels->setLabels(labels, detail.summary.latestVersion);
    m_labels->setHistory(moves);
    m_labels->setVersionRange(detail.summary.latestVersion);
    m_audit->setEntries(audit);
    m_compare->setVersionRange(detail.summary.latestVersion);
}

void PromptDetailTabs::setWritable(const PromptWriteAccess &access, bool promptOpen)
{
    const bool editable = access.writable && !access.locked && promptOpen;
    m_editor->setEditable(editable,
                          !access.writable    ? access.why
                              : access.locked ? access.lockText
                                              : QString());
    m_history->setWritable(access.writable && !access.locked,
                           access.locked ? access.lockText : access.why);
    m_labels->setWritable(access.writable && promptOpen, access.why);
}

} // namespace uaip
