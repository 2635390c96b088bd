#pragma once

#include "browse/cascadereport.h"
#include "browse/rowconflict.h"
#include "browse/saveresult.h"
#include "browser/stagededitquestions.h"
#include "db/connectionprofile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace uaip {

class EntityModel;
class Job;

// The save of the Entities view's staged edits: the preview of the exact SQL with what it
// cascades to (counted before Save is offered), the question about a large cascade, the save as
// a job, and its outcome: saved (then what the user was doing goes on: another table or
// database, or quitting), cancelled, conflicts to settle or a failure to show. Also what happens
// to the staged edits before they are left (StagedEditQuestions) and Revert. What happened is
// reported to the view's status line (notice, stateChanged).
class SaveFlow : public QObject
{
    Q_OBJECT
public:
    // The save preview's cascade count stops after this long per statement ("at least").
    static constexpr int kCascadeTimeoutMs = 5000;

    // view: the parent of the dialogs (its window closes after a Save chosen before quitting);
    // focus: focused before the preview, so that an open cell editor commits its value.
    SaveFlow(QWidget *view, EntityModel *model, QWidget *focus);

    // Where saves go: the database and the profile named in the preview. Forgets what a Save
    // chosen in confirmLeave was to continue with.
    void setTarget(const ConnectionProfile &profile);
    // EntitiesView::confirmLeave and confirmClose (which describe them).
    bool confirmLeave(const QString &action, std::function<void()> afterSave);
    bool confirmClose();
    // known: what the plan cascades to, already counted (the save found it changed); otherwise
    // the preview counts it when the plan can cascade.
    void requestSave(const std::optional<CascadeReport> &known = std::nullopt);
    // Revert: asks before the staged edits are dropped.
    void revert();
    // The model's saveFinished.
    void finish(const SaveResult &result);

signals:
    // What just happened (saved, cancelled, ...) for the status line; empty: nothing to tell.
    void notice(const QString &text);
    // A save started or ended without news: the view's actions and status follow.
    void stateChanged();
    // The save, for the job dock.
    void jobStarted(uaip::Job *job);

private:
    // What an answer to the unsaved-changes question does: go on (true), or save first (false;
    // continueAfterSave says what follows the save), discard, or stay (false).
    bool proceedAfter(StagedEditQuestions::Answer answer,
                      const std::function<void()> &continueAfterSave);
    // The user stays (or the save failed): no window to close, no switch to go on with.
    void forgetContinuation();
    // The rows someone else changed meanwhile: one dialog each (keep mine, take theirs).
    void showConflicts(const QList<RowConflict> &conflicts);
    void showFailure(const SaveResult &result);

    QWidget *m_view;
    EntityModel *m_model;
    QWidget *m_focus;
    StagedEditQuestions m_questions;
    std::function<void()> m_afterSave; // what confirmLeave's Save continues with
    bool m_closeAfterSave = false;
    QString m_database;
    QString m_target; // "database x — profile, server" for the save preview
    QElapsedTimer m_saveClock;
};

} // namespace uaip
