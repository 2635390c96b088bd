#include "expressiondepth.h"

#include "pgtokens.h"

#include <pg_query/pg_query.pb-c.h>

#include <QCoreApplication>

#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

namespace uaip {

namespace {

enum class Effect { None, Nest, Sibling, Open, Close, SetOperation, End };

Effect effectOf(PgQuery__Token token)
{
    switch (token) {
    case PG_QUERY__TOKEN__ASCII_40: // (
    case PG_QUERY__TOKEN__ASCII_91: // [
        return Effect::Open;
    case PG_QUERY__TOKEN__ASCII_41: // )
    case PG_QUERY__TOKEN__ASCII_93: // ]
        return Effect::Close;
    case PG_QUERY__TOKEN__ASCII_44: // ,
    case PG_QUERY__TOKEN__AND:
    case PG_QUERY__TOKEN__OR:
    case PG_QUERY__TOKEN__WHEN:
    case PG_QUERY__TOKEN__THEN:
    case PG_QUERY__TOKEN__ELSE:
        return Effect::Sibling;
    case PG_QUERY__TOKEN__ASCII_59: // ;
        return Effect::End;
    case PG_QUERY__TOKEN__UNION:
    case PG_QUERY__TOKEN__INTERSECT:
    case PG_QUERY__TOKEN__EXCEPT:
        return Effect::SetOperation;
    case PG_QUERY__TOKEN__ASCII_37: // %
    case PG_QUERY__TOKEN__ASCII_42: // *
    case PG_QUERY__TOKEN__ASCII_43: // +
    case PG_QUERY__TOKEN__ASCII_45: // -
    case PG_QUERY__TOKEN__ASCII_47: // /
    case PG_QUERY__TOKEN__ASCII_60: // <
    case PG_QUERY__TOKEN__ASCII_61: // =
    case PG_QUERY__TOKEN__ASCII_62: // >
    case PG_QUERY__TOKEN__ASCII_94: // ^
    case PG_QUERY__TOKEN__Op:
    case PG_QUERY__TOKEN__TYPECAST:
    case PG_QUERY__TOKEN__LESS_EQUALS:
    case PG_QUERY__TOKEN__GREATER_EQUALS:
    case PG_QUERY__TOKEN__NOT_EQUALS:
    case PG_QUERY__TOKEN__NOT:
    case PG_QUERY__TOKEN__IS:
    case PG_QUERY__TOKEN__ISNULL:
    case PG_QUERY__TOKEN__NOTNULL:
    case PG_QUERY__TOKEN__LIKE:
    case PG_QUERY__TOKEN__ILIKE:
    case PG_QUERY__TOKEN__SIMILAR:
    case PG_QUERY__TOKEN__BETWEEN:
    case PG_QUERY__TOKEN__COLLATE:
    case PG_QUERY__TOKEN__CASE:
    case PG_QUERY__TOKEN__OPERATOR:
        return Effect::Nest;
    default:
        return Effect::None;
    }
}

// One parenthesis level: the operators of the operand being read, and the set operations of
// the level (a chain of UNIONs nests however many commas its select lists have).
struct Level
{
    long operators = 0;
    long setOperations = 0;
};

// At most how many tokens of text deepen the estimate: each that does (an opening parenthesis
// or bracket, an operator, a keyword) holds one of these characters or starts a word (a letter
// or '_' after anything but one). Quoted text and comments count too: more, never fewer.
qsizetype deepeningBound(const QByteArray &text)
{
    static constexpr std::string_view deepening = "([%*+-/<=>^~!@#&|`?:";
    const auto wordChar
        = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    qsizetype count = 0;
    char previous = ' ';
    for (const char c : text) {
        if (deepening.find(c) != std::string_view::npos || (wordChar(c) && !wordChar(previous)))
            ++count;
        previous = c;
    }
    return count;
}

} // namespace

qsizetype ExpressionDepth::firstTooDeep(const QByteArray &text)
{
    if (text.size() < scanFrom)
        return -1;
    // too few tokens that deepen to pass the limit (a long list of constants): not scanned
    if (deepeningBound(text) <= limit)
        return -1;
    const PgTokens tokens(text);
    qsizetype at = -1;
    std::vector<Level> levels(1);
    long depth = 0; // the sum over the levels, plus one per open level
    for (size_t i = 0; i < tokens.size() && at < 0; ++i) {
        Level &top = levels.back();
        switch (effectOf(tokens.at(i).token)) {
        case Effect::Open:
            levels.emplace_back();
            ++depth;
            break;
        case Effect::Close:
            if (levels.size() > 1) {
                depth -= 1 + levels.back().operators + levels.back().setOperations;
                levels.pop_back();
            }
            break;
        case Effect::Sibling:
            depth -= top.operators;
            top.operators = 0;
            break;
        case Effect::End:
            levels.assign(1, Level{});
            depth = 0;
            break;
        case Effect::SetOperation:
            ++top.setOperations;
            ++depth;
            break;
        case Effect::Nest:
            ++top.operators;
            ++depth;
            break;
        case Effect::None:
            break;
        }
        if (depth > limit)
            at = tokens.at(i).start;
    }
    return at;
}

PgQueryError *ExpressionDepth::tooDeep(const QByteArray &input, qsizetype at)
{
    // libpg_query frees every part of the result with free()
    auto *error = static_cast<PgQueryError *>(std::calloc(1, sizeof(PgQueryError)));
    const QByteArray message = QCoreApplication::translate(
                                   "uaip::ExpressionDepth",
                                   "expression nests too deeply here (over %1 levels of operators "
                                   "and parentheses); PostgreSQL refuses it too (stack depth "
                                   "limit exceeded): split it up")
                                   .arg(limit)
                                   .toUtf8();
    error->message = strdup(message.constData());
    // 1-based, in characters
    int characters = 1;
    for (qsizetype i = 0; i < at; ++i)
        if ((uchar(input.at(i)) & 0xC0) != 0x80)
            ++characters;
    error->cursorpos = characters;
    return error;
}

PgQueryProtobufParseResult ExpressionDepth::parseProtobuf(const char *text)
{
    const QByteArray input = QByteArray::fromRawData(text, qsizetype(std::strlen(text)));
    const qsizetype at = firstTooDeep(input);
    if (at < 0)
        return pg_query_parse_protobuf(text);
    PgQueryProtobufParseResult result{};
    result.error = tooDeep(input, at);
    return result;
}

} // namespace uaip
