#include "migrationdetailpane.h"

#include "eventtablemodel.h"
#include "lint/sqllinter.h"
#include "widgets/sqlview.h"
#include "widgets/statestyle.h"

#include <QHeaderView>
#include <QTableView>
#include <QTreeWidget>

namespace uaip {

MigrationDetailPane::MigrationDetailPane(QWidget *parent)
    : QTabWidget(parent)
    , m_up(new SqlView(this))
    , m_down(new SqlView(this))
    , m_lint(new QTreeWidget(this))
    , m_eventView(new QTableView(this))
    , m_events(new EventTableModel(this))
{
    setDocumentMode(true);
    m_up->setObjectName(QStringLiteral("upSql"));
    m_down->setObjectName(QStringLiteral("downSql"));
    m_lint->setObjectName(QStringLiteral("lint"));
    m_lint->setRootIsDecorated(false);
    m_lint->setHeaderLabels({tr("Severity"), tr("File"), tr("Line"), tr("Finding"), tr("Object")});
    m_lint->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventView->setModel(m_events);
    m_eventView->setObjectName(QStringLiteral("migrationEvents"));
    m_eventView->verticalHeader()->hide();
    m_eventView->horizontalHeader()->setStretchLastSection(true);
    m_eventView->setSelectionBehavior(QAbstractItemView::SelectRows);
    addTab(m_up, tr("up.sql"));
    addTab(m_down, tr("down.sql"));
    addTab(m_lint, tr("Lint"));
    addTab(m_eventView, tr("Events"));
}

void MigrationDetailPane::showMigration(const MigrationStatus *status,
                                        const QList<LedgerEvent> &allEvents)
{
    m_lint->clear();
    if (!status) {
        m_shownVersion.clear();
        m_up->setSql(QString());
        m_down->setSql(QString());
        m_events->setEvents({});
        return;
    }
    m_shownVersion = status->version;
    if (status->migration) {
        m_up->setSql(QString::fromUtf8(status->migration->upSql));
        m_down->setSql(status->migration->hasDown ? QString::fromUtf8(status->migration->downSql)
                                                  : tr("-- this migration has no down.sql: it "
                                                       "cannot be rolled back"));
        fillLint(*status->migration);
    } else {
        const QString gone = tr("-- the folder of %1 is missing: the ledger says it was applied")
                                 .arg(status->id());
        m_up->setSql(gone);
        m_down->setSql(gone);
    }
    QList<LedgerEvent> mine;
    for (const LedgerEvent &e : allEvents)
        if (e.version == status->version)
            mine << e;
    m_events->setEvents(mine);
    m_eventView->resizeColumnsToContents();
    setTabText(LintTab,
               m_lint->topLevelItemCount() ? tr("Lint (%1)").arg(m_lint->topLevelItemCount())
                                           : tr("Lint"));
}

void MigrationDetailPane::fillLint(const Migration &m)
{
    const auto add = [this](const QByteArray &sql, const SqlSplitResult &split,
                            const QString &file) {
        const std::optional<SqlSyntaxError> &syntax = split.error;
        const QList<LintFinding> findings = SqlLinter::lint(sql, split);
        if (syntax) {
            auto *item
                = new QTreeWidgetItem(m_lint,
                                      {tr("error"), file, QString::number(syntax->position.line),
                                       tr("syntax error: %1").arg(syntax->message), QString()});
            item->setForeground(0, StateStyle::danger());
        }
        for (const LintFinding &f : findings) {
            auto *item
                = new QTreeWidgetItem(m_lint,
                                      {LintFinding::severityName(f.severity), file,
                                       QString::number(f.position.line), f.message, f.object});
            item->setForeground(0,
                                f.severity == LintFinding::Severity::Danger
                                    ? StateStyle::danger()
                                    : StateStyle::warning());
        }
    };
    add(m.upSql, m.upSplit, QStringLiteral("up.sql"));
    if (m.hasDown)
        add(m.downSql, m.downSplit, QStringLiteral("down.sql"));
}

void MigrationDetailPane::showFailure(const MigrationFailure &failure)
{
    const bool down = failure.file.endsWith(QLatin1String("down.sql"));
    SqlView *view = down ? m_down : m_up;
    view->markError(failure.position.line, failure.position.column);
    setCurrentIndex(down ? DownTab : UpTab);
}

} // namespace uaip
