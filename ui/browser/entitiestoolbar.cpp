#include "entitiestoolbar.h"

#include "browse/entitymodel.h"

#include <QAction>
#include <QTableView>

namespace uaip {

namespace {
// An action's own tool tip (its name and shortcut), before the reason it is disabled.
const char *const kOwnToolTip = "uaipOwnToolTip";
} // namespace

EntitiesToolBar::EntitiesToolBar(QWidget *view, EntityModel *model, QTableView *grid)
    : QToolBar(view)
    , m_view(view)
    , m_model(model)
    , m_grid(grid)
{
    refresh = add("view-refresh", tr("Refresh"), QKeySequence());
    cancelLoad = add("process-stop", tr("Cancel loading"), QKeySequence(Qt::Key_Escape));
    count = add("accessories-calculator", tr("Count rows"), QKeySequence());
    end = add("go-bottom", tr("Last page"), QKeySequence(Qt::CTRL | Qt::Key_End));
    find = add("edit-find", tr("Filter"), QKeySequence::Find);
    addSeparator();
    insert = add("list-add", tr("Insert row"), QKeySequence(Qt::CTRL | Qt::Key_Insert));
    duplicate = add("edit-copy", tr("Duplicate row"), QKeySequence(Qt::CTRL | Qt::Key_D));
    // not QKeySequence::Delete: on X11 it is also Ctrl+D (Duplicate row)
    remove = add("edit-delete", tr("Delete rows"), QKeySequence(Qt::Key_Delete));
    setNull = add("edit-clear", tr("Set NULL"), QKeySequence(Qt::CTRL | Qt::Key_0));
    addSeparator();
    save = add("document-save", tr("Save"), QKeySequence::Save);
    revert = add("document-revert", tr("Revert"), QKeySequence());
    cancelSave = add("process-stop", tr("Cancel save"), QKeySequence());
    addSeparator();
    exportCsv = add("document-export", tr("Export CSV…"), QKeySequence());
}

QAction *EntitiesToolBar::add(const char *icon, const QString &text, const QKeySequence &key)
{
    auto *a = new QAction(QIcon::fromTheme(QLatin1String(icon)), text, m_view);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(key.isEmpty() ? text
                                : text + QStringLiteral(" (")
                          + key.toString(QKeySequence::NativeText) + u')');
    a->setProperty(kOwnToolTip, a->toolTip());
    m_view->addAction(a);
    addAction(a);
    return a;
}

void EntitiesToolBar::update(bool connected, bool exporting)
{
    const PageLoader *loader = m_model->loader();
    const bool open = m_model->table().isValid();
    const bool saving = m_model->isSaving();
    const bool insertable = open && m_model->canInsert() && !saving;
    const int pending = m_model->pendingChangeCount();
    const QString savingReason = saving ? tr("A save is running.") : QString();
    const QString insertReason
        = !savingReason.isEmpty() ? savingReason : m_model->insertReadOnlyReason();
    setAvailable(insert, insertable, insertReason);
    setAvailable(duplicate, insertable, insertReason);
    setAvailable(remove, open && m_model->canDelete() && !saving,
                 !savingReason.isEmpty() ? savingReason : m_model->deleteReadOnlyReason());
    const QString nullReason = open ? setNullReason() : tr("No table is open.");
    setAvailable(setNull, nullReason.isEmpty(), nullReason);
    save->setEnabled(pending > 0 && !saving);
    // A running save is stopped with Cancel save, never by reverting what it writes.
    revert->setEnabled(pending > 0 && !saving);
    cancelSave->setEnabled(saving);
    cancelSave->setVisible(saving);
    count->setEnabled(open && !loader->isCounting()
                      && loader->countState() != PageLoader::CountState::Complete);
    end->setEnabled(open);
    exportCsv->setEnabled(open && !exporting);
    // Nothing to refresh or filter without a connection or a table.
    refresh->setEnabled(connected);
    find->setEnabled(open);
    cancelLoad->setEnabled(loader->isLoading() || loader->isCounting());
}

void EntitiesToolBar::setAvailable(QAction *action, bool enabled, const QString &reason)
{
    action->setEnabled(enabled);
    const QString own = action->property(kOwnToolTip).toString();
    action->setToolTip(enabled || reason.isEmpty() ? own
                                                   : tr("%1 — not available: %2").arg(own, reason));
}

QString EntitiesToolBar::setNullReason() const
{
    // Nothing of the table can change (profile, not a table, no privilege): said at once,
    // without looking at every selected cell.
    if (const QString reason = m_model->readOnlyReason();
        !reason.isEmpty() && !m_model->insertReadOnlyReason().isEmpty())
        return reason;
    QModelIndexList cells = m_grid->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_grid->currentIndex().isValid())
        cells << m_grid->currentIndex();
    if (cells.isEmpty())
        return tr("No cell is selected.");
    QString first;
    for (const QModelIndex &cell : std::as_const(cells)) {
        QString reason = m_model->cellReadOnlyReason(cell);
        if (reason.isEmpty() && m_model->table().columns.value(cell.column()).notNull)
            reason = tr("%1.%2 is NOT NULL.")
                         .arg(m_model->table().displayName(),
                              m_model->table().columns.value(cell.column()).name);
        if (reason.isEmpty())
            return QString(); // at least one selected cell takes NULL
        if (first.isEmpty())
            first = reason;
    }
    return first;
}

} // namespace uaip
