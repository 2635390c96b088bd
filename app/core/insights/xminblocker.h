#pragma once

#include <QString>

namespace uaip {

// Something that holds back the xmin horizon, so vacuum cannot remove rows that died after it:
// a session with an open snapshot or transaction (name: its pid), a replication slot (its name;
// state active or inactive), a prepared transaction (its gid), a standby's hot_standby_feedback
// (its application name or address). Age in transactions; in ms where known (-1 otherwise).
struct XminBlocker
{
    enum class Kind { Session, Slot, Prepared, Standby };

    Kind kind = Kind::Session;
    QString name;
    QString owner;
    QString database;
    QString application;
    QString state;
    qint64 xminAge = 0;
    qint64 ageMs = -1;
    QString detail; // the session's query, the slot's type, the standby's address
};

} // namespace uaip
