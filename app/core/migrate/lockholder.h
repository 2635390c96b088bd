#pragma once

#include <QString>

namespace uaip {

// The session holding the migration advisory lock, as pg_stat_activity describes it.
struct LockHolder
{
    int pid = 0;
    QString user;
    QString application;
    QString client;
    QString sessionStart; // when that session connected (UTC)
    QString queryStart; // when its current statement started (UTC)
    QString query;

    QString describe() const;
};

} // namespace uaip
