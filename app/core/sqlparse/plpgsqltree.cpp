#include "plpgsqltree.h"

#include "largestackworker.h"
#include "pgparsetree.h"
#include "plpgsqltreereader.h"

#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>
#include <array>
#include <utility>

namespace uaip {

PlpgsqlTree PlpgsqlTree::parse(const QByteArray &statement)
{
    PlpgsqlTree tree;
    // The compiler and the JSON writer recurse once per nested block: on the large stack when
    // the text is long enough to nest deeply (a block takes several bytes of text).
    const auto read = [&statement, &tree] {
        PgQueryPlpgsqlParseResult parse = pg_query_parse_plpgsql(statement.constData());
        const auto freeParse = qScopeGuard([&parse] { pg_query_free_plpgsql_parse_result(parse); });
        if (parse.error || !parse.plpgsql_funcs)
            return;
        PlpgsqlTreeReader reader(&tree);
        tree.m_ok = reader.read(parse.plpgsql_funcs);
        if (!tree.m_ok)
            tree.m_statements.clear();
    };
    if (size_t(statement.size()) < PgParseTree::threadFrom)
        read();
    else
        LargeStackWorker::run(read);
    return tree;
}

QList<PlpgsqlTree::Expression> PlpgsqlTree::expressions() const
{
    QList<Expression> out;
    for (const Statement &s : m_statements)
        out.append(s.expressions);
    return out;
}

bool PlpgsqlTree::contains(Kind kind) const
{
    return std::any_of(m_statements.cbegin(), m_statements.cend(),
                       [kind](const Statement &s) { return s.kind == kind; });
}

PlpgsqlTree::Kind PlpgsqlTree::kindOf(std::string_view nodeName)
{
    static constexpr std::array<std::pair<std::string_view, Kind>, 30> kinds{{
        {"PLpgSQL_var", Kind::Declaration},
        {"PLpgSQL_row", Kind::Declaration},
        {"PLpgSQL_rec", Kind::Declaration},
        {"PLpgSQL_stmt_block", Kind::Block},
        {"PLpgSQL_stmt_assign", Kind::Assign},
        {"PLpgSQL_stmt_if", Kind::If},
        {"PLpgSQL_stmt_case", Kind::Case},
        {"PLpgSQL_stmt_loop", Kind::Loop},
        {"PLpgSQL_stmt_while", Kind::While},
        {"PLpgSQL_stmt_fori", Kind::ForI},
        {"PLpgSQL_stmt_fors", Kind::ForS},
        {"PLpgSQL_stmt_forc", Kind::ForC},
        {"PLpgSQL_stmt_foreach_a", Kind::ForEachA},
        {"PLpgSQL_stmt_exit", Kind::Exit},
        {"PLpgSQL_stmt_return", Kind::Return},
        {"PLpgSQL_stmt_return_next", Kind::ReturnNext},
        {"PLpgSQL_stmt_return_query", Kind::ReturnQuery},
        {"PLpgSQL_stmt_raise", Kind::Raise},
        {"PLpgSQL_stmt_assert", Kind::Assert},
        {"PLpgSQL_stmt_execsql", Kind::ExecSql},
        {"PLpgSQL_stmt_dynexecute", Kind::DynExecute},
        {"PLpgSQL_stmt_dynfors", Kind::DynFors},
        {"PLpgSQL_stmt_getdiag", Kind::GetDiag},
        {"PLpgSQL_stmt_open", Kind::Open},
        {"PLpgSQL_stmt_fetch", Kind::Fetch},
        {"PLpgSQL_stmt_close", Kind::Close},
        {"PLpgSQL_stmt_perform", Kind::Perform},
        {"PLpgSQL_stmt_call", Kind::Call},
        {"PLpgSQL_stmt_commit", Kind::Commit},
        {"PLpgSQL_stmt_rollback", Kind::Rollback},
    }};
    for (const auto &[name, kind] : kinds)
        if (name == nodeName)
            return kind;
    return Kind::Other;
}

} // namespace uaip
