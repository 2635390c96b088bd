#include "fleettargetresult.h"

#include <QCoreApplication>

namespace uaip {

QString FleetTargetResult::Error::location() const
{
    if (file.isEmpty())
        return {};
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(col);
}

QString FleetTargetResult::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Applied:
        return QStringLiteral("applied");
    case State::UpToDate:
        return QStringLiteral("up-to-date");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Skipped:
        return QStringLiteral("skipped");
    case State::Standby:
        return QStringLiteral("standby");
    case State::Unreachable:
        return QStringLiteral("unreachable");
    case State::Drifted:
        return QStringLiteral("drifted");
    }
    return {};
}

QString FleetTargetResult::stateText(State state)
{
    switch (state) {
    case State::Pending:
        return QCoreApplication::translate("uaip::FleetTargetResult", "pending");
    case State::Applied:
        return QCoreApplication::translate("uaip::FleetTargetResult", "applied");
    case State::UpToDate:
        return QCoreApplication::translate("uaip::FleetTargetResult", "up to date");
    case State::Failed:
        return QCoreApplication::translate("uaip::FleetTargetResult", "failed");
    case State::Skipped:
        return QCoreApplication::translate("uaip::FleetTargetResult", "not started");
    case State::Standby:
        return QCoreApplication::translate("uaip::FleetTargetResult", "standby");
    case State::Unreachable:
        return QCoreApplication::translate("uaip::FleetTargetResult", "unreachable");
    case State::Drifted:
        return QCoreApplication::translate("uaip::FleetTargetResult", "drifted");
    }
    return {};
}

} // namespace uaip
