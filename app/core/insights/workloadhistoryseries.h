#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace uaip {

// The workload history over a window (WorkloadHistory::series): per statement, per table and
// for the connections, with the migrations applied and rolled back in the window. Times UTC.
struct WorkloadHistorySeries
{
    // One interval between two consecutive samples of a statement, ending at `at`: the calls in
    // it and their mean time (counter differences). A counter reset (calls or total time going
    // down, pg_stat_statements' stats_reset changed) or a sample without the statement ends a
    // segment: the interval across it has no point, the next point has the next segment's number.
    struct QueryPoint
    {
        QDateTime at;
        qint64 calls = 0;
        double meanMs = -1; // -1: no call in the interval
        int segment = 0;
    };
    struct Query
    {
        QString queryId;
        QString query;
        QString user;
        double windowMs = 0; // its time in the window (the ranking)
        QList<QueryPoint> points;
    };
    struct TablePoint
    {
        QDateTime at;
        qint64 bytes = 0; // with its indexes and TOAST
        qint64 live = 0;
        qint64 dead = 0;
    };
    struct Table
    {
        QString schema;
        QString name;
        QList<TablePoint> points;
    };
    struct ConnectionPoint
    {
        QDateTime at;
        int total = 0;
        int active = 0;
        int idleInTransaction = 0;
    };
    struct Migration
    {
        QString version;
        QString name;
        QString action; // as the ledger spells it: apply, or the undoing of one
        QDateTime at;
    };

    int days = 0;
    int samples = 0;
    QDateTime first;
    QDateTime last;
    QList<Query> queries;
    QList<Table> tables;
    QList<ConnectionPoint> connections;
    QList<Migration> migrations;
};

} // namespace uaip
