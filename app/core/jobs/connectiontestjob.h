#pragma once

#include "connections/connectiondiagnosis.h"
#include "dbjob.h"

namespace uaip {

// ConnectionTester::test off the GUI thread.
class ConnectionTestJob : public DbJob
{
    Q_OBJECT
public:
    explicit ConnectionTestJob(const QString &conninfo, QObject *parent = nullptr);

    // Valid after finished().
    const ConnectionDiagnosis &diagnosis() const { return m_diagnosis; }

protected:
    bool execute(QString *summary) override;

private:
    QString m_conninfo;
    ConnectionDiagnosis m_diagnosis;
};

} // namespace uaip
