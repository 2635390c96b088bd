#pragma once

#include "onlinechange.h"

#include "error/result.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// Reads a column split, written as one ALTER TABLE of these subcommands (any order):
//   ADD COLUMN a1 T1 GENERATED ALWAYS AS (expr over the old row) STORED   (two or more)
//   ALTER COLUMN old SET DEFAULT (expr over the new columns)  (how the old value is made from
//                                                              the new ones, while it lives)
//   DROP COLUMN old
// from libpg_query's typed tree, the types and expressions cut from the text at the scanner's
// tokens. It is no statement PostgreSQL runs as such: it says what the expand and the contract
// do (OnlineColumnSplit).
class OnlineSplitReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineSplitReader)

public:
    // Whether the ALTER TABLE is written as a split (it drops a column and adds generated ones).
    static bool isSplit(const PgQuery__AlterTableStmt &alter);
    // The split; BadInput (no position: the caller adds it) saying what is missing or extra.
    static Result<OnlineChange> read(const PgQuery__AlterTableStmt &alter, const QByteArray &text);

private:
    // The generated columns' types and expressions and the SET DEFAULT's expression, in the
    // order they are written, from the statement's tokens.
    static bool cut(const QByteArray &text, QList<OnlineSplitPart> &parts, QByteArray *join);
};

} // namespace uaip
