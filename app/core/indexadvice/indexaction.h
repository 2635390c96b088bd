#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

struct IndexAdvice;
struct IndexFinding;

// What a proposed index (IndexAdvice) or an index finding (IndexFinding) does when the DBA
// takes it: one statement of a no-transaction migration (CREATE INDEX CONCURRENTLY, DROP INDEX
// CONCURRENTLY or REINDEX INDEX CONCURRENTLY), the statement that undoes it, and the evidence
// it was proposed on. IndexMigrationBuilder makes it a migration folder.
struct IndexAction
{
    Q_DECLARE_TR_FUNCTIONS(uaip::IndexAction)

public:
    enum class Kind {
        Create, // a proposed index
        Drop, // an unused, duplicate or covered index, or a REINDEX's leftover
        Rebuild, // an invalid or bloated index: REINDEX ... CONCURRENTLY
    };

    Kind kind = Kind::Create;
    QString schema;
    QString table;
    QString index;
    QString statement; // one statement, ending in ';'
    QString down; // undoes it; empty for Rebuild (a rebuilt index keeps its definition)
    QString definition; // Drop, Rebuild: pg_get_indexdef on the live database
    // Drop of a duplicate or covered index: the index that stays in its place, and its
    // definition on the live database (the migrations must make it too).
    QString kept;
    QString keptDefinition;
    // Drop of an unused index: since when no scan was counted (UTC); it is dropped only after
    // kMinObservationDays of counting.
    QString unusedSince;
    static constexpr int kMinObservationDays = 7;
    QString evidence; // why, in numbers (costs and calls, scans and size)
    QStringList details; // Create: each statement served, with its costs, calls and plans

    static IndexAction of(const IndexAdvice &advice);
    static IndexAction of(const IndexFinding &finding);

    // add_<index>, drop_<index>, rebuild_<index>: a migration name (lower-case letters, digits,
    // underscores; at most 60 characters), "index" when the name leaves nothing.
    QString migrationName() const;
    // "create", "drop", "rebuild"
    QString kindName() const;
};

} // namespace uaip
