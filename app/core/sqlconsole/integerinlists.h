#pragma once

#include <QByteArray>
#include <QList>

#include <pg_query/pg_query.pb-c.h>

#include <array>

namespace uaip {

// The IN lists of a statement's text that hold kLongList or more integer constants and nothing
// else ("x IN (1, 2, -3, ..., n)", comments between them allowed).
//
// What the read-only guard reads of such a list is the same whatever its length: the server
// resolves it to one type and the verdict reads no constant. The guard reads the statement
// from the tree of blanked() (each list's constants but the first two and the last replaced by
// spaces: everything else at its byte, line and column), which parses in a fraction of the time
// of a list of 200,000, and the probe parses cut(). The candidate lists are found byte by byte
// (a '(' after the word IN, then integer constants of int4, commas, white space and comments:
// ListReader); the tree of blanked() is used only when confirmedBy() holds for every one of
// them: at each candidate's place it shows an IN whose list is exactly its three kept
// constants. Then the parser read the whole list the same way, in order: the text before a
// candidate's blanked part is the statement's (or differs only in earlier confirmed lists'
// blanked parts), so the scanner stands between two tokens where the blanked part starts as
// it does in the statement, and reads there only the integer constants, commas and comments the
// byte reader saw; the constants left out are the same production of the list repeated. A
// candidate inside a quoted text or a comment is never confirmed (no constant of the tree stands
// there), and one that is not confirmed makes the guard read the whole tree.
class IntegerInLists
{
public:
    // Lists shorter than this are left whole.
    static constexpr size_t kLongList = 16;

    // The candidate long lists of statement, in the order written.
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
