#include "entitiesview.h"

#include "browse/entitymodel.h"

#include <QMessageBox>

#include <climits>

// EntitiesView's questions before staged edits could be lost (leaving the table or the
// connection, quitting, Revert) and the refusal while a save runs; entitiesview.cpp holds the
// view itself.
namespace uaip {

bool EntitiesView::refuseWhileSaving(const QString &what)
{
    if (!m_model->isSaving())
        return false;
    QMessageBox::information(this, tr("Save running"),
                             tr("A save is running. Wait for it to finish or cancel it "
                                "(Cancel save) before %1.")
                                 .arg(what));
    return true;
}

int EntitiesView::askAboutStaged(QMessageBox::StandardButtons buttons,
                                 QMessageBox::StandardButton defaultButton,
                                 const QString &informative)
{
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("%n staged change(s) of %1 are not saved.", nullptr, m_model->pendingChangeCount())
            .arg(m_model->table().displayName()),
        buttons, this);
    box.setInformativeText(informative);
    box.setDefaultButton(defaultButton);
    return box.exec();
}

bool EntitiesView::confirmCascade(const CascadeReport &cascade)
{
    if (!cascade.bounded && cascade.totalRows() <= kCascadeAskAbove)
        return true;
    const int total = int(qMin<qint64>(cascade.totalRows(), INT_MAX));
    QMessageBox box(
        QMessageBox::Warning, tr("Save deletes or changes more rows"),
        (cascade.bounded
             ? tr("This save also deletes or changes at least %Ln row(s) of other "
                  "tables (the count stopped early):",
                  nullptr, total)
             : tr("This save also deletes or changes %Ln row(s) of other tables:", nullptr, total))
            + u'\n' + cascade.lines().join(u'\n'),
        QMessageBox::Save | QMessageBox::Cancel, this);
    box.setInformativeText(tr("They go with the rows you deleted or whose key you changed "
                              "(foreign keys with CASCADE, SET NULL, SET DEFAULT). Save anyway?"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

bool EntitiesView::confirmLeave(const QString &action, std::function<void()> afterSave)
{
    if (refuseWhileSaving(tr("leaving this table")))
        return false;
    if (m_model->pendingChangeCount() == 0)
        return true;
    switch (askAboutStaged(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                           QMessageBox::Cancel,
                           tr("Save writes them to %1, where they were made (preview first), "
                              "then continues. %2 drops them (Discard). Cancel stays here with "
                              "the changes staged.")
                               .arg(m_database, action))) {
    case QMessageBox::Save:
        m_afterSave = std::move(afterSave);
        requestSave();
        return false;
    case QMessageBox::Discard:
        m_model->revertAll();
        return true;
    default:
        return false;
    }
}

bool EntitiesView::confirmClose()
{
    if (refuseWhileSaving(tr("quitting")))
        return false;
    if (m_model->pendingChangeCount() == 0)
        return true;
    // Cancel the default, as in every question about unsaved changes: Enter never drops
    // changes nor starts a save.
    switch (askAboutStaged(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                           QMessageBox::Cancel,
                           tr("Save shows the statements and quits once they are written; "
                              "Discard drops the changes and quits; Cancel stays."))) {
    case QMessageBox::Save:
        m_closeAfterSave = true;
        requestSave();
        return false;
    case QMessageBox::Discard:
        m_model->revertAll();
        return true;
    default:
        return false;
    }
}

void EntitiesView::revertStaged()
{
    const int pending = m_model->pendingChangeCount();
    if (pending == 0 || m_model->isSaving())
        return;
    QMessageBox box(
        QMessageBox::Question, tr("Revert"),
        tr("Drop %n staged change(s) of %1?", nullptr, pending).arg(m_model->table().displayName()),
        QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("They were never saved; reverting cannot be undone."));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Discard)
        return;
    m_model->revertAll();
}

} // namespace uaip
