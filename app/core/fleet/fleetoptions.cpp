#include "fleetoptions.h"

namespace uaip {

QString FleetOptions::commandName(Command command)
{
    switch (command) {
    case Command::Status:
        return QStringLiteral("status");
    case Command::Up:
        return QStringLiteral("up");
    case Command::Down:
        return QStringLiteral("down");
    case Command::Drift:
        return QStringLiteral("drift");
    }
    return {};
}

} // namespace uaip
