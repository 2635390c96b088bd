#pragma once

#include <QString>

namespace uaip {

// Client backends of one database, application and state (state empty: sessions this role may
// not see into), with the oldest transaction's and state's age in ms (-1: none).
struct ConnectionGroup
{
    QString database;
    QString application;
    QString state;
    int sessions = 0;
    qint64 oldestTransactionMs = -1;
    qint64 oldestStateMs = -1;
};

} // namespace uaip
