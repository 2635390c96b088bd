#include "migrationcheckflow.h"

#include "confirmer.h"
#include "db/pgconnection.h"
#include "db/session.h"
#include "drift/verifyjob.h"
#include "insights/insightscapabilities.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "ledger/migrationsource.h"
#include "migrationreports.h"

#include <QWidget>

#include <memory>

namespace uaip {

MigrationCheckFlow::MigrationCheckFlow(const MigrationSource &source,
                                       std::function<Confirmer *()> confirmer, QWidget *parent)
    : QObject(parent)
    , m_source(source)
    , m_confirmer(std::move(confirmer))
    , m_parent(parent)
{ }

void MigrationCheckFlow::dryRun(const QList<MigrationStatus> &statuses, bool oneTransaction)
{
    bool sql = false;
    const QString text = MigrationReports::dryRun(statuses, oneTransaction, &sql);
    m_confirmer()->showText(m_parent, tr("Dry run: the SQL plan"), text, sql);
}

void MigrationCheckFlow::validate(const QList<MigrationStatus> &statuses)
{
    int problems = 0;
    const QString text = MigrationReports::validate(m_source, statuses, &problems);
    emit message(problems ? tr("Validate found %n problem(s).", nullptr, problems)
                          : tr("Validate: no problems."),
                 problems > 0);
    m_confirmer()->showText(m_parent, tr("Validate"), text, false);
}

void MigrationCheckFlow::verify(const std::optional<SessionSpec> &target, const QString &sandboxDir)
{
    const bool checkTarget = target.has_value();
    auto *job = new VerifyJob(sandboxDir, checkTarget, m_source.migrations());
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation)
            return;
        const QString report = job->reportText();
        emit jobEnded();
        if (!ok && job->isCancelled())
            return emit message(tr("Verify cancelled."), false);
        emit message(tr("Verify: %1").arg(summary), !ok);
        m_confirmer()->showText(m_parent, tr("Verify"), report.isEmpty() ? summary : report, false);
    });
    emit started(job,
                 checkTarget
                     ? std::optional<SessionSpec>(target->withPurpose(QStringLiteral("verify")))
                     : std::nullopt);
}

void MigrationCheckFlow::workloadSince(const QString &version, const SessionSpec &target)
{
    auto report = std::make_shared<std::optional<WorkloadSince::Report>>();
    auto *job = new FunctionJob(
        tr("Workload since %1").arg(version),
        [version, report](JobContext &context) -> Result<QString> {
            const Result<Session *> session = context.session();
            if (!session)
                return session.error();
            PgConnection &pg = session.value()->pg();
            const Result<InsightsCapabilities> caps = InsightsCapabilities::read(pg);
            const Result<WorkloadSince::Report> read = caps
                ? WorkloadSince::read(pg, caps.value(), version)
                : Result<WorkloadSince::Report>(caps.error());
            if (!read)
                return read.error();
            *report = read.value();
            return tr("%n statement(s) slower", nullptr, read.value().regressions());
        });
    const int generation = m_generation;
    connect(job, &Job::finished, this,
            [this, report, generation, version](bool ok, const QString &summary) {
                emit jobEnded();
                if (generation != m_generation)
                    return;
                const QString title = tr("Workload since %1").arg(version);
                if (!ok)
                    return emit message(tr("%1: %2").arg(title, summary), true);
                m_confirmer()->showText(m_parent, title, MigrationReports::workloadSince(**report),
                                        false);
            });
    emit started(job, target.withPurpose(QStringLiteral("workload since")));
}

} // namespace uaip
