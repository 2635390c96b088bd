#pragma once

#include "pgparsetree.h"
#include "sqlstatement.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace uaip {

// The parse trees (libpg_query's typed tree, PgParseTree) of the SQL that one statement of a
// migration runs or defines, so that a rule of the plan check finds what it looks for wherever it
// is written: in the statement itself; in the PL/pgSQL of a DO block (every statement and
// expression, nested DO blocks, EXECUTE of a constant string); in the body of a function or
// procedure the statement creates. Quoting ($$, $tag$, '', E'', U&'') and whitespace (tabs, CRLF,
// comments) are the parser's business, so neither hides anything from a rule.
class ExecutedSql
{
public:
    enum class Kind {
        Runs, // runs when the statement runs
        // a function's body that PostgreSQL analyses when the function is created (LANGUAGE
        // sql, BEGIN ATOMIC, parameter defaults), and runs when the function is called
        Analysed,
        Defined, // runs only when a function is called (a PL/pgSQL body)
    };

    struct Tree
    {
        std::shared_ptr<const PgParseTree> tree; // one piece of SQL's, never null
        Kind kind = Kind::Runs;
        bool inDoBlock = false; // the SQL of a DO block (of this statement or nested in it)
    };

    // In the order the SQL would run; the statement's own tree first. Empty when the
    // statement does not parse.
    static QList<Tree> of(const QByteArray &statement);
    // The same for a statement of a split script: its own tree is the script's (parsed once).
    static QList<Tree> of(const SqlStatement &statement);
};

} // namespace uaip
