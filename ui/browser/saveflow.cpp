#include "saveflow.h"

#include "browse/entitymodel.h"
#include "browser/conflictdialog.h"
#include "browser/savepreviewdialog.h"
#include "jobs/job.h"

#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace uaip {

SaveFlow::SaveFlow(QWidget *view, EntityModel *model, QWidget *focus)
    : QObject(view)
    , m_view(view)
    , m_model(model)
    , m_focus(focus)
    , m_questions(view, model)
{ }

void SaveFlow::setTarget(const ConnectionProfile &profile)
{
    m_afterSave = nullptr;
    const QString where = profile.sandbox
        ? tr("profile %1 (private PostgreSQL cluster)").arg(profile.displayName())
        : tr("profile %1, %2").arg(profile.displayName(), profile.describe());
    m_target = tr("database %1 — %2").arg(profile.database, where);
    m_database = profile.database;
}

bool SaveFlow::confirmLeave(const QString &action, std::function<void()> afterSave)
{
    return proceedAfter(m_questions.beforeLeaving(m_database, action),
                        [this, &afterSave] { m_afterSave = std::move(afterSave); });
}

bool SaveFlow::confirmClose()
{
    return proceedAfter(m_questions.beforeClosing(), [this] { m_closeAfterSave = true; });
}

bool SaveFlow::proceedAfter(StagedEditQuestions::Answer answer,
                            const std::function<void()> &continueAfterSave)
{
    switch (answer) {
    case StagedEditQuestions::Answer::Proceed:
        return true;
    case StagedEditQuestions::Answer::Save:
        continueAfterSave();
        requestSave();
        return false;
    case StagedEditQuestions::Answer::Discard:
        m_model->revertAll();
        return true;
    case StagedEditQuestions::Answer::Stay:
        break;
    }
    return false;
}

void SaveFlow::revert()
{
    if (m_questions.confirmRevert())
        m_model->revertAll();
}

void SaveFlow::forgetContinuation()
{
    m_closeAfterSave = false;
    m_afterSave = nullptr;
}

void SaveFlow::requestSave(const std::optional<CascadeReport> &known)
{
    if (m_model->pendingChangeCount() == 0 || m_model->isSaving())
        return;
    m_focus->setFocus(); // an open cell editor commits its value
    const SavePlan plan = m_model->savePlan();
    auto *dialog
        = new SavePreviewDialog(plan.preview(), m_model->pendingChangeCount(), m_target, m_view);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // What the save cascades to: counted before Save is offered, confirmed with the plan.
    auto cascade = std::make_shared<std::optional<CascadeReport>>(known);
    if (known) {
        dialog->setCascade(*known, true);
    } else if (m_model->mayCascade(plan)) {
        dialog->setCounting();
        QPointer<SavePreviewDialog> shown(dialog);
        QPointer<Job> counting
            = m_model->measureCascade(plan, kCascadeTimeoutMs, dialog,
                                      [shown, cascade](const Result<CascadeReport> &counted) {
                                          CascadeReport report;
                                          if (counted) {
                                              report = counted.value();
                                          } else {
                                              report.bounded = true;
                                              report.boundReason = counted.error().toString();
                                          }
                                          *cascade = report;
                                          if (shown)
                                              shown->setCascade(report);
                                      });
        if (!counting) {
            CascadeReport unknown;
            unknown.bounded = true;
            unknown.boundReason = tr("not connected");
            *cascade = unknown;
            dialog->setCascade(unknown);
        }
        connect(dialog, &QDialog::rejected, this, [counting] {
            if (counting)
                counting->cancel();
        });
    }
    connect(dialog, &QDialog::accepted, this, [this, plan, cascade] {
        if (*cascade && !m_questions.confirmCascade(**cascade)) {
            forgetContinuation();
            return;
        }
        SavePlan confirmed = plan;
        confirmed.cascade = *cascade;
        emit notice(QString());
        m_saveClock.start();
        if (Job *job = m_model->save(confirmed))
            emit jobStarted(job);
        emit stateChanged();
    });
    connect(dialog, &QDialog::rejected, this, &SaveFlow::forgetContinuation);
    dialog->open();
}

void SaveFlow::finish(const SaveResult &result)
{
    if (result.cascadeChanged) {
        // Counted again in the save's own transaction: not what was confirmed. Nothing was
        // written; the preview shows the new numbers and asks again.
        emit notice(result.message);
        requestSave(result.cascade);
        return;
    }
    const bool closeNow = result.ok && m_closeAfterSave;
    m_closeAfterSave = false;
    const std::function<void()> then = result.ok ? std::move(m_afterSave) : nullptr;
    m_afterSave = nullptr;
    if (result.ok) {
        emit notice(
            result.commitLost
                ? result.message
                : tr("Saved: %n row(s) written to %1 in %2 ms.", nullptr, result.statementsRun)
                      .arg(m_database)
                      .arg(m_saveClock.isValid() ? m_saveClock.elapsed() : 0));
        if (closeNow)
            QTimer::singleShot(0, m_view->window(), &QWidget::close);
        else if (then)
            QTimer::singleShot(0, m_view, then);
        return;
    }
    if (result.cancelled) {
        emit notice(tr("Save cancelled; nothing was written. %n change(s) still staged.", nullptr,
                       m_model->pendingChangeCount()));
        return;
    }
    emit stateChanged();
    if (!result.conflicts.isEmpty())
        showConflicts(result.conflicts);
    else
        showFailure(result);
}

void SaveFlow::showConflicts(const QList<RowConflict> &conflicts)
{
    for (const RowConflict &conflict : conflicts) {
        auto *dialog = new ConflictDialog(m_model->table(), conflict, m_view);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this, conflict](int choice) {
            if (choice == ConflictDialog::KeepMine) {
                m_model->keepMine(conflict);
                emit notice(tr("Your version of the row is staged over theirs; Save writes "
                               "it."));
            } else if (choice == ConflictDialog::TakeTheirs) {
                m_model->takeTheirs(conflict);
                emit notice(tr("Their version was kept; your change of the row was dropped."));
            } else {
                emit stateChanged();
            }
        });
        dialog->open();
    }
}

void SaveFlow::showFailure(const SaveResult &result)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Save failed"),
                                result.failedColumn.isEmpty()
                                    ? result.message
                                    : tr("Column %1: %2").arg(result.failedColumn, result.message),
                                QMessageBox::Ok, m_view);
    box->setInformativeText(
        result.commitUnknown
            ? tr("Whether the changes were committed is not known: check the data before you "
                 "save again. Your changes are still staged.")
            : tr("Nothing was saved; your changes are still staged. The cell is marked."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace uaip
