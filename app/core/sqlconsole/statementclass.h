#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

class PgParseTree;
struct SqlStatement;

// What one statement of the SQL console is, read from its typed parse tree (libpg_query's
// protobuf tree, PgParseTree, walked by PgTreeWalk: no field order relied on, no depth cut):
// whether its kind may change data, the schema or the session, the functions and operators it
// calls, and whether its rows can be read through a server-side cursor (a plain SELECT, VALUES or
// TABLE).
//
// writes: every statement but a SELECT without INTO, FOR UPDATE/SHARE or data-modifying WITH,
// SHOW, EXPLAIN without ANALYZE (or EXPLAIN ANALYZE of such a SELECT) and the transaction
// commands that end or open a transaction. A SELECT that reads by its kind may still write
// through what it reaches: StatementSafety has the server resolve it (StatementResolution).
struct StatementClass
{
    QString type; // the parse tree's node type, "SelectStmt", "InsertStmt", ...
    bool writes = true;
    bool cursorable = false; // DECLARE ... CURSOR FOR accepts it
    // BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK TO (not the two-phase commands,
    // which act on other transactions and count as writing)
    bool transactionControl = false;
    // PREPARE TRANSACTION: the transaction and its locks outlive the session (the console
    // refuses it: nothing would show or end it)
    bool preparesTransaction = false;
    bool parsed = false; // false: the parser refused it (it is treated as writing)
    // What the statement executes, as written ("name" or "schema.name"): the functions it
    // calls and the operators it applies. Empty for EXPLAIN without ANALYZE (nothing runs).
    QStringList functions;
    QStringList operators;
    // The query whose resolution decides whether it reads (StatementResolution): the statement
    // itself for a reading SELECT/VALUES/TABLE, the query under EXPLAIN ANALYZE of one; empty
    // for everything else.
    QByteArray resolvable;
    // The characters of the statement before resolvable (where its positions start).
    int resolvableAt = 0;
    // resolvable with each IN list of 16 or more integer constants cut to three (its first two
    // and its last): what the probe parses (StatementResolution), as the server resolves such a
    // list to one type whatever its length and the walk reads no constant (IntegerInLists).
    // Empty when nothing is cut.
    QByteArray probeText;
    // The statement holds a string literal: the server reads it with its type's input function
    // (a domain's CHECK included) while it parses the statement (StatementResolution).
    bool stringLiterals = false;
    // A name or string in it holds StatementResolution::kProbeName (any case): the probe of a
    // batch keeps each statement's temporary view under such a name, and an unqualified name
    // looks in the temporary schema first, so it is probed alone.
    bool namesProbe = false;
    // What it leaves on the server session after its transaction ends ("SET statement_timeout
    // without LOCAL", "PREPARE p", ...: SessionStateUse); empty when nothing known.
    QString sessionState;

    // One statement's text, as SqlSplitter gives it (parsed now: a statement with a tree of
    // its own takes the overload below).
    static StatementClass of(const QByteArray &statement);
    // A statement of a split script, read from its tree (SqlStatement::tree(): parsed once
    // for every reader of the script, not again here). A statement with long IN lists of
    // integer constants is read from the tree of its text with them blanked instead
    // (IntegerInLists: the same verdict, without the tree of every constant).
    static StatementClass of(const SqlStatement &statement);
    // The same for a statement's node in its typed tree (statement: the text it was parsed
    // from). A node kind or field this code does not know anywhere in it (a newer
    // libpg_query's) makes it writing and not cursorable: not checked, never safe.
    static StatementClass of(const PgQuery__Node *node, const QByteArray &statement);
    // The same from the tree parsed from statement (the whole tree, no list blanked); one the
    // parser refused is not read: writing, and leaving unknown state on the session.
    static StatementClass of(const PgParseTree &tree, const QByteArray &statement);

private:
    // statement read from the tree of IntegerInLists::blanked(); none when it has no long list
    // of integer constants or that tree does not confirm them.
    static std::optional<StatementClass> ofBlanked(const QByteArray &statement);
};

} // namespace uaip
