#pragma once

#include "sqlsplitresult.h"

#include <QByteArray>

#include <optional>

namespace uaip {

// The split scripts of the texts split lately, found by their content (length, hash, then the
// bytes themselves): the plan, the check, the lint, the lock forecast and the run of one
// migration file get one SqlSplitResult and so one ScriptTrees, and each statement is parsed
// once. Bounded: the last 32 texts, 64 MiB of text at most, none over 16 MiB. Thread-safe.
class SplitCache
{
public:
    static std::optional<SqlSplitResult> find(const QByteArray &sql, qsizetype window);
    static void keep(const QByteArray &sql, qsizetype window, const SqlSplitResult &result);
    // Forgets every text (tests: a split that must run again).
    static void clear();

    static constexpr qsizetype maxEntries = 32;
    static constexpr qsizetype maxTotalBytes = 64 * 1024 * 1024;
    static constexpr qsizetype maxTextBytes = 16 * 1024 * 1024;
};

} // namespace uaip
