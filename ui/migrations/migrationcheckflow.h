#pragma once

#include "db/sessionspec.h"
#include "ledger/migrationstatus.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace uaip {

class Confirmer;
class Job;
class MigrationSource;

// The Migrations view's read-only checks, each ending in a report (Confirmer::showText): Dry
// run (the SQL plan) and Validate word what the view read (MigrationReports); Verify (the
// migrations on a scratch database, and the target checked against them when connected) and
// Workload since (the selected applied migration's workload snapshot against now) are jobs the
// view runs and waits for.
class MigrationCheckFlow : public QObject
{
    Q_OBJECT
public:
    // source: the view's migrations; confirmer: who shows the reports (asked for each).
    MigrationCheckFlow(const MigrationSource &source, std::function<Confirmer *()> confirmer,
                       QWidget *parent);

    // oneTransaction: the plan as the run in one transaction would check and send it.
    void dryRun(const QList<MigrationStatus> &statuses, bool oneTransaction);
    void validate(const QList<MigrationStatus> &statuses);
    // target: also checked against the migrations (std::nullopt: the scratch database only).
    void verify(const std::optional<SessionSpec> &target, const QString &sandboxDir);
    void workloadSince(const QString &version, const SessionSpec &target);
    // The target changed: results of the jobs started before are not shown.
    void disown() { ++m_generation; }

signals:
    // A job to run on a one-shot worker of spec (std::nullopt: none); the view waits for it.
    void started(uaip::Job *job, const std::optional<uaip::SessionSpec> &spec);
    // That job is over (sent before anything is said about it).
    void jobEnded();
    void message(const QString &text, bool error);

private:
    const MigrationSource &m_source;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    int m_generation = 0; // of the target: results of older jobs are ignored
};

} // namespace uaip
