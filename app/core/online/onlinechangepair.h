#pragma once

#include "onlinechangescripts.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace uaip {

// An online change (OnlineChangeBuilder) proved on the sandbox and ready to be written: the
// expand folder and, unless the change needs no pair, the contract folder after it.
struct OnlineChangePair
{
    QString description; // OnlineChange::describe()
    OnlineChangeScripts scripts;
    QString expandFolder; // VERSION_name
    QString contractFolder; // VERSION_name_contract; empty when scripts.single
    QDateTime expandAt; // the times the versions were made from (write() needs the same)
    QDateTime contractAt;
    QStringList proof; // what the proof ran, one line each
};

} // namespace uaip
