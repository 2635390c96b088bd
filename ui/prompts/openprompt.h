#pragma once

#include "prompts/promptauditentry.h"
#include "prompts/promptdetail.h"
#include "prompts/promptlabel.h"

#include <QObject>
#include <QString>

class QWidget;

namespace uaip {

class PromptDetailTabs;
class PromptListPanel;
class PromptSaveFlow;
class PromptTaskRunner;
class PromptToolButtons;
class PromptsViewRequests;

// The prompt open in the Prompts view: its id and what was read of it (the latest version,
// labels, label history, audit: PromptsViewRequests), opening another one (after the question
// about unsaved editor changes: Discard / Cancel, Cancel the default), reading it again after
// a write, and the write access that follows from it and its row in the list (PromptWriteAccess:
// the tabs and the bar's buttons).
class OpenPrompt : public QObject
{
    Q_OBJECT
public:
    // The question's parent is view.
    OpenPrompt(PromptTaskRunner *runner, PromptsViewRequests *requests, PromptListPanel *list,
               PromptDetailTabs *tabs, PromptToolButtons *buttons, PromptSaveFlow *saveFlow,
               QWidget *view);

    const QString &id() const { return m_id; } // empty: none
    const PromptDetail &detail() const { return m_detail; }
    // The editor holds changes not saved as a version.
    bool hasUnsavedChanges() const;
    // With unsaved editor changes asks Discard / Cancel (`action` names what happens, e.g.
    // "Switching to prod"). True when there is nothing to lose or the user chose Discard.
    bool confirmLeave(const QString &action);

    // A new target: no prompt open.
    void clear();
    void open(const QString &promptId);
    // Picked in the list: opened once the question about unsaved changes allows it.
    void pick(const QString &promptId);
    // Reads the open prompt again; keepDraft: the editor keeps its text on the new base.
    void reread(bool keepDraft);
    // The same, keeping the draft when the editor holds changes.
    void rereadKeepingEdits();
    // What was read of it.
    void show(const PromptDetail &detail, const QList<PromptLabel> &labels,
              const QList<PromptLabelMove> &moves, const QList<PromptAuditEntry> &audit,
              bool keepDraft);
    // The tabs and buttons that write follow the open prompt and its list row.
    void updateWritable();

signals:
    void loaded(const QString &promptId);

private:
    PromptTaskRunner *m_runner;
    PromptsViewRequests *m_requests;
    PromptListPanel *m_list;
    PromptDetailTabs *m_tabs;
    PromptToolButtons *m_buttons;
    PromptSaveFlow *m_saveFlow;
    QWidget *m_view;
    QString m_id;
    PromptDetail m_detail;
};

} // namespace uaip
