#pragma once

#include "dbjob.h"

namespace uaip {

// Loads the demo data set (DemoDataLoader, one transaction) unless the same seed is loaded
// already. Cancel rolls the whole load back.
class DemoDataJob : public DbJob
{
    Q_OBJECT
public:
    DemoDataJob(const QString &conninfo, qint64 metricRows, quint64 seed = 42,
                QObject *parent = nullptr);

    bool alreadyLoaded() const { return m_alreadyLoaded; }

protected:
    bool execute(QString *summary) override;

private:
    QString m_conninfo;
    qint64 m_metricRows;
    quint64 m_seed;
    bool m_alreadyLoaded = false;
};

} // namespace uaip
