#include "pageloader.h"

#include "browse/catalogreader.h"
#include "browse/dbworker.h"
#include "browse/whereclausechecker.h"
#include "util/sqlresource.h"

#include <QPointer>

#include <algorithm>

namespace uaip {

namespace {

QString errorOf(const PgResult &r, PgConnection &c)
{
    return r.handle() ? r.error().toString() : c.connectionError();
}

// Runs the parts of one page until it holds `limit` rows.
QString readPage(PgConnection &c, const QueryBuilder &qb, QueryBuilder::PageMode mode,
                 const QVariantList &key, qint64 offset, int limit, QList<RowData> *rows)
{
    if (!c.isOpen())
        return c.connectionError();
    const bool readOnly = qb.usesFreeClause();
    if (readOnly)
        c.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
    QString error;
    for (BoundSql part : qb.pageParts(mode, key, offset)) {
        part.params << QString::number(limit - rows->size());
        const PgResult r = c.exec(part.sql, part.params);
        if (!r.ok()) {
            error = errorOf(r, c);
            break;
        }
        const int columns = r.columns();
        for (int i = 0; i < r.rows(); ++i) {
            RowData row;
            row.xmin = r.value(i, 0);
            row.ctid = r.value(i, 1);
            row.values.reserve(columns - 2);
            for (int j = 2; j < columns; ++j)
                row.values << (r.isNull(i, j) ? QVariant() : QVariant(r.value(i, j)));
            rows->append(std::move(row));
        }
        if (rows->size() >= limit)
            break;
    }
    if (readOnly)
        c.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
    if (mode == QueryBuilder::PageMode::Before || mode == QueryBuilder::PageMode::Tail)
        std::reverse(rows->begin(), rows->end());
    return error;
}

} // namespace

PageLoader::PageLoader(QObject *parent)
    : QObject(parent)
    , m_live(std::make_shared<std::atomic<quint64>>(0))
{ }

PageLoader::~PageLoader()
{
    blockSignals(true); // the receivers may be half destroyed already
    cancel();
    cancelCount();
}

void PageLoader::setConnection(const QString &conninfo)
{
    nextGeneration();
    m_conninfo = conninfo;
    m_worker = std::make_unique<DbWorker>(conninfo, QStringLiteral("uaip-admin browse"));
    m_countWorker.reset();
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
    if (m_counting) {
        m_counting = false;
        if (m_countWorker)
            m_countWorker->cancel();
    }
    emit resetDone();
    emit countStateChanged();
}

void PageLoader::open(const QString &schema, const QString &name, const BrowseQuery &query)
{
    if (!m_worker)
        return;
    m_table = TableInfo();
    resetState(query);
    m_opening = true;
    emit loadingChanged(true);
    const quint64 gen = m_generation;
    const int limit = m_pageSize;
    QPointer<PageLoader> self(this);
    m_worker->post([self, gen, live = m_live, schema, name, query, limit](PgConnection &c) {
        if (live->load() != gen)
            return;
        TableInfo table;
        QString error;
        QList<RowData> rows;
        if (!c.isOpen())
            error = c.connectionError();
        else if (CatalogReader::readTable(c, schema, name, &table, &error))
            error = readPage(c, QueryBuilder(table, query), QueryBuilder::PageMode::Head, {}, 0,
                             limit, &rows);
        DbWorker::reply(self, [self, gen, table, rows, error] {
            if (self)
                self->onOpened(gen, table, rows, error);
        });
    });
}

void PageLoader::onOpened(quint64 generation, const TableInfo &table, QList<RowData> rows,
                          const QString &error)
{
    if (generation != m_generation)
        return;
    m_opening = false;
    if (!table.isValid()) {
        emit loadingChanged(false);
        emit failed(error);
        return;
    }
    m_table = table;
    emit opened();
    m_pending.insert(0);
    onPage(generation, 0, QueryBuilder::PageMode::Head, std::move(rows), error);
}

void PageLoader::setQuery(const BrowseQuery &query)
{
    if (!m_worker || !m_table.isValid())
        return;
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
    m_worker->post([self, gen, table = m_table, query](PgConnection &c) {
        const QString problem = c.isOpen() ? WhereClauseChecker::check(c, table, query.whereClause)
                                           : c.connectionError();
        DbWorker::reply(self, [self, gen, query, problem] {
            if (!self || gen != self->m_generation)
                return;
            if (!problem.isEmpty()) {
                emit self->queryRejected(problem);
                return;
            }
            self->resetState(query);
            self->requestPage(0);
        });
    });
}

void PageLoader::reload()
{
    if (!m_table.isValid())
        return;
    resetState(m_query);
    requestPage(0);
}

void PageLoader::cancel()
{
    const bool wasLoading = isLoading();
    nextGeneration();
    m_opening = false;
    m_paused = true;
    if (m_worker)
        m_worker->cancel();
    if (wasLoading)
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
    if (!m_worker || m_pending.contains(page))
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
    m_worker->post([self, gen, live = m_live, qb, mode, key, offset, limit, page](PgConnection &c) {
        if (live->load() != gen)
            return; // a re-sort, re-filter or reload came after this request
        QList<RowData> rows;
        const QString error = readPage(c, qb, mode, key, offset, limit, &rows);
        DbWorker::reply(self, [self, gen, page, mode, rows, error] {
            if (self)
                self->onPage(gen, page, mode, rows, error);
        });
    });
}

void PageLoader::onPage(quint64 generation, int page, QueryBuilder::PageMode mode,
                        QList<RowData> rows, const QString &error)
{
    if (generation != m_generation)
        return; // stale: from before a re-sort, re-filter, reload or cancel
    m_pending.remove(page);
    if (!error.isEmpty()) {
        m_paused = true;
        if (!isLoading())
            emit loadingChanged(false);
        emit failed(error);
        return;
    }
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
    if (!m_table.isValid() || m_counting)
        return;
    if (m_countState == CountState::Complete) {
        if (m_wantTail && m_known > 0) {
            m_wantTail = false;
            m_paused = false;
            requestPage(int((m_known - 1) / m_pageSize));
        }
        return;
    }
    if (!m_countWorker)
        m_countWorker = std::make_unique<DbWorker>(m_conninfo, QStringLiteral("uaip-admin count"));
    m_counting = true;
    emit countStateChanged();
    const quint64 gen = m_generation;
    QPointer<PageLoader> self(this);
    const QueryBuilder qb(m_table, m_query);
    m_countWorker->post([self, gen, live = m_live, qb](PgConnection &c) {
        if (live->load() != gen)
            return;
        qint64 count = -1;
        QString error;
        if (!c.isOpen()) {
            error = c.connectionError();
        } else {
            if (qb.usesFreeClause())
                c.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
            const BoundSql sql = qb.count();
            const PgResult r = c.exec(sql.sql, sql.params);
            if (r.ok())
                count = r.value(0, 0).toLongLong();
            else
                error = errorOf(r, c);
            if (qb.usesFreeClause())
                c.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
        }
        DbWorker::reply(self, [self, gen, count, error] {
            if (self)
                self->onCount(gen, count, error);
        });
    });
}

void PageLoader::onCount(quint64 generation, qint64 count, const QString &error)
{
    if (generation != m_generation || !m_counting)
        return;
    m_counting = false;
    if (count < 0) {
        m_wantTail = false;
        emit countStateChanged();
        emit countFailed(error);
        return;
    }
    setKnown(count);
    m_countState = CountState::Complete;
    emit countStateChanged();
    if (m_wantTail && count > 0) {
        m_wantTail = false;
        m_paused = false;
        requestPage(int((count - 1) / m_pageSize));
    }
}

void PageLoader::cancelCount()
{
    if (!m_counting)
        return;
    m_counting = false;
    m_wantTail = false;
    if (m_countWorker)
        m_countWorker->cancel();
    emit countStateChanged();
    emit countFailed(QStringLiteral("Count cancelled."));
}

void PageLoader::jumpToEnd()
{
    m_wantTail = true;
    requestCount();
}

} // namespace uaip
