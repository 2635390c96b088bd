#include "connectiontestjob.h"

#include "connections/connectiontester.h"

namespace uaip {

ConnectionTestJob::ConnectionTestJob(const QString &conninfo, QObject *parent)
    : DbJob(tr("Test connection"), parent)
    , m_conninfo(conninfo)
{ }

bool ConnectionTestJob::execute(QString *summary)
{
    emit progress(0, 0, tr("connecting"));
    m_diagnosis = ConnectionTester::test(m_conninfo);
    *summary = m_diagnosis.summary;
    return m_diagnosis.ok();
}

} // namespace uaip
