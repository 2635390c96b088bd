#include "protobufarena.h"

namespace uaip {

void *ProtobufArena::alloc(void *data, size_t size)
{
    auto *arena = static_cast<ProtobufArena *>(data);
    size = (size + alignment - 1) / alignment * alignment;
    if (size > blockBytes / 4) { // a block of its own
        arena->m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
        return arena->m_blocks.back().get();
    }
    if (arena->m_used + size > blockBytes) {
        arena->m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(blockBytes));
        arena->m_current = arena->m_blocks.back().get();
        arena->m_used = 0;
    }
    void *at = arena->m_current + arena->m_used;
    arena->m_used += size;
    return at;
}

} // namespace uaip
