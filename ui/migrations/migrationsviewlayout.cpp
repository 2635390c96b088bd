#include "migrationsviewlayout.h"

#include "backupgate.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "migrationactions.h"
#include "migrationbanner.h"
#include "migrationdetailpane.h"
#include "migrationsview.h"
#include "migrationtableview.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace uaip {

MigrationsViewLayout::MigrationsViewLayout(MigrationsView *view, MigrationActions *actions,
                                           BackupGate *backup)
    : m_view(view)
{
    auto *layout = new QVBoxLayout(view);
    // Thin margins: the room goes to the table and the SQL.
    const int margin = view->fontMetrics().height() / 4;
    layout->setContentsMargins(margin, 0, margin, margin);
    layout->setSpacing(margin);
    buildToolBar(actions, backup);
    layout->addWidget(bar);

    banner = new MigrationBanner(view);
    layout->addWidget(banner);
    foreign = new ForeignHistorySection(view);
    layout->addWidget(foreign);

    buildTabs();
    layout->addWidget(tabs, 1);
    QObject::connect(actions->findFilter, &QAction::triggered, view, [this] {
        tabs->setCurrentIndex(0);
        filter->setFocus(Qt::ShortcutFocusReason);
        filter->selectAll();
    });
    QObject::connect(actions->showHistory, &QAction::triggered, view,
                     [this] { tabs->setCurrentIndex(1); });
}

void MigrationsViewLayout::buildToolBar(MigrationActions *actions, BackupGate *backup)
{
    bar = new QToolBar(tr("Migrations"), m_view);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(actions->refresh);
    bar->addSeparator();
    bar->addActions({actions->applyAll, actions->applyToSelected});
    backup->setToolBarAction(bar->addWidget(backup->checkBox()));
    bar->addSeparator();
    bar->addActions({actions->rollbackLast, actions->rollbackToSelected});
    bar->addSeparator();
    bar->addActions(
        {actions->dryRun, actions->validate, actions->verify, actions->generateMigration});
}

void MigrationsViewLayout::buildTabs()
{
    filter = new QLineEdit(m_view);
    filter->setObjectName(QStringLiteral("filter"));
    filter->setPlaceholderText(tr("Filter by version, name or state (Ctrl+F)"));
    filter->setClearButtonEnabled(true);
    // Fixed: a corner widget gets its size hint, a larger minimum would run off the edge.
    filter->setFixedWidth(m_view->fontMetrics().horizontalAdvance(filter->placeholderText())
                          + m_view->fontMetrics().height() * 3);

    table = new MigrationTableView(m_view);
    model = table->migrations();
    QObject::connect(filter, &QLineEdit::textChanged, table, &MigrationTableView::setFilterText);
    details = new MigrationDetailPane(m_view);

    // The table gets room for about a dozen rows (its size hint), the SQL below the rest.
    split = new QSplitter(Qt::Vertical, m_view);
    split->setObjectName(QStringLiteral("migrationSplit"));
    split->addWidget(table);
    split->addWidget(details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    history = new EventTableModel(m_view);
    historyView = new QTableView(m_view);
    historyView->setObjectName(QStringLiteral("historyTable"));
    historyView->setModel(history);
    historyView->verticalHeader()->hide();
    historyView->horizontalHeader()->setStretchLastSection(true);
    historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyView->setAlternatingRowColors(true);

    tabs = new QTabWidget(m_view);
    tabs->addTab(split, tr("Mi&grations"));
    // The filter sits beside the tabs (it filters the migrations tab), not in a row of its own.
    // In a layout, so the corner gets the filter's fixed width as its size hint.
    auto *corner = new QWidget(m_view);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(filter);
    tabs->setCornerWidget(corner, Qt::TopRightCorner);
    tabs->addTab(historyView, tr("Hi&story"));
    QObject::connect(tabs, &QTabWidget::currentChanged, m_view, [this](int index) {
        tabs->cornerWidget(Qt::TopRightCorner)->setVisible(index == 0);
        if (tabs->widget(index) == historyView)
            historyView->resizeColumnsToContents(); // the rows on screen now
    });
}

void MigrationsViewLayout::placeSplit()
{
    if (m_splitPlaced || split->height() <= 0)
        return;
    // Once, when the splitter has its real height: the table its dozen rows, the SQL the rest
    // (the user's own drag wins from then on).
    m_splitPlaced = true;
    const int rows = qMin(table->sizeHint().height(), split->height() / 2);
    split->setSizes({rows, split->height() - rows});
}

void MigrationsViewLayout::fitToolBar()
{
    // Words beside the icons where they fit; else under them (narrower: a button is as wide as
    // its word, not word and icon), so longer languages keep their labels; icons only (the tool
    // tips name them) only where not even that fits, rather than hiding actions behind the tool
    // bar's overflow button.
    const int room = m_view->contentsRect().width();
    for (const Qt::ToolButtonStyle style :
         {Qt::ToolButtonTextBesideIcon, Qt::ToolButtonTextUnderIcon, Qt::ToolButtonIconOnly}) {
        if (bar->toolButtonStyle() != style)
            bar->setToolButtonStyle(style);
        // the buttons' new sizes, not the hint cached for the previous style
        bar->layout()->invalidate();
        if (bar->sizeHint().width() <= room)
            break;
    }
}

} // namespace uaip
