#pragma once

#include <protobuf-c/protobuf-c.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace uaip {

// Where protobuf-c puts the messages it unpacks: blocks freed together with the arena, so a
// tree is freed without walking it (protobuf-c's own free recurses once per nested message)
// and a message costs no malloc of its own.
class ProtobufArena
{
public:
    ProtobufArena() = default;
    ProtobufArena(const ProtobufArena &) = delete;
    ProtobufArena &operator=(const ProtobufArena &) = delete;

    // The allocator to unpack with (valid while the arena lives, which must not move).
    ProtobufCAllocator *allocator() { return &m_allocator; }

private:
    static void *alloc(void *data, size_t size);
    static void release(void *, void *) { }

    static constexpr size_t blockBytes = 64 * 1024;
    static constexpr size_t alignment = alignof(std::max_align_t);
    ProtobufCAllocator m_allocator{&ProtobufArena::alloc, &ProtobufArena::release, this};
    std::vector<std::unique_ptr<std::byte[]>> m_blocks;
    std::byte *m_current = nullptr;
    size_t m_used = blockBytes;
};

} // namespace uaip
