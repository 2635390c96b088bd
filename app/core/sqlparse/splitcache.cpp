#include "splitcache.h"

#include <QHash>

#include <list>
#include <mutex>

namespace uaip {

namespace {

struct Entry
{
    QByteArray text; // shares the caller's bytes (implicitly shared): no copy
    size_t hash = 0;
    qsizetype window = 0;
    SqlSplitResult result;
};

struct Cache
{
    std::mutex mutex;
    std::list<Entry> entries; // most recently used first
    qsizetype bytes = 0;
};

Cache &cache()
{
    static Cache c;
    return c;
}

} // namespace

std::optional<SqlSplitResult> SplitCache::find(const QByteArray &sql, qsizetype window)
{
    if (sql.size() > maxTextBytes)
        return std::nullopt;
    const size_t hash = qHash(sql);
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    for (auto it = c.entries.begin(); it != c.entries.end(); ++it) {
        if (it->hash == hash && it->window == window && it->text == sql) {
            c.entries.splice(c.entries.begin(), c.entries, it);
            return c.entries.front().result;
        }
    }
    return std::nullopt;
}

void SplitCache::keep(const QByteArray &sql, qsizetype window, const SqlSplitResult &result)
{
    if (sql.size() > maxTextBytes)
        return;
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    c.entries.push_front({sql, qHash(sql), window, result});
    c.bytes += sql.size();
    while (c.entries.size() > std::size_t(maxEntries) || c.bytes > maxTotalBytes) {
        c.bytes -= c.entries.back().text.size();
        c.entries.pop_back();
    }
}

void SplitCache::clear()
{
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    c.entries.clear();
    c.bytes = 0;
}

} // namespace uaip
