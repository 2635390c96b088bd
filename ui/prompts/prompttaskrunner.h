#pragma once

#include "db/sessionspec.h"
#include "prompts/promptactor.h"
#include "prompttask.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace uaip {

class Job;
class PromptTextCodec;
class SessionWorker;

// What the Prompts view and its action classes share: the target (session spec), the actor
// recorded in the audit, the codec of encrypted texts, and the view's own SessionWorker that
// runs every PromptTask (never the GUI thread). A task's then() runs on the GUI thread unless
// the target changed meanwhile; a failed task reports through failed() and taskFailed().
class PromptTaskRunner : public QObject
{
    Q_OBJECT
public:
    explicit PromptTaskRunner(QObject *parent = nullptr);

    // Retires the old worker (never waits); answers of its tasks are dropped.
    void setTarget(const std::optional<SessionSpec> &spec);
    const std::optional<SessionSpec> &spec() const { return m_spec; }
    bool isConnected() const { return m_spec && m_spec->isComplete(); }
    bool isProduction() const { return m_spec && m_spec->profile.production; }
    QString readOnlyReason() const { return m_readOnlyReason; }

    void setActor(const PromptActor &actor) { m_actor = actor; }
    const PromptActor &actor() const { return m_actor; }
    void setCodec(std::shared_ptr<const PromptTextCodec> codec) { m_codec = std::move(codec); }
    std::shared_ptr<const PromptTextCodec> codec() const { return m_codec; }

    void run(const QString &title, PromptTask::Work work,
             std::function<void(const QString &)> failed = {});
    bool isBusy() const { return m_running > 0; }

signals:
    void jobStarted(uaip::Job *job);
    void taskFailed(const QString &message);

private:
    std::optional<SessionSpec> m_spec;
    std::shared_ptr<const PromptTextCodec> m_codec;
    PromptActor m_actor;
    SessionWorker *m_worker = nullptr;
    QString m_readOnlyReason;
    int m_running = 0;
    int m_targetSerial = 0;
};

} // namespace uaip
