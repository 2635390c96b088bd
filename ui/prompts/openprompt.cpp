#include "openprompt.h"

#include "promptcomparepage.h"
#include "promptdetailtabs.h"
#include "prompteditor.h"
#include "promptlistmodel.h"
#include "promptlistpanel.h"
#include "promptsaveflow.h"
#include "promptsviewrequests.h"
#include "prompttoolbuttons.h"
#include "promptwriteaccess.h"
#include "reviewchangesdialog.h"

#include <QMessageBox>

namespace uaip {

OpenPrompt::OpenPrompt(PromptTaskRunner *runner, PromptsViewRequests *requests,
                       PromptListPanel *list, PromptDetailTabs *tabs, PromptToolButtons *buttons,
                       PromptSaveFlow *saveFlow, QWidget *view)
    : QObject(view)
    , m_runner(runner)
    , m_requests(requests)
    , m_list(list)
    , m_tabs(tabs)
    , m_buttons(buttons)
    , m_saveFlow(saveFlow)
    , m_view(view)
{ }

bool OpenPrompt::hasUnsavedChanges() const
{
    return !m_id.isEmpty() && m_tabs->editor()->isModified();
}

bool OpenPrompt::confirmLeave(const QString &action)
{
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("Your changes to the prompt %1 are not saved.").arg(m_id),
                    QMessageBox::Discard | QMessageBox::Cancel, m_view);
    box.setInformativeText(tr("%1 drops them (Discard). Cancel stays here, so that you can save "
                              "them as a new version (Save).")
                               .arg(action));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void OpenPrompt::clear()
{
    m_id.clear();
    m_detail = PromptDetail();
}

void OpenPrompt::pick(const QString &promptId)
{
    if (promptId == m_id)
        return;
    // The one question about unsaved changes (Discard / Cancel, Cancel the default: Enter
    // never drops an edit); it defaulted to Yes here.
    if (!confirmLeave(tr("Opening %1").arg(promptId))) {
        m_list->selectPrompt(m_id);
        return;
    }
    open(promptId);
}

void OpenPrompt::open(const QString &promptId)
{
    m_id = promptId;
    m_tabs->comparePage()->setPromptId(promptId);
    m_list->selectPrompt(promptId);
    m_requests->readDetail(promptId, false);
}

void OpenPrompt::reread(bool keepDraft)
{
    if (!m_id.isEmpty())
        m_requests->readDetail(m_id, keepDraft);
}

void OpenPrompt::rereadKeepingEdits()
{
    reread(m_tabs->editor()->isModified());
}

void OpenPrompt::show(const PromptDetail &detail, const QList<PromptLabel> &labels,
                      const QList<PromptLabelMove> &moves, const QList<PromptAuditEntry> &audit,
                      bool keepDraft)
{
    m_detail = detail;
    m_saveFlow->setDetail(detail);
    m_tabs->showDetail(detail, labels, moves, audit, keepDraft);
    updateWritable();
    emit loaded(detail.summary.promptId);
}

void OpenPrompt::updateWritable()
{
    // The list probes the ai_prompts row, the detail the version row: either may be locked.
    const PromptListModel *model = m_list->model();
    const int row = model->rowOf(m_id);
    const PromptWriteAccess access(*m_runner, m_detail,
                                   row >= 0 ? model->prompts().at(row) : PromptSummary());
    m_tabs->setWritable(access, !m_id.isEmpty());
    m_buttons->setWritable(access);
}

} // namespace uaip
