#include "pagecache.h"

namespace uaip {

const RowData *PageCache::row(qint64 index)
{
    auto it = m_pages.find(pageOf(index));
    if (it == m_pages.end())
        return nullptr;
    it->lastUsed = ++m_tick;
    const qint64 offset = index % m_pageSize;
    return offset < it->rows.size() ? &it->rows[offset] : nullptr;
}

PageCache::Read PageCache::planRead(int page, const QueryBuilder &qb, qint64 rows,
                                    bool rowsExact) const
{
    using Mode = QueryBuilder::PageMode;
    Read read;
    read.offset = firstRowOf(page);
    read.limit = m_pageSize;
    const qint64 lastPage = rowsExact && rows > 0 ? (rows - 1) / m_pageSize : -1;
    if (page == 0) {
        read.mode = Mode::Head;
    } else if (qb.hasKeyset() && m_bounds.contains(page - 1)) {
        read.mode = Mode::After;
        read.key = m_bounds[page - 1].last;
    } else if (qb.hasKeyset() && m_bounds.contains(page + 1)) {
        read.mode = Mode::Before;
        read.key = m_bounds[page + 1].first;
    } else if (page == lastPage) {
        read.mode = Mode::Tail;
        read.limit = int(rows - read.offset);
    }
    return read;
}

void PageCache::insert(int page, QList<RowData> rows, const QueryBuilder &qb)
{
    if (!rows.isEmpty())
        m_bounds.insert(page, Bounds{qb.keyOf(rows.first()), qb.keyOf(rows.last())});
    m_pages.insert(page, Page{std::move(rows), ++m_tick});
}

void PageCache::evict(int keep)
{
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it.key() != keep && (oldest == m_pages.end() || it->lastUsed < oldest->lastUsed))
                oldest = it;
        if (oldest == m_pages.end())
            return;
        m_pages.erase(oldest);
    }
}

void PageCache::truncate(qint64 rows)
{
    const int lastPage = rows > 0 ? int((rows - 1) / m_pageSize) : -1;
    for (auto it = m_pages.begin(); it != m_pages.end();)
        it = it.key() > lastPage ? m_pages.erase(it) : std::next(it);
}

void PageCache::clear()
{
    m_pages.clear();
    m_bounds.clear();
}

} // namespace uaip
