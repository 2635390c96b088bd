#include "promptsviewrequests.h"

#include "db/session.h"
#include "promptlistpanel.h"
#include "prompts/promptaudit.h"
#include "prompts/promptlabels.h"
#include "prompts/promptstore.h"
#include "prompttaskrunner.h"

namespace uaip {

PromptsViewRequests::PromptsViewRequests(PromptTaskRunner *runner, PromptListPanel *listPanel,
                                         QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_listPanel(listPanel)
{ }

void PromptsViewRequests::dropAnswers()
{
    ++m_listSerial;
    ++m_detailSerial;
}

void PromptsViewRequests::readList()
{
    // The rows first (PromptLister::list without usage: the same call bench_prompts times),
    // then the usage of the period in a second task, so a long ai_interactions table never
    // holds the list back.
    const PromptListFilter filter = m_listPanel->filter();
    const int serial = ++m_listSerial;
    auto codec = m_runner->codec();
    m_runner->run(tr("List prompts"),
                  [this, filter, serial, codec](PgConnection &pg) -> PromptTask::Then {
                      auto r = std::make_shared<Result<QList<PromptSummary>>>(
                          PromptLister(pg, codec.get()).list(filter));
                      return [this, r, serial, filter] {
                          if (serial != m_listSerial)
                              return;
                          if (!r->ok()) {
                              emit status(r->error().toString(), true);
                              emit listFailed();
                              return;
                          }
                          emit listRead(std::move(r->value()), filter.promptType.isEmpty());
                          readUsage(filter, serial);
                      };
                  });
}

void PromptsViewRequests::readUsage(const PromptListFilter &filter, int serial)
{
    m_runner->run(tr("Read the prompts' usage"),
                  [this, filter, serial](PgConnection &pg) -> PromptTask::Then {
                      auto r = std::make_shared<Result<QHash<QString, PromptLister::Usage>>>(
                          PromptLister(pg).usage(filter));
                      return [this, r, serial] {
                          if (serial != m_listSerial)
                              return;
                          if (!r->ok()) {
                              emit status(r->error().toString(), true);
                              emit usageLoaded(false);
                              return;
                          }
                          m_listPanel->setUsage(r->value());
                          emit usageLoaded(true);
                      };
                  });
}

void PromptsViewRequests::readDetail(const QString &promptId, bool keepDraft)
{
    const int serial = ++m_detailSerial;
    auto codec = m_runner->codec();
    m_runner->run(tr("Open prompt %1").arg(promptId),
                  [this, promptId, serial, keepDraft, codec](PgConnection &pg) -> PromptTask::Then {
                      auto detail = PromptStore(pg, codec.get()).getLatest(promptId);
                      PromptLabels labels(pg);
                      auto current = labels.labels(promptId);
                      auto moves = labels.history(promptId);
                      auto audit = PromptAudit(pg).entries(promptId);
                      // Every prompt opened (and every new target) is a newer read: an answer of
                      // the latest read is for the open prompt.
                      return [=, this] {
                          if (serial != m_detailSerial)
                              return;
                          const Error e = !detail.ok() ? detail.error()
                              : !current.ok()          ? current.error()
                              : !moves.ok()            ? moves.error()
                              : !audit.ok()            ? audit.error()
                                                       : Error();
                          if (e.isSet()) {
                              emit status(e.toString(), true);
                              return;
                          }
                          emit detailRead(detail.value(), current.value(), moves.value(),
                                          audit.value(), keepDraft);
                      };
                  });
}

} // namespace uaip
