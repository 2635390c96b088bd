#include "promptimportplan.h"

namespace uaip {

QString PromptImportItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::New:
        return QStringLiteral("new");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::MetadataChanged:
        return QStringLiteral("metadata_changed");
    case Kind::Unchanged:
        return QStringLiteral("unchanged");
    }
    return QString();
}

} // namespace uaip
