#pragma once

#include "onlinechangepair.h"

#include "jobs/job.h"
#include "ledger/migration.h"

#include <optional>

namespace uaip {

// OnlineChangeBuilder on the sandbox: the statement as an expand and a contract migration,
// proved. Writes nothing: the view shows the result and OnlineChangeBuilder::write writes it.
class OnlineChangeJob : public Job
{
    Q_OBJECT
public:
    OnlineChangeJob(const QString &sandboxDir, const QList<Migration> &migrations,
                    const QString &name, const QByteArray &sql, QObject *parent = nullptr);

    // Valid after finished(true).
    const std::optional<OnlineChangePair> &result() const { return m_result; }
    // Why it failed (the statement, the table, or the proof's step), after finished(false).
    QString errorText() const { return m_error; }

protected:
    Result<QString> execute(JobContext &context) override;
    // Its first line.
    QString failureSummary(const Error &error) const override;

private:
    QString m_sandboxDir;
    QList<Migration> m_migrations;
    QString m_name;
    QByteArray m_sql;
    QString m_error;
    std::optional<OnlineChangePair> m_result;
};

} // namespace uaip
