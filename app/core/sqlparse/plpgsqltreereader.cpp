#include "plpgsqltreereader.h"

#include <algorithm>

namespace uaip {

namespace {

bool isDatum(const std::string &name)
{
    return name == "PLpgSQL_var" || name == "PLpgSQL_row" || name == "PLpgSQL_rec";
}

} // namespace

PlpgsqlTreeReader::PlpgsqlTreeReader(PlpgsqlTree *tree)
    : m_tree(tree)
{ }

bool PlpgsqlTreeReader::read(const char *text)
{
    return json::sax_parse(text, this);
}

qsizetype PlpgsqlTreeReader::openStatement() const
{
    return m_open.empty() ? -1 : m_open.back();
}

void PlpgsqlTreeReader::startFrame(bool isArray)
{
    Frame frame;
    frame.isArray = isArray;
    // an element of an array is the value of the array's field
    frame.field = m_field.empty() && !m_frames.empty() && m_frames.back().isArray
        ? m_frames.back().field
        : m_field;
    m_field.clear();
    m_frames.push_back(std::move(frame));
}

bool PlpgsqlTreeReader::start_object(std::size_t)
{
    startFrame(false);
    Frame &frame = m_frames.back();
    if (m_next == Opens::Statement) {
        PlpgsqlTree::Statement s;
        s.kind = m_nextKind;
        s.depth = int(std::count_if(m_open.begin(), m_open.end(), [this](qsizetype i) {
            return m_tree->m_statements.at(i).kind != PlpgsqlTree::Kind::Declaration;
        }));
        m_tree->m_statements.append(s);
        frame.opens = Opens::Statement;
        frame.statement = m_tree->m_statements.size() - 1;
        m_open.push_back(frame.statement);
    } else if (m_next == Opens::Expression) {
        frame.opens = Opens::Expression;
        frame.statement = openStatement();
        // {"query": {"PLpgSQL_expr": {...}}}: the field the node is the value of, two up
        const std::string &role
            = m_frames.size() >= 2 ? m_frames[m_frames.size() - 2].field : std::string();
        const PlpgsqlTree::Kind kind = frame.statement >= 0
            ? m_tree->m_statements.at(frame.statement).kind
            : PlpgsqlTree::Kind::Other;
        frame.dynamic = role == "dynquery"
            || (role == "query"
                && (kind == PlpgsqlTree::Kind::DynExecute || kind == PlpgsqlTree::Kind::DynFors));
    }
    m_next = Opens::Nothing;
    return true;
}

bool PlpgsqlTreeReader::key(json::string_t &name)
{
    // a datum in the function's "datums" is a declaration; elsewhere (an INTO target) it
    // refers to one
    const bool declares = isDatum(name) && !m_frames.empty() && m_frames.back().field == "datums";
    if (name.starts_with("PLpgSQL_stmt_") || declares) {
        m_next = Opens::Statement;
        m_nextKind = PlpgsqlTree::kindOf(name);
    } else if (name == "PLpgSQL_expr") {
        m_next = Opens::Expression;
    }
    m_field = name;
    return true;
}

bool PlpgsqlTreeReader::end_object()
{
    if (m_frames.back().opens == Opens::Statement)
        m_open.pop_back();
    m_frames.pop_back();
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::start_array(std::size_t)
{
    startFrame(true);
    return true;
}

bool PlpgsqlTreeReader::end_array()
{
    m_frames.pop_back();
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::string(json::string_t &value)
{
    const Frame *frame = m_frames.empty() ? nullptr : &m_frames.back();
    if (frame && frame->opens == Opens::Expression && m_field == "query" && frame->statement >= 0)
        m_tree->m_statements[frame->statement].expressions.append(
            {QByteArray(value.data(), qsizetype(value.size())), frame->dynamic});
    m_field.clear();
    return true;
}

void PlpgsqlTreeReader::integer(long long value)
{
    const Frame *frame = m_frames.empty() ? nullptr : &m_frames.back();
    if (frame && frame->opens == Opens::Statement && m_field == "lineno")
        m_tree->m_statements[frame->statement].line = int(value);
    m_field.clear();
}

bool PlpgsqlTreeReader::number_integer(json::number_integer_t value)
{
    integer(value);
    return true;
}

bool PlpgsqlTreeReader::number_unsigned(json::number_unsigned_t value)
{
    integer(static_cast<long long>(value));
    return true;
}

bool PlpgsqlTreeReader::null()
{
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::boolean(bool)
{
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::number_float(json::number_float_t, const json::string_t &)
{
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::binary(json::binary_t &)
{
    m_field.clear();
    return true;
}

bool PlpgsqlTreeReader::parse_error(std::size_t, const std::string &,
                                    const nlohmann::detail::exception &)
{
    return false;
}

} // namespace uaip
