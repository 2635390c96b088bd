#pragma once

#include <QList>
#include <QString>

namespace uaip {

// An object another one uses or is used by (ObjectCatalog::dependencies), as the server's
// pg_identify_object names it: type ("table", "view", "function", "type", ...) and identity
// (quoted where needed).
struct ObjectReference
{
    QString type;
    QString identity;

    bool operator==(const ObjectReference &) const = default;
};

} // namespace uaip
