#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

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

    // A statement of the save that the server refuses: a DELETE (or key UPDATE) of a row that
    // rows of another table still reference through a foreign key with NO ACTION or RESTRICT.
    // The save would fail there; it is not offered.
    struct Refusal
    {
        bool isDelete = true; // else a key UPDATE
        QString rowKey; // "(id)=(1)": the key of the refused row
        QString table; // schema.table of the referencing rows
        QString constraint; // the foreign key
        QString action; // "NO ACTION", "RESTRICT"
        qint64 rows = -1; // referencing rows; -1 when they could not be counted
        bool operator==(const Refusal &) const = default;
    };

    QList<Table> tables; // sorted by name; only tables with something touched
    // The count was stopped (statement_timeout or a lock wait) before every statement ran:
    // the numbers are lower bounds ("at least").
    bool bounded = false;
    QString boundReason; // the server's message when bounded
    std::optional<Refusal> refusal; // set: the save would fail (tables and bounded say nothing)

    bool isEmpty() const { return tables.isEmpty() && !bounded; }
    qint64 totalRows() const;
    // Whether a save that did actual stays within what the user confirmed: the same counts, or
    // when this report was bounded, at least these.
    bool admits(const CascadeReport &actual) const;
    // One line per table: "public.discussion_participants: 3 row(s) deleted"; "at least" when
    // bounded; empty when nothing cascades.
    QStringList lines() const;
    // "Row (id)=(1): the delete will fail: 2 row(s) in public.child reference it (foreign key
    // child_parent_fkey, ON DELETE NO ACTION)."; empty without a refusal.
    QString refusalText() const;
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::CascadeReport)
