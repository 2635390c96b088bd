#pragma once

#include <QByteArray>
#include <QList>

#include <string_view>

namespace uaip {

// The PL/pgSQL of a DO block or of a CREATE FUNCTION ... LANGUAGE plpgsql as libpg_query
// compiles it (pg_query_parse_plpgsql): its declarations and statements, typed by kind, each
// with its line and the SQL expressions it holds, in the order they are written. libpg_query
// gives this tree as JSON text only; PlpgsqlTreeReader reads that text event by event into
// these nodes (no depth limit, no search in the text).
class PlpgsqlTree
{
public:
    enum class Kind {
        Declaration, // a variable, row or record of a DECLARE section (its default expression)
        Block,
        Assign,
        If,
        Case,
        Loop,
        While,
        ForI,
        ForS,
        ForC,
        ForEachA,
        Exit,
        Return,
        ReturnNext,
        ReturnQuery,
        Raise,
        Assert,
        ExecSql,
        DynExecute,
        DynFors,
        GetDiag,
        Open,
        Fetch,
        Close,
        Perform,
        Call,
        Commit,
        Rollback,
        Other, // a statement kind this code does not name
    };

    struct Expression
    {
        QByteArray query;
        // The SQL text an EXECUTE runs: EXECUTE, FOR ... IN EXECUTE, RETURN QUERY EXECUTE,
        // OPEN ... FOR EXECUTE (built at run time unless it is one string constant).
        bool dynamic = false;
    };

    struct Statement
    {
        Kind kind = Kind::Other;
        int line = 0; // in the function's body, 1-based; 0 where libpg_query gives none
        int depth = 0; // statements it is nested in
        QList<Expression> expressions; // its own, not those of the statements nested in it
    };

    // The tree of statement (DO or CREATE FUNCTION); !ok() when its body does not compile (the
    // server refuses it too) or is no PL/pgSQL.
    static PlpgsqlTree parse(const QByteArray &statement);

    bool ok() const { return m_ok; }
    // Declarations first, then the statements in the order written (a statement before the
    // ones nested in it).
    const QList<Statement> &statements() const { return m_statements; }
    // Every statement's expressions, in the same order.
    QList<Expression> expressions() const;
    bool contains(Kind kind) const;

    // The kind of libpg_query's node name ("PLpgSQL_stmt_if"); Other for an unknown one.
    static Kind kindOf(std::string_view nodeName);

private:
    friend class PlpgsqlTreeReader;

    bool m_ok = false;
    QList<Statement> m_statements;
};

} // namespace uaip
