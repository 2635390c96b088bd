#pragma once

#include <QByteArray>
#include <QList>

namespace uaip {

// What StatementSecrets kept of a text: the text with each secret replaced by a mark, how many
// it replaced, and what it took out (as written, and its value as the parser read it: a
// server's message may quote either).
struct SecretRedaction
{
    QByteArray text;
    int secrets = 0;
    QList<QByteArray> removed;
    // A body or a whole statement (or text) was replaced: where in it the secret was is unknown.
    bool wholeReplaced = false;
    bool changed() const { return secrets > 0; }
};

// The secrets a SQL text carries, replaced by marks (issue 78, point 2: the SQL history never
// keeps a password), found in the typed parse tree of each statement (split as the scanner
// splits it), never in the text's look: a role's password (CREATE/ALTER ROLE, USER, GROUP),
// an option whose name ends in "password" (user mappings, servers, foreign tables), a
// subscription's connection string, the connection string argument of dblink, dblink_exec and
// dblink_connect[_u] (every string constant in it), and the body of a DO block or a function
// that names a password or dblink. A statement the parser refuses is replaced whole when one of
// its tokens names a password, dblink or a connection; a text the scanner refuses (an
// unterminated quote) is replaced whole. What is kept does not set a password when run: each
// mark leaves a syntax error behind, and redacting the result again changes nothing.
class StatementSecrets
{
public:
    static constexpr char kPasswordMark[] = "/* password removed */";
    static constexpr char kConnectionMark[] = "/* connection string removed */";
    static constexpr char kBodyMark[] = "/* body removed */";
    static constexpr char kStatementMark[] = "/* statement removed */";

    static SecretRedaction redact(const QByteArray &sql);
};

} // namespace uaip
