#include "sqltabtoolbar.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QSpinBox>

namespace uaip {

SqlTabToolBar::SqlTabToolBar(QWidget *tab)
    : QToolBar(tab)
    , autocommit(new QCheckBox(tr("Autocommit"), tab))
    , analyze(new QCheckBox(tr("Analyze"), tab))
    , timeout(new QSpinBox(tab))
{
    autocommit->setToolTip(tr("On: each statement commits on its own. Off: the work stays in "
                              "a transaction until Commit or Roll back."));
    analyze->setToolTip(tr("EXPLAIN ANALYZE: run the statement and measure every node "
                           "(never for a statement that writes)."));
    timeout->setRange(0, 86400);
    timeout->setSuffix(tr(" s"));
    timeout->setSpecialValueText(tr("no timeout"));
    timeout->setToolTip(tr("Statement timeout of this tab"));
    buildActions(tab);
}

void SqlTabToolBar::buildActions(QWidget *tab)
{
    const auto add = [this, tab](const QString &text, const QKeySequence &key) {
        auto *a = new QAction(text, tab);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        tab->addAction(a);
        addAction(a);
        return a;
    };
    run = add(tr("Run"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    runScript = add(tr("Run script"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    explain = add(tr("Explain"), QKeySequence(Qt::CTRL | Qt::Key_E));
    addWidget(analyze);
    cancel = add(tr("Cancel"), QKeySequence(Qt::Key_Escape));
    cancel->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_Period)});
    addSeparator();
    addWidget(autocommit);
    commit = add(tr("Commit"), QKeySequence());
    rollback = add(tr("Roll back"), QKeySequence());
    closeResults = add(tr("Close result"), QKeySequence());
    closeResults->setToolTip(tr("Read what is left of a short result, close its cursor and "
                                "end the read transaction that holds its tables' locks"));
    addSeparator();
    addWidget(new QLabel(tr("Timeout:"), tab));
    addWidget(timeout);
    addSeparator();
    exportCsv = add(tr("Export CSV…"), QKeySequence());
    history = add(tr("History…"), QKeySequence());
    run->setToolTip(run->toolTip() + u'\n'
                    + tr("The selection, or the statement under the cursor"));
}

void SqlTabToolBar::setState(const State &state)
{
    run->setEnabled(state.ready);
    runScript->setEnabled(state.ready);
    explain->setEnabled(state.ready);
    cancel->setEnabled(state.busy);
    commit->setEnabled(state.ready && state.inTransaction && !state.transactionFailed);
    rollback->setEnabled(state.ready && state.inTransaction);
    closeResults->setEnabled(state.ready && state.cursors);
    exportCsv->setEnabled(state.ready);
    history->setEnabled(state.target);
    autocommit->setEnabled(!state.inTransaction);
}

} // namespace uaip
