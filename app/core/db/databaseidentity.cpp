#include "databaseidentity.h"

#include <QCoreApplication>

namespace uaip {

QString DatabaseIdentity::describe() const
{
    if (!isKnown())
        return QCoreApplication::translate("uaip::DatabaseIdentity", "an unknown database");
    return QCoreApplication::translate("uaip::DatabaseIdentity", "%1 on cluster %2")
        .arg(database, systemIdentifier);
}

} // namespace uaip
