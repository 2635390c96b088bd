#include "promptsaveflow.h"

#include "prompteditor.h"
#include "prompts/promptstore.h"
#include "prompts/promptversiondiff.h"
#include "prompttaskrunner.h"
#include "reviewchangesdialog.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QWidget>

namespace uaip {

PromptSaveFlow::PromptSaveFlow(PromptTaskRunner *runner, PromptEditor *editor,
                               QWidget *dialogParent)
    : QObject(dialogParent)
    , m_runner(runner)
    , m_editor(editor)
    , m_dialogParent(dialogParent)
{ }

void PromptSaveFlow::requestSave()
{
    if (promptId().isEmpty() || !m_editor->isModified())
        return;
    if (const QStringList problems = m_editor->problems(); !problems.isEmpty()) {
        m_editor->setBanner(problems.join(u'\n'), true);
        return;
    }
    PromptVersion draft;
    draft.versionNo = nextVersion();
    draft.content = m_editor->content();
    openReview(draft, QString(), 0);
}

void PromptSaveFlow::requestRestore(int version)
{
    const QString id = promptId();
    if (id.isEmpty())
        return;
    auto codec = m_runner->codec();
    m_runner->run(tr("Read version %1 of %2").arg(version).arg(id),
                  [this, id, version, codec](PgConnection &pg) -> PromptTask::Then {
                      auto v = PromptStore(pg, codec.get()).version(id, version);
                      return [this, id, v, version] {
                          if (id != promptId())
                              return;
                          if (!v.ok())
                              return emit status(v.error().toString(), true);
                          PromptVersion target = v.value();
                          target.versionNo = nextVersion();
                          openReview(target, tr("Restore version %1").arg(version), version);
                      };
                  });
}

void PromptSaveFlow::openReview(const PromptVersion &target, const QString &note, int restoreFrom)
{
    if (m_review)
        m_review->deleteLater();
    const PromptVersionDiff diff(m_detail.version, target);
    const QString typed = m_runner->isProduction() ? m_runner->spec()->profile.database : QString();
    m_review
        = new ReviewChangesDialog(promptId(), diff, m_detail.summary.labels, typed, m_dialogParent);
    m_review->setAttribute(Qt::WA_DeleteOnClose);
    if (!note.isEmpty())
        m_review->noteEdit()->setPlainText(note);
    const PromptContent content = target.content;
    connect(m_review, &QDialog::accepted, this,
            [this, content, restoreFrom] { save(content, m_review->note(), restoreFrom); });
    m_review->open();
}

void PromptSaveFlow::save(const PromptContent &content, const QString &note, int restoreFrom)
{
    PromptSaveRequest request;
    request.promptId = promptId();
    request.expectedLatestVersion = m_detail.summary.latestVersion;
    request.content = content;
    request.changeNote = note;
    const PromptActor actor = m_runner->actor();
    auto codec = m_runner->codec();
    const QString what = restoreFrom
        ? tr("Restore version %1 of %2").arg(restoreFrom).arg(request.promptId)
        : tr("Save %1").arg(request.promptId);
    m_editor->saveButton()->setEnabled(false);
    m_runner->run(
        what,
        [this, request, actor, codec, restoreFrom](PgConnection &pg) -> PromptTask::Then {
            PromptStore store(pg, codec.get());
            auto r = restoreFrom
                ? store.restore(request.promptId, restoreFrom, request.expectedLatestVersion,
                                request.changeNote, actor)
                : store.save(request, actor);
            return [this, r, request] {
                if (!r.ok()) {
                    QString message = r.error().toString();
                    const bool conflict = r.error().code() == ErrorCode::Conflict;
                    if (conflict)
                        message += u' '
                            + tr("Your text is kept in the editor: Save compares it with "
                                 "the newer version.");
                    m_editor->setBanner(message, true);
                    emit status(message, true);
                    // Show what the other console wrote, keep the draft.
                    emit reloadRequested(request.promptId, conflict);
                    emit saveFinished(false, message);
                    return;
                }
                const QString message = tr("Saved version %1 of %2 (checksum %3).")
                                            .arg(r.value().versionNo)
                                            .arg(request.promptId, r.value().checksum.left(12));
                emit status(message, false);
                m_editor->setBanner(QString(), false);
                emit reloadRequested(request.promptId, false);
                emit written();
                emit saveFinished(true, message);
            };
        },
        [this](const QString &why) { emit saveFinished(false, why); });
}

} // namespace uaip
