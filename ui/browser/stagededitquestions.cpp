#include "stagededitquestions.h"

#include "browse/entitymodel.h"

#include <QMessageBox>

#include <climits>

namespace uaip {

StagedEditQuestions::StagedEditQuestions(QWidget *parent, const EntityModel *model)
    : m_parent(parent)
    , m_model(model)
{ }

bool StagedEditQuestions::refuseWhileSaving(const QString &what) const
{
    if (!m_model->isSaving())
        return false;
    QMessageBox::information(m_parent, tr("Save running"),
                             tr("A save is running. Wait for it to finish or cancel it "
                                "(Cancel save) before %1.")
                                 .arg(what));
    return true;
}

StagedEditQuestions::Answer StagedEditQuestions::askAboutStaged(const QString &informative) const
{
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("%n staged change(s) of %1 are not saved.", nullptr, m_model->pendingChangeCount())
            .arg(m_model->table().displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_parent);
    box.setInformativeText(informative);
    // Cancel the default, as in every question about unsaved changes: Enter never drops
    // changes nor starts a save.
    box.setDefaultButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        return Answer::Save;
    case QMessageBox::Discard:
        return Answer::Discard;
    default:
        return Answer::Stay;
    }
}

bool StagedEditQuestions::confirmCascade(const CascadeReport &cascade) const
{
    if (cascade.refusal)
        return false; // the server would refuse the save (the preview says why)
    if (!cascade.bounded && cascade.totalRows() <= kCascadeAskAbove)
        return true;
    const int total = int(qMin<qint64>(cascade.totalRows(), INT_MAX));
    QString text;
    if (cascade.bounded && total == 0)
        // Nothing counted: "at least 0 rows" would read as "nothing".
        text = tr("What this save deletes or changes in other tables could not be counted: %1")
                   .arg(cascade.boundReason);
    else
        text = (cascade.bounded
                    ? tr("This save also deletes or changes at least %Ln row(s) of other "
                         "tables (the count stopped early):",
                         nullptr, total)
                    : tr("This save also deletes or changes %Ln row(s) of other tables:", nullptr,
                         total))
            + u'\n' + cascade.lines().join(u'\n');
    QMessageBox box(QMessageBox::Warning, tr("Save deletes or changes more rows"), text,
                    QMessageBox::Save | QMessageBox::Cancel, m_parent);
    box.setInformativeText(tr("They go with the rows you deleted or whose key you changed "
                              "(foreign keys with CASCADE, SET NULL, SET DEFAULT). Save anyway?"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

StagedEditQuestions::Answer StagedEditQuestions::beforeLeaving(const QString &database,
                                                               const QString &action) const
{
    if (refuseWhileSaving(tr("leaving this table")))
        return Answer::Stay;
    if (m_model->pendingChangeCount() == 0)
        return Answer::Proceed;
    return askAboutStaged(tr("Save writes them to %1, where they were made (preview first), "
                             "then continues. %2 drops them (Discard). Cancel stays here with "
                             "the changes staged.")
                              .arg(database, action));
}

StagedEditQuestions::Answer StagedEditQuestions::beforeClosing() const
{
    if (refuseWhileSaving(tr("quitting")))
        return Answer::Stay;
    if (m_model->pendingChangeCount() == 0)
        return Answer::Proceed;
    return askAboutStaged(tr("Save shows the statements and quits once they are written; "
                             "Discard drops the changes and quits; Cancel stays."));
}

bool StagedEditQuestions::confirmRevert() const
{
    const int pending = m_model->pendingChangeCount();
    if (pending == 0 || m_model->isSaving())
        return false;
    QMessageBox box(
        QMessageBox::Question, tr("Revert"),
        tr("Drop %n staged change(s) of %1?", nullptr, pending).arg(m_model->table().displayName()),
        QMessageBox::Discard | QMessageBox::Cancel, m_parent);
    box.setInformativeText(tr("They were never saved; reverting cannot be undone."));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

} // namespace uaip
