#include "fleettargetresult.h"

#include <QCoreApplication>

namespace uaip {

QString FleetTargetResult::location() const
{
    const QString file = error.arg(QStringLiteral("path")).toString();
    if (file.isEmpty())
        return {};
    return QStringLiteral("%1:%2:%3")
        .arg(file)
        .arg(error.arg(QStringLiteral("line")).toInt())
        .arg(error.arg(QStringLiteral("column")).toInt());
}

QList<FleetTargetResult::State> FleetTargetResult::states()
{
    return {State::Pending, State::UpToDate, State::Applied, State::Attention,  State::Failed,
            State::Drifted, State::Skipped,  State::Standby, State::Unreachable};
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
    case State::Attention:
        return QStringLiteral("needs-attention");
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
    case State::Attention:
        return QCoreApplication::translate("uaip::FleetTargetResult", "needs attention");
    }
    return {};
}

} // namespace uaip
