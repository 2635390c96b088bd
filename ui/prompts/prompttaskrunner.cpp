#include "prompttaskrunner.h"

#include "jobs/sessionworker.h"

namespace uaip {

PromptTaskRunner::PromptTaskRunner(QObject *parent)
    : QObject(parent)
    , m_actor(PromptActor::current())
{ }

void PromptTaskRunner::setTarget(const std::optional<SessionSpec> &spec)
{
    delete m_worker; // retires it: never waits
    m_worker = nullptr;
    m_running = 0;
    ++m_targetSerial;
    m_spec = spec;
    m_codec.reset();
    m_readOnlyReason = spec && spec->profile.readOnly
        ? tr("Read-only profile %1: prompts can be read, not changed.")
              .arg(spec->profile.displayName())
        : QString();
    if (spec)
        m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("prompts")),
                                     QStringLiteral("prompts"), this);
}

void PromptTaskRunner::run(const QString &title, PromptTask::Work work,
                           std::function<void(const QString &)> failed)
{
    if (!m_worker || !isConnected()) {
        emit taskFailed(tr("%1: not connected.").arg(title));
        if (failed)
            failed(tr("not connected"));
        return;
    }
    auto *task = new PromptTask(title, std::move(work));
    const std::shared_ptr<PromptTask::Then> then = task->then();
    ++m_running;
    const int target = m_targetSerial;
    connect(task, &Job::finished, this,
            [this, then, failed, title, target](bool ok, const QString &summary) {
                if (target != m_targetSerial)
                    return; // from a target left since
                m_running = qMax(0, m_running - 1);
                if (!ok) {
                    emit taskFailed(tr("%1 failed: %2").arg(title, summary));
                    if (failed)
                        failed(summary);
                } else if (*then) {
                    (*then)();
                }
            });
    emit jobStarted(task);
    m_worker->post(task);
}

} // namespace uaip
