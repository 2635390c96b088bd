#pragma once

#include "browse/cascadereport.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace uaip {

class EntityModel;

// The Entities view's questions before staged edits could be lost (leaving the table or the
// connection, quitting, Revert) or a save changes more rows than the user staged, and the
// refusal while a save runs. The boxes are modal over the view; acting on the answer is the
// caller's (SaveFlow).
class StagedEditQuestions
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StagedEditQuestions)

public:
    // A save that cascades to more rows of other tables than this asks once more.
    static constexpr qint64 kCascadeAskAbove = 10;

    // What to do with the staged edits before leaving them.
    enum class Answer {
        Proceed, // nothing is staged: go ahead
        Save, // save them first
        Discard, // drop them and go ahead
        Stay, // keep them staged and stay (also while a save runs)
    };

    StagedEditQuestions(QWidget *parent, const EntityModel *model);

    // Before leaving the open table for `action`; `database` is where the edits were made.
    Answer beforeLeaving(const QString &database, const QString &action) const;
    // Before quitting.
    Answer beforeClosing() const;
    // Asks before a save that cascades to more than kCascadeAskAbove rows, or an unknown number.
    bool confirmCascade(const CascadeReport &cascade) const;
    // Revert: true when edits are staged, no save runs and the user chose to drop them.
    bool confirmRevert() const;

private:
    // A save is running: says so (it must end before `what`) and returns true.
    bool refuseWhileSaving(const QString &what) const;
    // The unsaved-changes question about the staged edits: Save, Discard or Cancel (Stay).
    Answer askAboutStaged(const QString &informative) const;

    QWidget *m_parent;
    const EntityModel *m_model;
};

} // namespace uaip
