#pragma once

#include "demotable.h"

#include <QByteArray>

namespace uaip {

// A piece of one table's COPY data: about DemoDataLoader::Options::chunkBytes of rows.
struct DemoChunk
{
    DemoTable table = DemoTable::Users;
    QByteArray data;
    qint64 rows = 0;
    bool lastOfTable = false; // the table is complete after this chunk (may hold no rows)
};

} // namespace uaip
