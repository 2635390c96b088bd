#pragma once

#include <QMetaType>
#include <QString>

namespace uaip {

// Where a demo data load is: the table being written and the whole run.
struct DemoLoadProgress
{
    QString table;
    qint64 tableRows = 0;
    qint64 tableTotal = 0;
    qint64 rowsDone = 0; // all tables
    qint64 rowsTotal = 0; // all tables
    qint64 bytesSent = 0;
    qint64 elapsedMs = 0;
    double rowsPerSecond = 0; // rowsDone / elapsed
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::DemoLoadProgress)
