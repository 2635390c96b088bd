// MigrationsView, its layout: the tool bar, the filter, the migration table and history, the
// detail pane (SQL, lint, events) and how the tool bar fits the width. The behaviour is in
// migrationsview.cpp.
#include "backupgate.h"
#include "connections/connectiontester.h"
#include "db/sandbox.h"
#include "dialogconfirmer.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogressdialog.h"
#include "jobs/migrationrunjob.h"
#include "jobs/migrationstatusjob.h"
#include "jobs/rollbackpreviewjob.h"
#include "jobs/sessionworker.h"
#include "jobs/verifyjob.h"
#include "migrate/migrationplanner.h"
#include "migrationactions.h"
#include "migrationdetailpane.h"
#include "migrationreports.h"
#include "migrationsview.h"
#include "migrationtablemodel.h"
#include "migrationtableview.h"
#include "runresulttext.h"
#include "widgets/statestyle.h"
#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace uaip {

void MigrationsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    // Thin margins: the room goes to the table and the SQL.
    const int margin = fontMetrics().height() / 4;
    layout->setContentsMargins(margin, 0, margin, margin);
    layout->setSpacing(margin);
    auto *bar = new QToolBar(tr("Migrations"), this);
    m_bar = bar;
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions->refresh);
    bar->addSeparator();
    bar->addActions({m_actions->applyAll, m_actions->applyToSelected});
    m_backup->setToolBarAction(bar->addWidget(m_backup->checkBox()));
    connect(m_backup, &BackupGate::started, this,
            [this](Job *job) { adopt(job, true, nullptr, std::nullopt); });
    connect(m_backup, &BackupGate::failed, this, [this](const QString &why, bool error) {
        m_busyJob.clear();
        showBanner(why, error);
        updateActions();
        emit runFinished(false);
    });
    bar->addSeparator();
    bar->addActions({m_actions->rollbackLast, m_actions->rollbackToSelected});
    bar->addSeparator();
    bar->addActions(
        {m_actions->dryRun, m_actions->validate, m_actions->verify, m_actions->generateMigration});
    layout->addWidget(bar);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(fontMetrics().height() / 3);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_foreign = new ForeignHistorySection(this);
    connect(m_foreign, &ForeignHistorySection::loaded, this, &MigrationsView::showLedgerBanner);
    layout->addWidget(m_foreign);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by version, name or state (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    // Fixed: a corner widget gets its size hint, a larger minimum would run off the edge.
    m_filter->setFixedWidth(fontMetrics().horizontalAdvance(m_filter->placeholderText())
                            + fontMetrics().height() * 3);

    m_table = new MigrationTableView(this);
    m_model = m_table->migrations();
    connect(m_filter, &QLineEdit::textChanged, m_table, &MigrationTableView::setFilterText);
    m_details = new MigrationDetailPane(this);
    connect(m_table, &MigrationTableView::selectionMoved, this, [this] {
        const auto v = selectedVersion();
        const int row = v ? m_model->rowOfVersion(*v) : -1;
        m_details->showMigration(m_model->statusAt(row), m_events);
        if (m_lastFailure && v && m_lastFailure->version == *v)
            m_details->showFailure(*m_lastFailure);
        updateActions();
    });

    // The table gets room for about a dozen rows (its size hint), the SQL below the rest.
    auto *split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    split->setObjectName(QStringLiteral("migrationSplit"));
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    m_history = new EventTableModel(this);
    auto *historyView = new QTableView(this);
    m_historyView = historyView;
    historyView->setObjectName(QStringLiteral("historyTable"));
    historyView->setModel(m_history);
    historyView->verticalHeader()->hide();
    historyView->horizontalHeader()->setStretchLastSection(true);
    historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyView->setAlternatingRowColors(true);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(split, tr("Mi&grations"));
    // The filter sits beside the tabs (it filters the migrations tab), not in a row of its own.
    // In a layout, so the corner gets the filter's fixed width as its size hint.
    auto *corner = new QWidget(this);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(m_filter);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    m_tabs->addTab(historyView, tr("Hi&story"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_tabs->cornerWidget(Qt::TopRightCorner)->setVisible(index == 0);
        if (m_tabs->widget(index) == m_historyView)
            m_historyView->resizeColumnsToContents(); // the rows on screen now
    });

    connect(m_actions->refresh, &QAction::triggered, this, &MigrationsView::refresh);
    connect(m_actions->applyAll, &QAction::triggered, this, [this] { startApply(std::nullopt); });
    connect(m_actions->applyToSelected, &QAction::triggered, this,
            [this] { startApply(selectedVersion()); });
    connect(m_actions->rollbackLast, &QAction::triggered, this, [this] {
        startRollback(DownTarget{DownTarget::Kind::Steps, 1, std::nullopt},
                      tr("Roll back the last applied migration"));
    });
    connect(m_actions->rollbackToSelected, &QAction::triggered, this, [this] {
        const auto v = selectedVersion();
        const auto parsed = v ? MigrationVersion::parse(*v) : std::nullopt;
        if (!parsed)
            return showBanner(tr("Select the migration to roll back to first."), true);
        startRollback(DownTarget{DownTarget::Kind::ToVersion, 0, parsed},
                      tr("Roll back every migration after %1 (%1 stays applied)").arg(*v));
    });
    connect(m_actions->dryRun, &QAction::triggered, this, &MigrationsView::dryRun);
    // In one transaction the plan is checked as one (no-transaction scripts are refused)
    connect(m_actions->singleTransaction, &QAction::toggled, this, [this](bool one) {
        m_planProblems = MigrationReports::planProblems(m_model->statuses(), one);
        updateActions();
    });
    connect(m_actions->validate, &QAction::triggered, this, &MigrationsView::validate);
    connect(m_actions->verify, &QAction::triggered, this, &MigrationsView::verify);
    connect(m_actions->generateMigration, &QAction::triggered, this,
            &MigrationsView::generateMigration);
    connect(m_actions->findFilter, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_actions->showHistory, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex(1); });
    updateActions();
}

void MigrationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_splitPlaced || m_split->height() <= 0)
        return;
    // Once, when the splitter has its real height: the table its dozen rows, the SQL the rest
    // (the user's own drag wins from then on).
    m_splitPlaced = true;
    const int table = qMin(m_table->sizeHint().height(), m_split->height() / 2);
    m_split->setSizes({table, m_split->height() - table});
}

void MigrationsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToolBar();
}

void MigrationsView::fitToolBar()
{
    // Words beside the icons where they fit; else under them (narrower: a button is as wide as
    // its word, not word and icon), so longer languages keep their labels; icons only (the tool
    // tips name them) only where not even that fits, rather than hiding actions behind the tool
    // bar's overflow button.
    const int room = contentsRect().width();
    for (const Qt::ToolButtonStyle style :
         {Qt::ToolButtonTextBesideIcon, Qt::ToolButtonTextUnderIcon, Qt::ToolButtonIconOnly}) {
        if (m_bar->toolButtonStyle() != style)
            m_bar->setToolButtonStyle(style);
        // the buttons' new sizes, not the hint cached for the previous style
        m_bar->layout()->invalidate();
        if (m_bar->sizeHint().width() <= room)
            break;
    }
}

} // namespace uaip
