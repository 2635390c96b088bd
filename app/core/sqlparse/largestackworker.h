#pragma once

#include <functional>

namespace uaip {

// One long-lived thread with a large stack for the work that recurses once per level of a tree
// (protobuf-c's unpacker on a deeply nested parse tree, libpg_query's PL/pgSQL compiler and its
// JSON writer): callers hand it the work and wait. One thread for the process, started on first
// use and left running at exit; work handed to it from its own thread runs at once. One queue
// for the process: only work that may nest deeply goes there (a text of 2 KB or more).
class LargeStackWorker
{
public:
    static constexpr unsigned stackBytes = 256u * 1024u * 1024u;

    // Runs work on the large-stack thread and returns when it is done.
    static void run(const std::function<void()> &work);
};

} // namespace uaip
