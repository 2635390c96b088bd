#pragma once

#include <QString>

namespace uaip {

// A session idle in a transaction: it holds its locks, and its snapshot keeps back vacuum
// (holdsXmin) until it ends. Ages in ms.
struct IdleTransaction
{
    int pid = 0;
    QString user;
    QString database;
    QString application;
    QString state;
    qint64 transactionMs = 0;
    qint64 idleMs = 0;
    QString lastQuery;
    bool holdsXmin = false;
};

} // namespace uaip
