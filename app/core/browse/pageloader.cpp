#include "pageloader.h"

#include "jobs/functionjob.h"
#include "jobs/sessionworker.h"
#include "whereclausechecker.h"

#include <QPointer>

namespace uaip {

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
    m_cache.clear();
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
    const int limit = pageSize();
    // A plain first page (no sort, no filter) needs only names, types and the key: the rest
    // of the catalog is read after it (issue 21, point 16).
    const bool first = query.sortColumn.isEmpty() && query.filters.isEmpty()
        && query.whereClause.trimmed().isEmpty();
    QPointer<PageLoader> self(this);
    m_browse->post(new FunctionJob(tr("Open %1.%2").arg(schema, name),
                                   [self, gen, live = m_live, schema, name, query, limit,
                                    first](JobContext &context) -> Result<QString> {
                                       if (live->load() != gen)
                                           return QString();
                                       const auto opened = BrowseReads::open(context, schema, name,
                                                                             query, limit, first);
                                       Job::reply(self, [self, gen, opened, first] {
                                           if (self)
                                               self->onOpened(gen, opened, !first);
                                       });
                                       if (!opened.table)
                                           return opened.table.error();
                                       return QString();
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
    m_browse->post(new FunctionJob(
        tr("Read the constraints of %1.%2").arg(schema, name),
        [self, tableGen, schema, name](JobContext &context) -> Result<QString> {
            const Result<TableInfo> table = BrowseReads::readTable(context, schema, name);
            Job::reply(self, [self, tableGen, table] {
                if (self)
                    self->onDetails(tableGen, table);
            });
            if (!table)
                return table.error();
            return QString();
        }));
}

void PageLoader::onDetails(quint64 tableGeneration, const Result<TableInfo> &table)
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

void PageLoader::onOpened(quint64 generation, const BrowseReads::Opened &read, bool complete)
{
    if (generation != m_generation)
        return;
    m_opening = false;
    m_detailsPending = read.table.ok() && !complete;
    if (!read.table) {
        emit loadingChanged(false);
        emit failed(read.table.error().toString());
        return;
    }
    m_table = read.table.value();
    m_identity = read.identity;
    if (m_detailsPending)
        requestDetails(); // queued behind nothing: the worker is free once the page is here
    emit opened();
    m_pending.insert(0);
    onPage(generation, 0, QueryBuilder::PageMode::Head, read.rows);
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
        [self, gen, table = m_table, query](JobContext &context) -> Result<QString> {
            const Status status = BrowseReads::checkWhere(context, table, query.whereClause);
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
            if (!status)
                return status.error();
            return QString();
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
        && !m_pending.contains(m_cache.pageOf(m_known));
}

void PageLoader::fetchMore()
{
    if (!canFetchMore())
        return;
    m_paused = false;
    requestPage(m_cache.pageOf(m_known));
}

const RowData *PageLoader::row(qint64 index)
{
    const int page = m_cache.pageOf(index);
    if (m_cache.contains(page))
        return m_cache.row(index);
    if (!m_paused && !m_pending.contains(page) && index < m_known)
        requestPage(page);
    return nullptr;
}

void PageLoader::requestPage(int page)
{
    if (!m_browse || m_pending.contains(page))
        return;
    const QueryBuilder qb(m_table, m_query);
    const PageCache::Read read
        = m_cache.planRead(page, qb, m_known, m_countState == CountState::Complete);
    const bool wasLoading = isLoading();
    m_pending.insert(page);
    if (!wasLoading)
        emit loadingChanged(true);
    const quint64 gen = m_generation;
    QPointer<PageLoader> self(this);
    m_browse->post(new FunctionJob(
        tr("Load rows of %1").arg(m_table.displayName()),
        [self, gen, live = m_live, qb, read, page](JobContext &context) -> Result<QString> {
            if (live->load() != gen)
                return QString(); // a re-sort, re-filter or reload came after this request
            const Result<QList<RowData>> rows
                = BrowseReads::readPage(context, qb, read.mode, read.key, read.offset, read.limit);
            Job::reply(self, [self, gen, page, mode = read.mode, rows] {
                if (self)
                    self->onPage(gen, page, mode, rows);
            });
            if (!rows)
                return rows.error();
            return QString();
        }));
}

void PageLoader::onPage(quint64 generation, int page, QueryBuilder::PageMode mode,
                        const Result<QList<RowData>> &result)
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
    const qint64 first = m_cache.firstRowOf(page);
    const qint64 count = result.value().size();
    m_cache.insert(page, result.value(), QueryBuilder(m_table, m_query));
    const bool forward = mode == QueryBuilder::PageMode::Head
        || mode == QueryBuilder::PageMode::After || mode == QueryBuilder::PageMode::Offset;
    if (m_countState != CountState::Complete) {
        if (first + count > m_known)
            setKnown(first + count);
        if (forward && count < pageSize() && first + count >= m_known) {
            m_countState = CountState::Complete; // reached the end: the count is exact
            emit countStateChanged();
        } else if (m_countState == CountState::Unknown && m_known > 0) {
            m_countState = CountState::Partial;
            emit countStateChanged();
        }
    }
    m_cache.evict(page);
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
        m_cache.truncate(rows);
        emit truncated();
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
    requestPage(m_cache.pageOf(rows - 1));
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
