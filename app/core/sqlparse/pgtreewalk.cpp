#include "pgtreewalk.h"

#include <cstring>
#include <vector>

namespace uaip {

namespace {

const std::byte *bytesOf(const ProtobufCMessage *message)
{
    return reinterpret_cast<const std::byte *>(message);
}

template<typename T>
T fieldAt(const ProtobufCMessage *message, unsigned offset)
{
    T value;
    std::memcpy(&value, bytesOf(message) + offset, sizeof(T));
    return value;
}

const ProtobufCFieldDescriptor *fieldNamed(const ProtobufCMessage *message, const char *name)
{
    return message ? protobuf_c_message_descriptor_get_field_by_name(message->descriptor, name)
                   : nullptr;
}

// Whether a non-repeated field holds a value (a oneof member only when it is the set one).
bool present(const ProtobufCMessage *message, const ProtobufCFieldDescriptor &field)
{
    if (!(field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
        return true;
    return fieldAt<uint32_t>(message, field.quantifier_offset) == field.id;
}

// Pushes the message's sub-messages onto the stack, last first, so that they pop in order.
void pushChildren(const ProtobufCMessage *message, std::vector<const ProtobufCMessage *> *stack)
{
    const ProtobufCMessageDescriptor *descriptor = message->descriptor;
    // A Node is one oneof of some 250 message fields: only the set one is present (the rest
    // need not be looked at, which a 200,000-constant IN list makes worth it).
    if (descriptor == &pg_query__node__descriptor) {
        if (const ProtobufCMessage *child
            = PgTreeWalk::content(reinterpret_cast<const PgQuery__Node *>(message)))
            stack->push_back(child);
        return;
    }
    for (unsigned f = descriptor->n_fields; f-- > 0;) {
        const ProtobufCFieldDescriptor &field = descriptor->fields[f];
        if (field.type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        if (field.label == PROTOBUF_C_LABEL_REPEATED) {
            const auto count = fieldAt<size_t>(message, field.quantifier_offset);
            const auto items = fieldAt<ProtobufCMessage *const *>(message, field.offset);
            for (size_t i = count; i-- > 0;)
                if (items[i])
                    stack->push_back(items[i]);
        } else if (present(message, field)) {
            if (const auto child = fieldAt<const ProtobufCMessage *>(message, field.offset))
                stack->push_back(child);
        }
    }
}

} // namespace

bool PgTreeWalk::each(const ProtobufCMessage *root, const Visit &visit)
{
    std::vector<const ProtobufCMessage *> stack;
    if (root)
        stack.push_back(root);
    while (!stack.empty()) {
        const ProtobufCMessage *message = stack.back();
        stack.pop_back();
        if (!visit(message))
            return false;
        pushChildren(message, &stack);
    }
    return true;
}

bool PgTreeWalk::eachNode(const ProtobufCMessage *root, const NodeVisit &visit)
{
    return each(root, [&visit](const ProtobufCMessage *message) {
        return !isNode(message) || visit(reinterpret_cast<const PgQuery__Node *>(message));
    });
}

bool PgTreeWalk::isNode(const ProtobufCMessage *message)
{
    return message && message->descriptor == &pg_query__node__descriptor;
}

const ProtobufCMessage *PgTreeWalk::content(const PgQuery__Node *node)
{
    if (!node || node->node_case == PG_QUERY__NODE__NODE__NOT_SET)
        return nullptr;
    const ProtobufCFieldDescriptor *field
        = protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
    if (!field || field->type != PROTOBUF_C_TYPE_MESSAGE)
        return nullptr;
    return fieldAt<const ProtobufCMessage *>(&node->base, field->offset);
}

QString PgTreeWalk::kind(const PgQuery__Node *node)
{
    const ProtobufCMessage *message = content(node);
    return message ? QString::fromLatin1(message->descriptor->short_name) : QString();
}

bool PgTreeWalk::isUnknown(const ProtobufCMessage *message)
{
    if (!message)
        return false;
    return message->n_unknown_fields > 0
        || (isNode(message)
            && reinterpret_cast<const PgQuery__Node *>(message)->node_case
                != PG_QUERY__NODE__NODE__NOT_SET
            && !content(reinterpret_cast<const PgQuery__Node *>(message)));
}

bool PgTreeWalk::hasUnknown(const ProtobufCMessage *root)
{
    return !each(root, [](const ProtobufCMessage *message) { return !isUnknown(message); });
}

int PgTreeWalk::location(const ProtobufCMessage *message)
{
    const ProtobufCFieldDescriptor *field = fieldNamed(message, "location");
    if (!field || field->type != PROTOBUF_C_TYPE_INT32 || field->label == PROTOBUF_C_LABEL_REPEATED)
        return -1;
    return fieldAt<int32_t>(message, field->offset);
}

void PgTreeWalk::locationRange(const ProtobufCMessage *root, int *lowest, int *highest)
{
    each(root, [lowest, highest](const ProtobufCMessage *message) {
        const int at = location(message);
        if (at > 0 && (*lowest < 0 || at < *lowest))
            *lowest = at;
        if (at > 0 && at > *highest)
            *highest = at;
        return true;
    });
}

const char *PgTreeWalk::stringField(const ProtobufCMessage *message, const char *name)
{
    const ProtobufCFieldDescriptor *field = fieldNamed(message, name);
    if (!field || field->type != PROTOBUF_C_TYPE_STRING || field->label == PROTOBUF_C_LABEL_REPEATED
        || !present(message, *field))
        return nullptr;
    return fieldAt<const char *>(message, field->offset);
}

QStringList PgTreeWalk::strings(PgQuery__Node *const *nodes, size_t count)
{
    QStringList out;
    for (size_t i = 0; i < count; ++i) {
        if (!nodes[i] || nodes[i]->node_case != PG_QUERY__NODE__NODE_STRING || !nodes[i]->string)
            return {};
        out.append(QString::fromUtf8(nodes[i]->string->sval));
    }
    return out;
}

QString PgTreeWalk::enumName(const ProtobufCEnumDescriptor &descriptor, int value)
{
    const ProtobufCEnumValue *found = protobuf_c_enum_descriptor_get_value(&descriptor, value);
    return found ? QString::fromLatin1(found->name) : QString();
}

} // namespace uaip
