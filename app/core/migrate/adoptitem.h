#pragma once

#include <QString>

namespace uaip {

// One migration to take over from another tool's history (MigrationRunner::adopt): the folder's
// version, and the tool and foreign row it was matched to, as the 'adopt' event names them.
struct AdoptItem
{
    QString version;
    QString detail;
};

} // namespace uaip
