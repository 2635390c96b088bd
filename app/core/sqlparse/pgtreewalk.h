#pragma once

#include <QString>
#include <QStringList>

#include <pg_query/pg_query.pb-c.h>

#include <functional>

namespace uaip {

// Reading libpg_query's typed parse tree (PgParseTree) without recursion: every message under
// a root, found through protobuf-c's descriptors (single message fields, repeated message
// fields, the one set field of a oneof such as PgQuery__Node's), in the order written, with an
// explicit stack, so no depth of the tree can exhaust the stack.
//
// A node kind this code's protobuf does not know (a newer libpg_query's) unpacks as a
// PgQuery__Node whose node_case is NOT_SET with the unknown field kept, and a field unknown to
// a known message as that message's unknown field: both are "unknown", and a caller must treat
// the statement as not checked, never as safe. (A NOT_SET node without any field is
// PostgreSQL's NIL in a list, e.g. the distinctClause of SELECT DISTINCT: known.)
class PgTreeWalk
{
public:
    // Called for each message; false stops the walk.
    using Visit = std::function<bool(const ProtobufCMessage *)>;
    using NodeVisit = std::function<bool(const PgQuery__Node *)>;

    // Every message under root, root first, depth first; false when a visit stopped it.
    static bool each(const ProtobufCMessage *root, const Visit &visit);
    // Every PgQuery__Node under root (root included when it is one).
    static bool eachNode(const ProtobufCMessage *root, const NodeVisit &visit);

    static bool isNode(const ProtobufCMessage *message);
    // The message a node holds (its oneof's set field); nullptr when NOT_SET.
    static const ProtobufCMessage *content(const PgQuery__Node *node);
    // The node's kind as libpg_query's JSON names it ("SelectStmt", "A_Expr"); empty when
    // NOT_SET or null.
    static QString kind(const PgQuery__Node *node);

    // Whether the message is unknown to this code (see above).
    static bool isUnknown(const ProtobufCMessage *message);
    // Whether any message under root is.
    static bool hasUnknown(const ProtobufCMessage *root);

    // The message's int32 field named "location"; -1 when it has none (or it is unknown, -1).
    static int location(const ProtobufCMessage *message);
    // The smallest and largest location under root (left alone when there is none). 0 counts
    // as none: it is protobuf's unset value (libpg_query's JSON left such a location out).
    static void locationRange(const ProtobufCMessage *root, int *lowest, int *highest);
    // The message's string field of that name; nullptr when it has none.
    static const char *stringField(const ProtobufCMessage *message, const char *name);

    // The svals of a list of String nodes, or an empty list when one is not a String.
    static QStringList strings(PgQuery__Node *const *nodes, size_t count);

    // The name an enum value has in libpg_query's protobuf ("OBJECT_TABLE", "AT_AddColumn",
    // "TRANS_STMT_BEGIN"); empty for a value the descriptor does not know.
    static QString enumName(const ProtobufCEnumDescriptor &descriptor, int value);
};

} // namespace uaip
