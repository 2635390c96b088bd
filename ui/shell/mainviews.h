#pragma once

#include "db/sessionspec.h"

#include <QList>
#include <QObject>

#include <optional>

class QWidget;

namespace uaip {

class ActivityView;
class AnalyticsView;
class EntitiesView;
class FleetView;
class HealthView;
class JobManager;
class MigrationsView;
class ObjectsView;
class PromptsView;
class SqlConsoleView;

// The window's nine views, made with it (the window is their parent) and in the side bar's
// order. They are pointed at a database together, read it again together, list their own jobs
// in the job dock, and ask each other for things: a chart point's rows or an object in
// Entities, an object's SQL in the SQL view, an index action as a migration; after a migration
// every view reads again what it read from the catalog. Showing a view is the window's
// (viewWanted).
class MainViews : public QObject
{
    Q_OBJECT
public:
    MainViews(JobManager *jobs, QWidget *window);

    MigrationsView *const migrations;
    EntitiesView *const entities;
    AnalyticsView *const analytics;
    PromptsView *const prompts;
    SqlConsoleView *const sql;
    ObjectsView *const objects;
    ActivityView *const activity;
    HealthView *const health;
    FleetView *const fleet;

    // The views in the side bar's order (MainWindow::View).
    QList<QWidget *> pages() const;
    // Points every view but Fleet (its targets are its own) at a database (std::nullopt: none).
    void setTarget(const std::optional<SessionSpec> &spec);
    // After a migration, a rollback or an adoption: what the views read from the catalog.
    void reloadCatalogs();
    // F5: each view reads again what it can (one without a session does nothing); the Health
    // view only when it is shown (healthShown), else it is marked out of date.
    void refreshAll(bool healthShown);

signals:
    // A view asked for another one (MainWindow::View) to be shown.
    void viewWanted(int view);

private:
    // Migrations, Health and Analytics to the others, and the views' jobs to the job dock.
    void connectViews(JobManager *jobs);
    // The Objects view's requests to open an object in Entities or SQL.
    void connectObjectsView();
};

} // namespace uaip
