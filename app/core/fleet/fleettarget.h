#pragma once

#include <QString>

namespace uaip {

// One database of a fleet: a line "NAME CONNINFO-or-URI" of a targets file (or a profile of
// a group in the GUI). The conninfo never holds a password (libpq's .pgpass / PGPASSFILE).
struct FleetTarget
{
    QString name;
    QString conninfo; // libpq keyword/value string or postgresql:// URI
    QString wave; // the [wave NAME] heading it is under; empty before the first heading
    QString sourceFile; // where it was read (empty for targets made in code)
    int line = 0;
};

} // namespace uaip
