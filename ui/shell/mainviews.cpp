#include "mainviews.h"

#include "activity/activityview.h"
#include "analytics/analyticsview.h"
#include "browser/entitiesview.h"
#include "fleet/fleetview.h"
#include "health/healthview.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"
#include "objects/objectsview.h"
#include "prompts/promptsview.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"

#include <QAction>

namespace uaip {

MainViews::MainViews(JobManager *jobs, QWidget *window)
    : QObject(window)
    , migrations(new MigrationsView(jobs, window))
    , entities(new EntitiesView(window))
    , analytics(new AnalyticsView(window))
    , prompts(new PromptsView(window))
    , sql(new SqlConsoleView(window))
    , objects(new ObjectsView(window))
    , activity(new ActivityView(window))
    , health(new HealthView(window))
    , fleet(new FleetView(jobs, window))
{
    connectViews(jobs);
}

QList<QWidget *> MainViews::pages() const
{
    return {migrations, entities, prompts, analytics, sql, objects, activity, health, fleet};
}

void MainViews::connectViews(JobManager *jobs)
{
    // Migrations change the schema: every view reads again what it read from the catalog (the
    // Entities tree keeps its expansion and selection).
    connect(migrations, &MigrationsView::runFinished, this, &MainViews::reloadCatalogs);
    // The views' own jobs (saves, exports, prompt and chart queries) are listed in the job dock.
    connect(entities, &EntitiesView::jobStarted, jobs, &JobManager::announce);
    connect(prompts, &PromptsView::jobStarted, jobs, &JobManager::announce);
    connect(analytics, &AnalyticsView::jobStarted, jobs, &JobManager::announce);
    connect(sql, &SqlConsoleView::jobStarted, jobs, &JobManager::announce);
    connect(activity, &ActivityView::jobStarted, jobs, &JobManager::announce);
    connect(health, &HealthView::jobStarted, jobs, &JobManager::announce);
    // Create as migration: the Migrations view proves and writes it, then lists it to apply.
    connect(health, &HealthView::migrationRequested, this, [this](const IndexAction &action) {
        emit viewWanted(MainWindow::Migrations);
        migrations->createIndexMigration(action);
    });
    connect(migrations, &MigrationsView::migrationsDirChanged, fleet, &FleetView::setMigrationsDir);
    // A click on a chart point opens the rows behind it.
    connect(
        analytics, &AnalyticsView::showRowsRequested, this,
        [this](const QString &schema, const QString &table, const QList<ColumnFilter> &filters) {
            if (!entities->confirmLeave(tr("Opening %1").arg(table)))
                return;
            emit viewWanted(MainWindow::Entities);
            entities->openTable(schema, table, BrowseQuery{filters, {}, {}, false});
        });
    connectObjectsView();
}

void MainViews::connectObjectsView()
{
    // The object browser's Open in Entities / Open in SQL: the other view, on the same database.
    connect(objects, &ObjectsView::openInEntitiesRequested, this,
            [this](const QString &schema, const QString &table) {
                if (!entities->confirmLeave(tr("Opening %1").arg(table)))
                    return;
                emit viewWanted(MainWindow::Entities);
                entities->openTable(schema, table, BrowseQuery{});
            });
    connect(objects, &ObjectsView::openInSqlRequested, this, [this](const QString &text) {
        emit viewWanted(MainWindow::Sql);
        if (SqlConsoleTab *tab = sql->currentTab()) {
            tab->editor()->setText(text);
            tab->editor()->setFocus(Qt::ShortcutFocusReason);
        }
    });
}

void MainViews::setTarget(const std::optional<SessionSpec> &spec)
{
    migrations->setTarget(spec);
    entities->setTarget(spec);
    prompts->setTarget(spec);
    analytics->setTarget(spec);
    sql->setTarget(spec);
    objects->setTarget(spec);
    activity->setTarget(spec);
    health->setTarget(spec);
}

void MainViews::reloadCatalogs()
{
    entities->refreshTables();
    prompts->reloadCatalog();
    analytics->reload();
    sql->reloadCatalog();
    objects->reload();
    health->markStale();
}

void MainViews::refreshAll(bool healthShown)
{
    migrations->refresh();
    entities->refreshAction()->trigger();
    prompts->reloadCatalog();
    analytics->reload();
    sql->reloadCatalog();
    objects->reload();
    activity->refresh();
    if (healthShown)
        health->refresh();
    else
        health->markStale();
}

} // namespace uaip
