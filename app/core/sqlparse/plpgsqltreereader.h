#pragma once

#include "plpgsqltree.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace uaip {

// Reads libpg_query's PL/pgSQL JSON (pg_query_parse_plpgsql) into a PlpgsqlTree, as a stream of
// events (nlohmann::json's SAX interface): a node named PLpgSQL_stmt_* or a datum opens a
// statement, its "lineno" is the statement's line, and each PLpgSQL_expr's "query" becomes an
// expression of the innermost open statement, dynamic by the field it sits in. Nothing is
// built but the tree, so no nesting is too deep to read.
class PlpgsqlTreeReader
{
public:
    using json = nlohmann::json;

    explicit PlpgsqlTreeReader(PlpgsqlTree *tree);

    // False when text is not a JSON text (nothing is kept then).
    bool read(const char *text);

    // nlohmann::json_sax
    bool null();
    bool boolean(bool);
    bool number_integer(json::number_integer_t value);
    bool number_unsigned(json::number_unsigned_t value);
    bool number_float(json::number_float_t, const json::string_t &);
    bool string(json::string_t &value);
    bool binary(json::binary_t &);
    bool start_object(std::size_t);
    bool key(json::string_t &name);
    bool end_object();
    bool start_array(std::size_t);
    bool end_array();
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &);

private:
    enum class Opens { Nothing, Statement, Expression };

    // An object or array being read.
    struct Frame
    {
        std::string field; // the field it is the value of (an array's, for its elements)
        Opens opens = Opens::Nothing;
        qsizetype statement = -1; // Statement: the index it opened; Expression: its statement
        bool dynamic = false; // Expression: the SQL text of an EXECUTE
        bool isArray = false;
    };

    void startFrame(bool isArray);
    void integer(long long value);
    qsizetype openStatement() const;

    PlpgsqlTree *m_tree;
    std::vector<Frame> m_frames;
    std::vector<qsizetype> m_open; // the statements being read, innermost last
    std::string m_field; // the field whose value comes next
    Opens m_next = Opens::Nothing; // what the next object opens (after its node name)
    PlpgsqlTree::Kind m_nextKind = PlpgsqlTree::Kind::Other;
};

} // namespace uaip
