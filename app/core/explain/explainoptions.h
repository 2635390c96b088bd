#pragma once

namespace uaip {

// How ExplainRunner explains a statement.
struct ExplainOptions
{
    // Runs the statement (EXPLAIN ANALYZE): actual times, rows and loops. A statement that
    // writes runs in a transaction (or savepoint) that is rolled back.
    bool analyze = false;
    bool buffers = true; // with ANALYZE: shared/temp blocks per node
};

} // namespace uaip
