#pragma once

#include "querybuilder.h"
#include "rowdata.h"

#include <QHash>
#include <QList>
#include <QVariantList>

namespace uaip {

// The pages PageLoader has read, by page number: the rows of at most maxPages pages (least
// recently used go first) and the boundary keys of every page read, so memory stays flat however
// far the user scrolls and an evicted page, or the page next to a known one, is read again by a
// boundary key (keyset pagination) rather than by OFFSET.
class PageCache
{
public:
    // How to read one page: the mode, the boundary key (After, Before), where the page starts
    // and how many rows to read.
    struct Read
    {
        QueryBuilder::PageMode mode = QueryBuilder::PageMode::Offset;
        QVariantList key;
        qint64 offset = 0;
        int limit = 0;
    };

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    // The pages whose rows are held.
    int size() const { return int(m_pages.size()); }

    // The page that holds row `index`, and the index of a page's first row.
    int pageOf(qint64 index) const { return int(index / m_pageSize); }
    qint64 firstRowOf(int page) const { return qint64(page) * m_pageSize; }
    bool contains(int page) const { return m_pages.contains(page); }
    // The row of a held page, which counts as used; null when its page is shorter or not held.
    const RowData *row(qint64 index);

    // How to read `page` of qb: the head from the start, by the last key of the page before or
    // the first key of the page after when known, the tail when the row count is exact
    // (rowsExact) and it is the last page, by OFFSET otherwise.
    Read planRead(int page, const QueryBuilder &qb, qint64 rows, bool rowsExact) const;
    // Holds the rows of a page just read, the most recently used, with its boundary keys.
    void insert(int page, QList<RowData> rows, const QueryBuilder &qb);
    // Drops the least recently used pages but `keep` until at most maxPages are held.
    void evict(int keep);
    // Drops the pages after the last of `rows` rows (the table got shorter).
    void truncate(qint64 rows);
    // Forgets every page and boundary key (another query, or another table).
    void clear();

private:
    struct Page
    {
        QList<RowData> rows;
        quint64 lastUsed = 0;
    };
    struct Bounds
    {
        QVariantList first;
        QVariantList last;
    };

    QHash<int, Page> m_pages;
    QHash<int, Bounds> m_bounds;
    quint64 m_tick = 0;
    int m_pageSize = 200;
    int m_maxPages = 64;
};

} // namespace uaip
