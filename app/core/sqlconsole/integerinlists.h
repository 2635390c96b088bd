#pragma once

#include <QByteArray>
#include <QList>

#include <pg_query/pg_query.pb-c.h>

#include <array>

namespace uaip {

// The IN lists of a statement's text that hold kLongList or more integer constants and nothing
// else ("x IN (1, 2, -3, ..., n)"), found among libpg_query's tokens of the text (pg_query_scan:
// a quoted text, a comment or a dollar-quoted body is one token, never a list).
//
// What the read-only guard reads of such a list is the same whatever its length: the server
// resolves it to one type and the verdict reads no constant. The guard reads the statement
// from the tree of blanked() (each list's constants but the first two and the last replaced by
// spaces: everything else at its byte, line and column), which parses in a fraction of the time
// of a list of 200,000, and the probe parses cut(). The tree of blanked() is used only when
// confirmedBy() holds: at each list's place it shows an IN of exactly its three kept constants,
// which is how the parser read the whole list too (the constants left out are the same
// production repeated).
class IntegerInLists
{
public:
    // Lists shorter than this are left whole.
    static constexpr size_t kLongList = 16;

    // The long lists of statement (none when it does not scan).
    static IntegerInLists of(const QByteArray &statement);

    bool isEmpty() const { return m_lists.isEmpty(); }
    // statement with each long list's constants from the third to the one before the last
    // replaced by spaces (its line breaks kept).
    QByteArray blanked() const;
    // statement from byte from on, with the same constants left out ("IN (1, 2, n)"): the text
    // the probe parses.
    QByteArray cut(qsizetype from) const;
    // Whether the tree of blanked() (the statement's node) holds, at each long list, an IN
    // whose list is exactly the three constants kept, at their places.
    bool confirmedBy(const PgQuery__Node *blankedStatement) const;

private:
    struct List
    {
        // where the first, second, third and last constants start (a negative one at its '-')
        std::array<int, 4> starts{};
    };
    QByteArray m_statement;
    QList<List> m_lists; // in the order written
};

} // namespace uaip
