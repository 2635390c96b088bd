#include "pageloader.h"

#include "browse/catalogreader.h"
#include "browse/pagereader.h"
#include "browse/whereclausechecker.h"
#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"

#include <QPointer>

namespace uaip {

namespace {

// Notices (RAISE NOTICE of a function in a WHERE clause, warnings) are not shown by the grid:
// taken after every read so they never pile up on the long-lived browse session.
void dropNotices(Session *session)
{
    session->pg().takeNotices();
}

} // namespace

PageLoader::PageLoader(QObject *parent)
    : QObject(parent)
    , m_live(std::make_shared<std::atomic<quint64>>(0))
{
    m_counter = std::make_unique<RowCounter>(m_live);
    connect(m_counter.get(), &RowCounter::finished, this, &PageLoader::onCount);
}

PageLoader::~PageLoader()
{
    blockSignals(true); // the receivers may be half destroyed already
    cancel();
    cancelCount();
}

void PageLoader::setTarget(const std::optional<SessionSpec> &spec)
{
    nextGeneration();
    m_target = spec;
    m_identity = DatabaseIdentity();
    m_counter->setWorker(nullptr);
    // Retiring never waits: what runs is cancelled, its results go nowhere.
    m_browse.reset();
    m_work.reset();
    if (!spec || !spec->isComplete())
        return; // no session before the password is known
    m_browse = std::make_unique<SessionWorker>(spec->withPurpose(QStringLiteral("browse")),
                                               QStringLiteral("uaip-admin browse"));
    m_work = std::make_unique<SessionWorker>(spec->withPurpose(QStringLiteral("work")),
                                             QStringLiteral("uaip-admin work"));
    m_counter->setWorker(m_work.get());
}

void PageLoader::nextGeneration()
{
    ++m_generation;
    m_live->store(m_generation);
    m_pending.clear();
}

void PageLoader::resetState(const BrowseQuery &query)
{
    emit aboutToReset();
    nextGeneration();
    m_query = query;
    m_pages.clear();
    m_bounds.clear();
    m_known = 0;
    m_countState = CountState::Unknown;
    m_paused = false;
    m_wantTail = false;
    m_counter->stop();
    emit resetDone();
    emit countStateChanged();
}

void PageLoader::open(const QString &schema, const QString &name, const BrowseQuery &query)
{
    if (!m_browse)
        return;
    m_table = TableInfo();
    ++m_tableGeneration;
    m_detailsPending = false;
    m_deferredQuery.reset();
    resetState(query);
    m_opening = true;
    emit loadingChanged(true);
    const quint64 gen = m_generation;
    const int limit = m_pageSize;
    // A plain first page (no sort, no filter) needs only names, types and the key: the rest
    // of the catalog is read after it (issue 21, point 16).
    const bool first = query.sortColumn.isEmpty() && query.filters.isEmpty()
        && query.whereClause.trimmed().isEmpty();
    QPointer<PageLoader> self(this);
    m_browse->post(new FunctionJob(
        tr("Open %1.%2").arg(schema, name),
        [self, gen, live = m_live, schema, name, query, limit, first](JobContext &context,
                                                                      QString *) {
            if (live->load() != gen)
                return true;
            DbResult<Session *> session = context.session();
            DbResult<TableInfo> table = !session ? DbResult<TableInfo>(session.error())
                : first ? CatalogReader::readFirst(session.value()->pg(), schema, name)
                        : CatalogReader::readTable(session.value()->pg(), schema, name);
            DbResult<QList<RowData>> rows = table
                ? PageReader::read(session.value()->pg(), QueryBuilder(table.value(), query),
                                   QueryBuilder::PageMode::Head, {}, 0, limit)
                : DbResult<QList<RowData>>(table.error());
            DatabaseIdentity identity;
            if (session) {
                identity = session.value()->identity();
                dropNotices(session.value());
            }
            Job::reply(self, [self, gen, table, identity, rows, first] {
                if (self)
                    self->onOpened(gen, table, identity, rows, !first);
            });
            return table.ok();
        }));
}

void PageLoader::requestDetails()
{
    if (!m_browse || !m_table.isValid())
        return;
    const quint64 tableGen = m_tableGeneration;
    const QString schema = m_table.schema;
    const QString name = m_table.name;
    QPointer<PageLoader> self(this);
    m_browse->post(new FunctionJob(tr("Read the constraints of %1.%2").arg(schema, name),
                                   [self, tableGen, schema, name](JobContext &context, QString *) {
                                       DbResult<Session *> session = context.session();
                                       DbResult<TableInfo> table = session
                                           ? CatalogReader::readTable(session.value()->pg(), schema,
                                                                      name)
                                           : DbResult<TableInfo>(session.error());
                                       if (session)
                                           dropNotices(session.value());
                                       Job::reply(self, [self, tableGen, table] {
                                           if (self)
                                               self->onDetails(tableGen, table);
                                       });
                                       return table.ok();
                                   }));
}

void PageLoader::onDetails(quint64 tableGeneration, const DbResult<TableInfo> &table)
{
    if (tableGeneration != m_tableGeneration || !m_detailsPending)
        return;
    const bool wasLoading = isLoading();
    m_detailsPending = false;
    bool same = table.ok() && table.value().columns.size() == m_table.columns.size();
    for (int i = 0; same && i < m_table.columns.size(); ++i)
        same = table.value().columns[i].name == m_table.columns[i].name
            && table.value().columns[i].typeName == m_table.columns[i].typeName;
    if (!same) {
        // Gone, or altered between the two reads: nothing is edited on a half-known table.
        m_deferredQuery.reset();
        if (wasLoading && !isLoading())
            emit loadingChanged(false);
        emit failed(
            table.ok()
                ? tr("%1 changed while it was opened; open it again.").arg(m_table.displayName())
                : table.error().toString());
        close();
        return;
    }
    m_table = table.value();
    emit detailsLoaded();
    if (m_deferredQuery) {
        const BrowseQuery query = *m_deferredQuery;
        m_deferredQuery.reset();
        setQuery(query);
    }
    if (wasLoading && !isLoading())
        emit loadingChanged(false);
}

void PageLoader::onOpened(quint64 generation, const DbResult<TableInfo> &table,
                          const DatabaseIdentity &identity, const DbResult<QList<RowData>> &rows,
                          bool complete)
{
    if (generation != m_generation)
        return;
    m_opening = false;
    m_detailsPending = table.ok() && !complete;
    if (!table) {
        emit loadingChanged(false);
        emit failed(table.error().toString());
        return;
    }
    m_table = table.value();
    m_identity = identity;
    if (m_detailsPending)
        requestDetails(); // queued behind nothing: the worker is free once the page is here
    emit opened();
    m_pending.insert(0);
    onPage(generation, 0, QueryBuilder::PageMode::Head, rows);
}

void PageLoader::setQuery(const BrowseQuery &query)
{
    if (!m_browse || !m_table.isValid())
        return;
    if (m_detailsPending) {
        m_deferredQuery = query; // sorting and filters need the columns' sortability
        return;
    }
    if (query.whereClause.trimmed().isEmpty()) {
        resetState(query);
        requestPage(0);
        return;
    }
    const QString offline = WhereClauseChecker::checkSyntax(m_table, query.whereClause);
    if (!offline.isEmpty()) {
        emit queryRejected(offline);
        return;
    }
    QPointer<PageLoader> self(this);
    const quint64 gen = m_generation;
    m_browse->post(new FunctionJob(
        tr("Check WHERE clause"),
        [self, gen, table = m_table, query](JobContext &context, QString *) {
            DbResult<Session *> session = context.session();
            const DbStatus status = session
                ? WhereClauseChecker::check(session.value()->pg(), table, query.whereClause)
                : DbStatus(session.error());
            if (session)
                dropNotices(session.value());
            Job::reply(self, [self, gen, query, status] {
                if (!self || gen != self->m_generation)
                    return;
                if (!status) {
                    emit self->queryRejected(status.error().toString());
                    return;
                }
                self->resetState(query);
                self->requestPage(0);
            });
            return status.ok();
        }));
}

void PageLoader::reload()
{
    if (!m_table.isValid())
        return;
    resetState(m_query);
    requestPage(0);
}

void PageLoader::close()
{
    const bool wasLoading = isLoading();
    m_opening = false;
    m_detailsPending = false;
    m_deferredQuery.reset();
    ++m_tableGeneration;
    m_table = TableInfo();
    resetState(BrowseQuery{});
    if (m_browse)
        m_browse->cancelAll();
    if (wasLoading)
        emit loadingChanged(false);
}

void PageLoader::cancel()
{
    const bool wasLoading = isLoading();
    nextGeneration();
    m_opening = false;
    m_paused = true;
    if (m_browse)
        m_browse->cancelAll();
    // The rows stop; the table's own description does not (it is small, and nothing may be
    // edited without it): read again if the cancel caught it.
    if (m_detailsPending)
        requestDetails();
    if (wasLoading && !isLoading())
        emit loadingChanged(false);
}

bool PageLoader::canFetchMore() const
{
    return m_table.isValid() && m_countState != CountState::Complete && !m_opening
        && !m_pending.contains(int(m_known / m_pageSize));
}

void PageLoader::fetchMore()
{
    if (!canFetchMore())
        return;
    m_paused = false;
    requestPage(int(m_known / m_pageSize));
}

const RowData *PageLoader::row(qint64 index)
{
    const int page = int(index / m_pageSize);
    auto it = m_pages.find(page);
    if (it != m_pages.end()) {
        it->lastUsed = ++m_tick;
        const qint64 offset = index % m_pageSize;
        return offset < it->rows.size() ? &it->rows[offset] : nullptr;
    }
    if (!m_paused && !m_pending.contains(page) && index < m_known)
        requestPage(page);
    return nullptr;
}

void PageLoader::requestPage(int page)
{
    if (!m_browse || m_pending.contains(page))
        return;
    using Mode = QueryBuilder::PageMode;
    const QueryBuilder qb(m_table, m_query);
    Mode mode = Mode::Offset;
    QVariantList key;
    const qint64 offset = qint64(page) * m_pageSize;
    int limit = m_pageSize;
    const qint64 lastPage
        = m_countState == CountState::Complete && m_known > 0 ? (m_known - 1) / m_pageSize : -1;
    if (page == 0) {
        mode = Mode::Head;
    } else if (qb.hasKeyset() && m_bounds.contains(page - 1)) {
        mode = Mode::After;
        key = m_bounds[page - 1].last;
    } else if (qb.hasKeyset() && m_bounds.contains(page + 1)) {
        mode = Mode::Before;
        key = m_bounds[page + 1].first;
    } else if (page == lastPage) {
        mode = Mode::Tail;
        limit = int(m_known - offset);
    }
    const bool wasLoading = isLoading();
    m_pending.insert(page);
    if (!wasLoading)
        emit loadingChanged(true);
    const quint64 gen = m_generation;
    QPointer<PageLoader> self(this);
    m_browse->post(new FunctionJob(
        tr("Load rows of %1").arg(m_table.displayName()),
        [self, gen, live = m_live, qb, mode, key, offset, limit, page](JobContext &context,
                                                                       QString *) {
            if (live->load() != gen)
                return true; // a re-sort, re-filter or reload came after this request
            DbResult<Session *> session = context.session();
            DbResult<QList<RowData>> rows = session
                ? PageReader::read(session.value()->pg(), qb, mode, key, offset, limit)
                : DbResult<QList<RowData>>(session.error());
            if (session)
                dropNotices(session.value());
            Job::reply(self, [self, gen, page, mode, rows] {
                if (self)
                    self->onPage(gen, page, mode, rows);
            });
            return rows.ok();
        }));
}

void PageLoader::onPage(quint64 generation, int page, QueryBuilder::PageMode mode,
                        const DbResult<QList<RowData>> &result)
{
    if (generation != m_generation)
        return; // stale: from before a re-sort, re-filter, reload or cancel
    m_pending.remove(page);
    if (!result) {
        m_paused = true;
        if (!isLoading())
            emit loadingChanged(false);
        emit failed(result.error().toString());
        return;
    }
    QList<RowData> rows = result.value();
    const qint64 first = qint64(page) * m_pageSize;
    const qint64 count = rows.size();
    if (!rows.isEmpty()) {
        const QueryBuilder qb(m_table, m_query);
        m_bounds.insert(page, Bounds{qb.keyOf(rows.first()), qb.keyOf(rows.last())});
    }
    m_pages.insert(page, Page{std::move(rows), ++m_tick});
    const bool forward = mode == QueryBuilder::PageMode::Head
        || mode == QueryBuilder::PageMode::After || mode == QueryBuilder::PageMode::Offset;
    if (m_countState != CountState::Complete) {
        if (first + count > m_known)
            setKnown(first + count);
        if (forward && count < m_pageSize && first + count >= m_known) {
            m_countState = CountState::Complete; // reached the end: the count is exact
            emit countStateChanged();
        } else if (m_countState == CountState::Unknown && m_known > 0) {
            m_countState = CountState::Partial;
            emit countStateChanged();
        }
    }
    evict(page);
    if (!isLoading())
        emit loadingChanged(false);
    if (count > 0)
        emit rowsLoaded(first, first + count - 1);
}

void PageLoader::setKnown(qint64 rows)
{
    if (rows > m_known) {
        emit aboutToAppend(m_known, rows - 1);
        m_known = rows;
        emit appended();
    } else if (rows < m_known) {
        emit aboutToTruncate(rows, m_known - 1);
        m_known = rows;
        const int lastPage = rows > 0 ? int((rows - 1) / m_pageSize) : -1;
        for (auto it = m_pages.begin(); it != m_pages.end();)
            it = it.key() > lastPage ? m_pages.erase(it) : std::next(it);
        emit truncated();
    }
}

void PageLoader::evict(int keep)
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

void PageLoader::requestCount()
{
    if (!m_table.isValid() || m_counter->isCounting())
        return;
    if (m_countState == CountState::Complete) {
        if (m_wantTail && m_known > 0)
            requestTail(m_known);
        return;
    }
    m_counter->start(QueryBuilder(m_table, m_query), m_generation);
    emit countStateChanged();
}

void PageLoader::onCount(qint64 count, const QString &error)
{
    if (count < 0) {
        m_wantTail = false;
        emit countStateChanged();
        emit countFailed(error);
        return;
    }
    setKnown(count);
    m_countState = CountState::Complete;
    emit countStateChanged();
    if (m_wantTail && count > 0)
        requestTail(count);
}

void PageLoader::requestTail(qint64 rows)
{
    m_wantTail = false;
    m_paused = false;
    requestPage(int((rows - 1) / m_pageSize));
}

void PageLoader::cancelCount()
{
    if (!m_counter->stop())
        return;
    m_wantTail = false;
    emit countStateChanged();
    emit countFailed(tr("Count cancelled."));
}

void PageLoader::jumpToEnd()
{
    m_wantTail = true;
    requestCount();
}

} // namespace uaip
