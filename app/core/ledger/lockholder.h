#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The session holding the migration advisory lock, as pg_stat_activity describes it.
struct LockHolder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockHolder)

public:
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
