#include "migrationstate.h"

namespace uaip {

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QStringLiteral("applied");
    case MigrationState::Pending:
        return QStringLiteral("pending");
    case MigrationState::Modified:
        return QStringLiteral("modified");
    case MigrationState::Missing:
        return QStringLiteral("missing");
    case MigrationState::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

} // namespace uaip
