#pragma once

#include "browsequery.h"
#include "browsereads.h"
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "error/result.h"
#include "pagecache.h"
#include "querybuilder.h"
#include "rowcounter.h"
#include "rowdata.h"
#include "tableinfo.h"

#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>
#include <optional>

namespace uaip {

class SessionWorker;

// Loads the rows of one table page by page as jobs on a SessionWorker, as the grid
// asks for them; the model (EntityModel) only reads what is here. Modelled on DB Browser for
// SQLite's RowLoader: a life counter (generation) so results from before a re-sort, re-filter
// or reload are dropped — stale tasks are skipped before they run, stale results when they
// arrive — and a row count that is Unknown, Partial or Complete instead of a count(*).
//
// Pages are read with keyset pagination (QueryBuilder): the next page after the last key of
// the previous one, the page before a known first key, the tail in reverse order; OFFSET only
// for a jump into the unknown middle. The boundary keys of every page are kept, the rows of
// at most maxCachedPages pages (PageCache; least recently used go first) — memory stays flat
// however far the user scrolls; an evicted page is read again by its boundary key.
//
// Sessions: the loader owns the view's two sessions. The browse session (catalog, pages, WHERE
// checks, reference searches) serves what the grid waits for; the work session runs what may
// take long or writes (exact counts, saves, CSV exports), so a long count or export never holds
// up the pages and a save never waits behind a page. None exists until the target's password
// is known (setTarget(nullopt) or an incomplete spec opens nothing).
class PageLoader : public QObject
{
    Q_OBJECT
public:
    enum class CountState { Unknown, Partial, Complete };

    explicit PageLoader(QObject *parent = nullptr);
    ~PageLoader() override;

    // The database to browse; nullopt or a spec whose password is not known yet: none (no
    // session is opened). Retires the sessions of the previous target without waiting.
    void setTarget(const std::optional<SessionSpec> &spec);
    const std::optional<SessionSpec> &target() const { return m_target; }
    // Catalog, pages, WHERE checks, reference searches; null without a target.
    SessionWorker *browseWorker() const { return m_browse.get(); }
    // Counts, saves, exports; null without a target.
    SessionWorker *workWorker() const { return m_work.get(); }
    // The database the open table was read from (system identifier + name); unknown until
    // opened.
    const DatabaseIdentity &identity() const { return m_identity; }
    // Reads the catalog and the first page in one task.
    void open(const QString &schema, const QString &name, const BrowseQuery &query = {});
    // A free WHERE clause is checked by the server first; rejected -> queryRejected().
    void setQuery(const BrowseQuery &query);
    void reload();
    // Forgets the open table (no table afterwards); loads in flight are dropped.
    void close();
    // Drops every load in flight (server-side cancel) and stops loading until asked again.
    void cancel();

    const TableInfo &table() const { return m_table; }
    const BrowseQuery &query() const { return m_query; }
    qint64 rowCount() const { return m_known; }
    CountState countState() const { return m_countState; }
    qint64 exactCount() const { return m_countState == CountState::Complete ? m_known : -1; }
    bool canFetchMore() const;
    void fetchMore();
    // The loaded row, or null (then its page is being loaded; rowsLoaded() follows).
    const RowData *row(qint64 index);
    // Counts (cancellable) and then loads the last page; rowsLoaded() covers the last row.
    void jumpToEnd();
    void requestCount();
    void cancelCount();
    bool isCounting() const { return m_counter->isCounting(); }
    // Loading includes the rest of the catalog after a first page read with
    // CatalogReader::readFirst (detailsPending()).
    bool isLoading() const { return !m_pending.isEmpty() || m_opening || m_detailsPending; }
    // The first page is shown, but table() lacks defaults, enum labels, sortability and the
    // constraints until detailsLoaded(): nothing may be edited, sorted or filtered by then
    // (setQuery waits for them).
    bool detailsPending() const { return m_detailsPending; }

    int pageSize() const { return m_cache.pageSize(); }
    void setPageSize(int rows) { m_cache.setPageSize(rows); }
    int maxCachedPages() const { return m_cache.maxPages(); }
    void setMaxCachedPages(int pages) { m_cache.setMaxPages(pages); }
    int cachedPages() const { return m_cache.size(); }
    quint64 generation() const { return m_generation; }

signals:
    void opened();
    // table() is complete (after a first page read with readFirst).
    void detailsLoaded();
    void failed(const QString &message);
    void queryRejected(const QString &message);
    void aboutToReset();
    void resetDone();
    void aboutToAppend(qint64 first, qint64 last);
    void appended();
    void aboutToTruncate(qint64 first, qint64 last);
    void truncated();
    void rowsLoaded(qint64 first, qint64 last);
    void countStateChanged();
    void countFailed(const QString &message);
    void loadingChanged(bool loading);

private:
    void resetState(const BrowseQuery &query);
    void requestPage(int page);
    void onPage(quint64 generation, int page, QueryBuilder::PageMode mode,
                const Result<QList<RowData>> &rows);
    // complete: the table was read with readTable (else readFirst: details follow)
    void onOpened(quint64 generation, const BrowseReads::Opened &read, bool complete);
    void onCount(qint64 count, const QString &error);
    void requestTail(qint64 rows);
    void setKnown(qint64 rows);
    void nextGeneration();
    // Posts the reading of the whole catalog entry of the open table (readTable).
    void requestDetails();
    void onDetails(quint64 tableGeneration, const Result<TableInfo> &table);

    std::optional<SessionSpec> m_target;
    std::unique_ptr<SessionWorker> m_browse;
    std::unique_ptr<SessionWorker> m_work;
    DatabaseIdentity m_identity;
    std::unique_ptr<RowCounter> m_counter;
    std::shared_ptr<std::atomic<quint64>> m_live; // the generation tasks compare against
    quint64 m_generation = 0;
    TableInfo m_table;
    BrowseQuery m_query;
    PageCache m_cache;
    QSet<int> m_pending;
    qint64 m_known = 0;
    CountState m_countState = CountState::Unknown;
    bool m_opening = false;
    bool m_detailsPending = false;
    std::optional<BrowseQuery> m_deferredQuery; // asked for while the details were pending
    quint64 m_tableGeneration = 0; // a new one for every open and close
    bool m_paused = false;
    bool m_wantTail = false;
};

} // namespace uaip
