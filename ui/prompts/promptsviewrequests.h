#pragma once

#include "prompts/promptauditentry.h"
#include "prompts/promptdetail.h"
#include "prompts/promptlabel.h"
#include "prompts/promptlister.h"

#include <QList>
#include <QObject>

namespace uaip {

class PromptListPanel;
class PromptTaskRunner;

// The reads the Prompts view sends to its worker (PromptTaskRunner): the list of the filter
// bar's filter, then the usage of the period (placed in the list panel), and the open prompt
// (its latest version, labels, label history and audit). An answer is dropped when a newer
// read of its kind was sent or the target changed (dropAnswers()).
class PromptsViewRequests : public QObject
{
    Q_OBJECT
public:
    PromptsViewRequests(PromptTaskRunner *runner, PromptListPanel *listPanel,
                        QObject *parent = nullptr);

    void dropAnswers(); // a new target: what is on its way is not shown
    void readList(); // listRead(), then usageLoaded()
    // keepDraft: handed back with the answer (the editor keeps its text on the new base).
    void readDetail(const QString &promptId, bool keepDraft);

signals:
    void status(const QString &text, bool error); // a read failed
    // The rows (allTypes: the filter takes every type, the panel offers the types they have).
    void listRead(QList<PromptSummary> prompts, bool allTypes);
    void listFailed();
    void usageLoaded(bool ok);
    void detailRead(const PromptDetail &detail, const QList<PromptLabel> &labels,
                    const QList<PromptLabelMove> &moves, const QList<PromptAuditEntry> &audit,
                    bool keepDraft);

private:
    void readUsage(const PromptListFilter &filter, int serial);

    PromptTaskRunner *m_runner;
    PromptListPanel *m_listPanel;
    int m_listSerial = 0;
    int m_detailSerial = 0;
};

} // namespace uaip
