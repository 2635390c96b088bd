#pragma once

#include "connectiondiagnosis.h"
#include "db/sessionspec.h"
#include "jobs/job.h"

namespace uaip {

// ConnectionTester::test off the GUI thread, on a worker without a database: the test opens
// a connection of its own (it needs what the connector saw of a failure); the job's cancel
// ends its connect.
class ConnectionTestJob : public Job
{
    Q_OBJECT
public:
    explicit ConnectionTestJob(const SessionSpec &spec, QObject *parent = nullptr);

    // Valid after finished().
    const ConnectionDiagnosis &diagnosis() const { return m_diagnosis; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    SessionSpec m_spec;
    ConnectionDiagnosis m_diagnosis;
};

} // namespace uaip
