#include "databaseidentity.h"

#include <QCoreApplication>

namespace uaip {

QString DatabaseIdentity::describe() const
{
    if (!isKnown())
        return tr("an unknown database");
    return tr("%1 on cluster %2").arg(database, systemIdentifier);
}

} // namespace uaip
