#include "queryshape.h"

namespace uaip {

QStringList QueryShape::relationNames() const
{
    QStringList names;
    for (const Relation &r : relations)
        if (!names.contains(r.name))
            names << r.name;
    return names;
}

} // namespace uaip
