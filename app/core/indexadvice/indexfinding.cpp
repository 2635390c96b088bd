#include "indexfinding.h"

namespace uaip {

QString IndexFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unused:
        return QStringLiteral("unused");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::Covered:
        return QStringLiteral("covered");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::Bloated:
        return QStringLiteral("bloated");
    }
    return QString();
}

} // namespace uaip
