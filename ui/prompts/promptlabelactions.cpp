#include "promptlabelactions.h"

#include "productionconfirmation.h"
#include "prompts/promptlabel.h"
#include "prompts/promptlabels.h"
#include "prompttaskrunner.h"

#include <QWidget>

namespace uaip {

PromptLabelActions::PromptLabelActions(PromptTaskRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_runner(runner)
    , m_dialogParent(dialogParent)
{ }

void PromptLabelActions::requestMove(const QString &promptId, const QString &label, int version)
{
    if (promptId.isEmpty())
        return;
    if (label == PromptLabel::latest() || !PromptLabels::isValidLabel(label)) {
        const QString why = label == PromptLabel::latest()
            ? tr("\"latest\" follows the newest version; it is never moved.")
            : tr("\"%1\" is not a label name: lowercase letters, digits, "
                 "'_' or '-', starting with a letter.")
                  .arg(label);
        emit status(why, true);
        emit finished(false, why);
        return;
    }
    const auto notMoved = [this] {
        emit status(tr("Label not moved."), false);
        emit finished(false, tr("not confirmed"));
    };
    // The production label: the typed database name on production profiles, Yes/Cancel on the
    // others. Another label: asked on every profile but production ones, where the server
    // asks for the typed name of a protected label (NeedsConfirmation below).
    if (label == PromptLabel::production())
        return ProductionConfirmation::askOnEveryProfile(
            *m_runner, m_dialogParent,
            tr("Move the production label of %1 to version %2? The platform serves that "
               "version from then on.")
                .arg(promptId)
                .arg(version),
            [this, promptId, label, version] { move(promptId, label, version, true); }, notMoved);
    if (m_runner->isProduction())
        return move(promptId, label, version, false);
    ProductionConfirmation::askOnEveryProfile(
        *m_runner, m_dialogParent,
        tr("Move the label %1 of %2 to version %3? Whoever reads %2 by this label gets that "
           "version from then on.")
            .arg(label, promptId)
            .arg(version),
        [this, promptId, label, version] { move(promptId, label, version, false); }, notMoved);
}

void PromptLabelActions::move(const QString &promptId, const QString &label, int version,
                              bool confirmed)
{
    PromptLabels::Move move;
    move.promptId = promptId;
    move.label = label;
    move.versionNo = version;
    // Typed database name on production profiles (asked before for "production", after a
    // refusal for any other protected label); at once on the others.
    move.confirmProtected = confirmed;
    const PromptActor actor = m_runner->actor();
    m_runner->run(
        tr("Move label %1 of %2").arg(label, promptId),
        [this, move, actor, codec = m_runner->codec()](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptLabels(pg, codec.get()).move(move, actor);
            return [this, r, move] {
                if (!r.ok() && r.error().code() == ErrorCode::NeedsConfirmation
                    && !move.confirmProtected) {
                    ProductionConfirmation::ask(
                        *m_runner, m_dialogParent, r.error().toString(),
                        [this, move] {
                            this->move(move.promptId, move.label, move.versionNo, true);
                        },
                        [this] {
                            emit status(tr("Label not moved."), false);
                            emit finished(false, tr("not confirmed"));
                        });
                    return;
                }
                if (!r.ok()) {
                    emit status(r.error().toString(), true);
                    emit finished(false, r.error().toString());
                    return;
                }
                const QString message = r.value() == move.versionNo
                    ? tr("Label %1 already on version %2.").arg(move.label).arg(move.versionNo)
                    : tr("Label %1 moved from %2 to version %3.")
                          .arg(move.label,
                               r.value() ? tr("version %1").arg(r.value()) : tr("nowhere"))
                          .arg(move.versionNo);
                emit status(message, false);
                emit moved(move.promptId);
                emit finished(true, message);
            };
        },
        [this](const QString &why) { emit finished(false, why); });
}

} // namespace uaip
