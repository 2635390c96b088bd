#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace uaip {

// What a save's DELETEs and key UPDATEs do to rows beyond the ones it names: the rows that
// ON DELETE / ON UPDATE CASCADE, SET NULL and SET DEFAULT (and triggers) delete or change, per
// table, transitively. Measured by CascadeMeter from the server's own per-transaction counters,
// not guessed from the catalog.
struct CascadeReport
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CascadeReport)

public:
    struct Table
    {
        QString name; // schema.table
        qint64 deleted = 0;
        qint64 updated = 0; // SET NULL, SET DEFAULT, ON UPDATE CASCADE (or a trigger)
        bool operator==(const Table &) const = default;
    };

    QList<Table> tables; // sorted by name; only tables with something touched
    // The count was stopped (statement_timeout or a lock wait) before every statement ran:
    // the numbers are lower bounds ("at least").
    bool bounded = false;
    QString boundReason; // the server's message when bounded

    bool isEmpty() const { return tables.isEmpty() && !bounded; }
    qint64 totalRows() const;
    // Whether a save that did actual stays within what the user confirmed: the same counts, or
    // when this report was bounded, at least these.
    bool admits(const CascadeReport &actual) const;
    // One line per table: "public.discussion_participants: 3 row(s) deleted"; "at least" when
    // bounded; empty when nothing cascades.
    QStringList lines() const;
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::CascadeReport)
