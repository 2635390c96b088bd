#pragma once

#include "onlinesplitpart.h"

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// One statement no lock makes safe on a busy table, read for an online change (expand/contract,
// OnlineChangeWriter): one of
//   ALTER TABLE t RENAME COLUMN a TO b
//   ALTER TABLE t RENAME TO u
//   ALTER TABLE t ALTER COLUMN c [SET DATA] TYPE T [COLLATE x] [USING expr]
//   ALTER TABLE t ALTER COLUMN c SET NOT NULL
//   ALTER TABLE t ADD COLUMN a1 T1 GENERATED ALWAYS AS (expr) STORED, ADD COLUMN a2 ...,
//                 ALTER COLUMN c SET DEFAULT (expr of a1, a2, ...), DROP COLUMN c
//                 (a split of c: OnlineSplitReader)
// read from libpg_query's typed tree; the type and the USING expression are the source's own
// text, cut at the tree's and the scanner's token locations.
struct OnlineChange
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineChange)

public:
    enum class Kind { RenameColumn, RenameTable, ChangeType, SetNotNull, SplitColumn };
    Kind kind = Kind::RenameColumn;
    QString schema; // as written, unquoted; empty: unqualified (the search_path decides)
    QString table; // unquoted
    QString column; // RenameColumn, ChangeType, SetNotNull: unquoted
    QString newName; // RenameColumn: the column's, RenameTable: the table's; unquoted
    QByteArray newType; // ChangeType: the type as written (with its COLLATE clause)
    QByteArray usingExpr; // ChangeType: the USING expression as written; empty if none
    QList<OnlineSplitPart> parts; // SplitColumn: the new columns, in the order written
    QByteArray joinExpr; // SplitColumn: the old value from the new columns, as written

    // The one statement of sql read as a change; BadInput naming line:col (of sql) and the
    // four forms for anything else: no statement or more than one, another statement, more
    // than one ALTER TABLE subcommand, another subcommand or rename (an index's, ...).
    static Result<OnlineChange> parse(const QByteArray &sql);

    // The table as written: [schema.]table, each part quoted where needed.
    QString tableText() const;
    // One line saying what the change does, for notes and the CLI.
    QString describe() const;
};

} // namespace uaip
