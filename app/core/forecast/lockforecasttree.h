#pragma once

#include "relationrename.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The reads of a statement's typed parse tree (PgParseTree) that the lock forecast's families
// (StatementLockForecast and the classes it hands statements to) share: relation names spelled
// as the lint spells them (ParseTreeNames), options, and what an expression calls.
class LockForecastTree
{
public:
    // The RangeVar a node holds; nullptr for another kind of node.
    static const PgQuery__RangeVar *rangeVar(const PgQuery__Node *node);
    // The Constraint a node holds; nullptr for another kind of node.
    static const PgQuery__Constraint *constraint(const PgQuery__Node *node);
    // A node as the message PgTreeWalk walks (a PgQuery__Node is a protobuf-c message).
    static const ProtobufCMessage *asMessage(const PgQuery__Node *node);
    // The name of a RangeVar, as ParseTreeNames::relationName spells it.
    static QString relationName(const PgQuery__RangeVar *rangeVar);
    // The name a list of String nodes gives ([schema,] name, as DROP TABLE writes it).
    static QString listName(const PgQuery__Node *node);
    // The table of an object named by a list [schema,] table, name (a trigger, policy, rule,
    // column or constraint in DROP or COMMENT): the list without its last part; empty when the
    // list has no table part.
    static QString ownerName(const PgQuery__Node *node);

    // Whether a DefElem named name (lower case) is in the options and on: present without a
    // value, or with a value other than false/off/no/0 (VACUUM (FULL), REINDEX (CONCURRENTLY),
    // EXPLAIN (ANALYZE)).
    static bool option(PgQuery__Node *const *options, size_t count, const char *name);
    // The names of the DefElems in the options, in order.
    static QStringList optionNames(PgQuery__Node *const *options, size_t count);

    // Whether the tree under node calls a function (a FuncCall anywhere in it).
    static bool callsFunction(const PgQuery__Node *node);
    // Whether a statement may change the session's search_path, so that a later unqualified name
    // may resolve to a table of another schema: SET/RESET search_path (LOCAL too), SET ROLE and
    // SESSION AUTHORIZATION ("$user"), RESET ALL, a DO block or CALL, any function call
    // (set_config, or a body that runs SET), or a statement naming pg_settings.
    static bool changesSearchPath(const PgQuery__Node *statement);
    // Whether a statement only builds an index or adds, validates or drops constraints and sets
    // NOT NULL (one ALTER TABLE of those subcommands alone): what may stand between a CHECK
    // (column IS NOT NULL) and the SET NOT NULL it spares without the proof being lost. Anything
    // else (a rename, a column dropped or added, a transaction's end, a DO block, ...) may undo it.
    static bool keepsNotNullProofs(const PgQuery__Node *statement);
    // The names a statement gives a relation or a schema: RENAME TO of a table, view,
    // materialized view, foreign table or index, SET SCHEMA of one, RENAME TO of a schema.
    static QList<RelationRename> renames(const PgQuery__Node *statement);
    // Whether a relation name as ParseTreeNames spells it has no schema part ("t", "\"a.b\"").
    static bool isUnqualified(const QString &relation);
    // Whether an expression may be volatile, so that PostgreSQL cannot store it once as a
    // column's default: it calls a function outside a short list of built-in stable ones, or
    // holds a subquery. Constants, casts of constants, operators on them and CURRENT_TIMESTAMP
    // and its kin (SQLValueFunction) are not.
    static bool mayBeVolatile(const PgQuery__Node *expression);
};

} // namespace uaip
