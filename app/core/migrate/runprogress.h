#pragma once

#include <QString>
#include <functional>

namespace uaip {

// Where a run reports its steps as they happen (MigrationRunner's signals).
struct RunProgress
{
    std::function<void(int index, int total, const QString &id, const QString &action)> started;
    std::function<void(int index, int total, const QString &id, const QString &action, bool ok,
                       int durationMs)>
        finished;
    std::function<void(const QString &text)> message;
};

} // namespace uaip
