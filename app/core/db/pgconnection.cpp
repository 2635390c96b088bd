#include "pgconnection.h"

#include "ownbackends.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

#include <libpq-fe.h>

#include <cerrno>
#include <poll.h>

#include <algorithm>

#include <vector>

namespace uaip {

PgConnection::~PgConnection()
{
    close();
}

bool PgConnection::open(const QString &conninfo, const QString &applicationName)
{
    return open(conninfo, OpenOptions{applicationName, false, false, true});
}

bool PgConnection::finishConnect(PGconn *connection, bool *timedOut)
{
    int timeoutSeconds = 0;
    if (PQconninfoOption *options = PQconninfo(connection)) {
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (qstrcmp(o->keyword, "connect_timeout") == 0 && o->val)
                timeoutSeconds = QByteArray(o->val).toInt();
        PQconninfoFree(options);
    }
    const QDeadlineTimer deadline(timeoutSeconds > 0 ? timeoutSeconds * 1000 : -1);
    PostgresPollingStatusType state
        = PQstatus(connection) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        if (deadline.hasExpired()) {
            *timedOut = true;
            return false;
        }
        pollfd p{PQsocket(connection), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const qint64 left = deadline.remainingTime();
        const int n = ::poll(&p, 1, left < 0 ? -1 : int(qMin<qint64>(left, 1000)));
        if (n < 0 && errno != EINTR)
            return false;
        if (n > 0)
            state = PQconnectPoll(connection);
    }
    return PQstatus(connection) == CONNECTION_OK;
}

bool PgConnection::open(const QString &conninfo, const OpenOptions &options)
{
    close();
    m_failure = {};
    const QByteArray info = conninfo.toUtf8();
    const QByteArray app = options.applicationName.isEmpty() ? QByteArrayLiteral("uaip-admin")
                                                             : options.applicationName.toUtf8();
    // Later keywords override earlier ones, so the user's own conninfo wins over our defaults;
    // client_encoding comes last (UTF8 always), in the startup packet: no SET round trip.
    const char *keywords[] = {"connect_timeout", "fallback_application_name", "dbname",
                              "client_encoding", "application_name",          nullptr};
    const char *values[] = {"10",
                            app.constData(),
                            info.isEmpty() ? nullptr : info.constData(),
                            "UTF8",
                            options.forceApplicationName ? app.constData() : nullptr,
                            nullptr};
    // libpq's blocking connect applies connect_timeout to each host of a list and moves on to
    // the next (a caller's loop cannot); the verbose layout must be set before the server
    // answers, which only a started connection allows (then the deadline is the whole attempt's).
    bool timedOut = false;
    bool connected = false;
    if (options.verboseErrors) {
        m_conn = PQconnectStartParams(keywords, values, 1);
        if (m_conn)
            PQsetErrorVerbosity(m_conn, PQERRORS_VERBOSE);
        connected = m_conn && finishConnect(m_conn, &timedOut);
    } else {
        m_conn = PQconnectdbParams(keywords, values, 1);
        connected = m_conn && PQstatus(m_conn) == CONNECTION_OK;
    }
    if (!connected) {
        m_connectionError = !m_conn ? tr("out of memory")
            : timedOut              ? QStringLiteral("timeout expired")
                                    : QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        m_failure.message = m_connectionError;
        m_failure.timedOut = timedOut;
        if (m_conn) {
            m_failure.user = QString::fromUtf8(PQuser(m_conn));
            m_failure.database = QString::fromUtf8(PQdb(m_conn));
            m_failure.needsPassword = PQconnectionNeedsPassword(m_conn) != 0;
        }
        close();
        return false;
    }
    m_connectionError.clear();
    PQsetNoticeReceiver(m_conn, &PgConnection::noticeReceiver, this);
    m_own = options.ownSession;
    if (m_own)
        OwnBackends::add(PQbackendPID(m_conn));
    QMutexLocker lock(&m_cancelMutex);
    m_cancel = PQgetCancel(m_conn);
    return true;
}

void PgConnection::adopt(PGconn *connection)
{
    close();
    m_conn = connection;
    m_adopted = true;
    m_connectionError.clear();
    if (!m_conn)
        return;
    m_previousReceiver = PQsetNoticeReceiver(m_conn, &PgConnection::noticeReceiver, this);
    m_own = true;
    OwnBackends::add(PQbackendPID(m_conn));
    QMutexLocker lock(&m_cancelMutex);
    m_cancel = PQgetCancel(m_conn);
}

void PgConnection::dropCancel()
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = nullptr;
}

void PgConnection::release()
{
    if (!m_adopted)
        return;
    dropCancel();
    // libpq's default receiver ignores its argument (it forwards to the notice processor).
    if (m_conn) {
        if (m_own)
            OwnBackends::remove(PQbackendPID(m_conn));
        PQsetNoticeReceiver(m_conn, m_previousReceiver, nullptr);
    }
    m_own = false;
    m_conn = nullptr;
    m_adopted = false;
    m_keptReadOnly = false;
    m_previousReceiver = nullptr;
}

void PgConnection::close()
{
    if (m_adopted) {
        release();
        return;
    }
    dropCancel();
    if (m_conn) {
        if (m_own)
            OwnBackends::remove(PQbackendPID(m_conn));
        PQfinish(m_conn);
    }
    m_conn = nullptr;
    m_own = false;
    m_keptReadOnly = false;
}

bool PgConnection::isOpen() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

PGresult *PgConnection::settleCopy(PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COPY_IN) {
        PQclear(result);
        PQputCopyEnd(m_conn, "COPY FROM STDIN without data: the statement has no rows to send");
        return PQgetResult(m_conn);
    }
    if (status == PGRES_COPY_OUT) {
        PQclear(result);
        char *buffer = nullptr;
        while (PQgetCopyData(m_conn, &buffer, 0) > 0)
            PQfreemem(buffer);
        return PQgetResult(m_conn);
    }
    return result;
}

PgResult PgConnection::exec(const QByteArray &sql)
{
    if (!m_conn)
        return PgResult();
    PgResult r(PQexecParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0));
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return r;
}

PgResult PgConnection::execScript(const QByteArray &script)
{
    if (!m_conn)
        return PgResult();
    PgResult r(PQexec(m_conn, script.constData()));
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return r;
}

void PgConnection::bindValues(const QVariantList &params, std::vector<QByteArray> *storage,
                              std::vector<const char *> *values)
{
    storage->reserve(params.size());
    values->reserve(params.size());
    for (const QVariant &p : params) {
        if (p.isNull()) {
            storage->emplace_back();
            values->push_back(nullptr);
            continue;
        }
        storage->push_back(p.typeId() == QMetaType::QByteArray ? p.toByteArray()
                               : p.typeId() == QMetaType::Bool ? QByteArray(p.toBool() ? "t" : "f")
                                                               : p.toString().toUtf8());
        values->push_back(storage->back().constData());
    }
}

PgResult PgConnection::execOne(const QByteArray &sql)
{
    if (!m_conn)
        return PgResult();
    PgResult r(settleCopy(
        PQexecParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)));
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return r;
}

bool PgConnection::send(const QByteArray &sql)
{
    return m_conn
        && PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)
        == 1;
}

bool PgConnection::isBusy()
{
    return m_conn && PQconsumeInput(m_conn) == 1 && PQisBusy(m_conn) == 1;
}

void PgConnection::discardResults()
{
    while (PGresult *r = m_conn ? PQgetResult(m_conn) : nullptr)
        PQclear(r);
}

PgResult PgConnection::exec(const QByteArray &sql, const QVariantList &params)
{
    if (!m_conn)
        return PgResult();
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    bindValues(params, &storage, &values);
    PgResult r(PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(),
                            nullptr, nullptr, 0));
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return r;
}

PgResult PgConnection::prepare(const QByteArray &name, const QByteArray &sql)
{
    if (!m_conn)
        return PgResult();
    PgResult r(PQprepare(m_conn, name.constData(), sql.constData(), 0, nullptr));
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return r;
}

std::vector<PgResult> PgConnection::pipeline(const QList<QByteArray> &sql,
                                             const QList<QVariantList> &params,
                                             const PipelineOptions &options)
{
    std::vector<PgResult> results;
    const QList<QByteArray> &statements = options.statements;
    const QList<std::optional<QByteArray>> &copyData = options.copyData;
    const auto &onResult = options.onResult;
    if (std::any_of(copyData.cbegin(), copyData.cend(), [](const auto &d) { return bool(d); })) {
        for (qsizetype i = 0; i < sql.size(); ++i) {
            if (!results.empty() && !results.back().ok()) {
                results.emplace_back();
                continue;
            }
            const QByteArray statement = statements.value(i);
            const std::optional<QByteArray> data = copyData.value(i);
            if (data)
                results.push_back(copyIn(sql[i], *data));
            else if (!statement.isEmpty())
                results.push_back(execPrepared(statement, params.value(i)));
            else if (params.value(i).isEmpty())
                results.push_back(execOne(sql[i]));
            else
                results.push_back(exec(sql[i], params.value(i)));
            if (onResult)
                onResult(i, results.back());
        }
        return results;
    }
    if (!m_conn || PQenterPipelineMode(m_conn) != 1) {
        for (qsizetype i = 0; i < sql.size(); ++i)
            results.emplace_back();
        return results;
    }
    // libpq keeps a copy of every queued statement until its result is read: past a megabyte of
    // them, ask the server for what it has and read it, so a 50 MB file is not held twice
    constexpr qsizetype kDrainBytes = qsizetype(1) << 20;
    qsizetype read = 0;
    qsizetype queuedBytes = 0;
    const auto readUpTo = [&](qsizetype n) {
        for (; read < n; ++read) {
            results.emplace_back(settleCopy(PQgetResult(m_conn)));
            while (PGresult *rest = PQgetResult(m_conn)) // up to the NULL that ends this command
                PQclear(settleCopy(rest));
            if (onResult)
                onResult(read, results.back());
        }
    };
    for (qsizetype i = 0; i < sql.size(); ++i) {
        std::vector<QByteArray> storage;
        std::vector<const char *> values;
        bindValues(params.value(i), &storage, &values);
        const QByteArray statement = statements.value(i);
        if (statement.isEmpty())
            PQsendQueryParams(m_conn, sql[i].constData(), int(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0);
        else
            PQsendQueryPrepared(m_conn, statement.constData(), int(values.size()), values.data(),
                                nullptr, nullptr, 0);
        queuedBytes += statement.isEmpty() ? sql[i].size() : statement.size();
        if (queuedBytes >= kDrainBytes) {
            PQsendFlushRequest(m_conn);
            PQflush(m_conn);
            readUpTo(i + 1);
            queuedBytes = 0;
        } else if (options.flushAfter.value(i)) { // sent with the rest at the sync
            PQsendFlushRequest(m_conn);
        }
    }
    PQpipelineSync(m_conn);
    readUpTo(sql.size());
    while (PGresult *sync = PQgetResult(m_conn)) { // the PGRES_PIPELINE_SYNC marker
        const bool done = PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
        PQclear(sync);
        if (done)
            break;
    }
    PQexitPipelineMode(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return results;
}

QString PgConnection::scalar(const QByteArray &sql, const QVariantList &params)
{
    PgResult r = exec(sql, params);
    if (!r.ok() || r.rows() == 0 || r.columns() == 0 || r.isNull(0, 0))
        return QString();
    return r.value(0, 0);
}

QByteArray PgConnection::quoteIdentifier(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    char *q = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    QByteArray out(q ? q : "");
    PQfreemem(q);
    return out;
}

PgResult PgConnection::execPrepared(const QByteArray &statement, const QVariantList &params)
{
    if (!m_conn)
        return PgResult();
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    bindValues(params, &storage, &values);
    return PgResult(settleCopy(PQexecPrepared(m_conn, statement.constData(), int(values.size()),
                                              values.data(), nullptr, nullptr, 0)));
}

PgResult PgConnection::copyIn(const QByteArray &sql, const QByteArray &data)
{
    if (!m_conn)
        return PgResult();
    PGresult *started
        = PQexecParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0);
    if (PQresultStatus(started) != PGRES_COPY_IN)
        return PgResult(settleCopy(started));
    PQclear(started);
    // in pieces, so libpq never holds a second copy of a large block
    constexpr qsizetype kChunk = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kChunk)
        sent = PQputCopyData(m_conn, data.constData() + at, int(std::min(kChunk, data.size() - at)))
            == 1;
    PQputCopyEnd(m_conn, sent ? nullptr : "sending the COPY data failed");
    PgResult last(PQgetResult(m_conn));
    while (PGresult *more = PQgetResult(m_conn))
        PQclear(more);
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return last;
}

bool PgConnection::putCopyData(const QByteArray &data)
{
    return PQputCopyData(m_conn, data.constData(), int(data.size())) == 1;
}

PgResult PgConnection::endCopy(const QString &errorMessage)
{
    const QByteArray err = errorMessage.toUtf8();
    PQputCopyEnd(m_conn, errorMessage.isEmpty() ? nullptr : err.constData());
    return PgResult(PQgetResult(m_conn));
}

bool PgConnection::getCopyData(QByteArray *row)
{
    char *buffer = nullptr;
    const int n = PQgetCopyData(m_conn, &buffer, 0);
    if (n < 0)
        return false;
    *row = QByteArray(buffer, n);
    PQfreemem(buffer);
    return true;
}

PgResult PgConnection::finishCopyOut()
{
    PgResult last(PQgetResult(m_conn));
    while (PGresult *more = PQgetResult(m_conn))
        PQclear(more);
    return last;
}

bool PgConnection::cancel(QString *error)
{
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel) {
        if (error)
            *error = tr("not connected");
        return false;
    }
    char buffer[256] = {};
    const bool ok = PQcancel(m_cancel, buffer, sizeof buffer) == 1;
    if (!ok && error)
        *error = QString::fromUtf8(buffer);
    return ok;
}

QStringList PgConnection::takeNotices()
{
    m_droppedNotices = 0;
    return std::exchange(m_notices, {});
}

void PgConnection::noticeReceiver(void *arg, const PGresult *result)
{
    auto *self = static_cast<PgConnection *>(arg);
    if (self->m_notices.size() >= kMaxNotices) {
        self->m_notices.removeFirst();
        ++self->m_droppedNotices;
    }
    self->m_notices << QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
}

QString PgConnection::lastLibpqMessage() const
{
    return m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : QString();
}

PgConnection::TransactionState PgConnection::transactionState() const
{
    switch (m_conn ? PQtransactionStatus(m_conn) : PQTRANS_UNKNOWN) {
    case PQTRANS_IDLE:
        return TransactionState::Idle;
    case PQTRANS_ACTIVE:
        return TransactionState::Active;
    case PQTRANS_INTRANS:
        return TransactionState::InTransaction;
    case PQTRANS_INERROR:
        return TransactionState::InError;
    case PQTRANS_UNKNOWN:
        break;
    }
    return TransactionState::Unknown;
}

bool PgConnection::inTransaction() const
{
    const TransactionState s = transactionState();
    return s == TransactionState::InTransaction || s == TransactionState::InError
        || s == TransactionState::Active;
}

int PgConnection::libraryVersion()
{
    return PQlibVersion();
}

int PgConnection::serverVersion() const
{
    return m_conn ? PQserverVersion(m_conn) : 0;
}

int PgConnection::backendPid() const
{
    return m_conn ? PQbackendPID(m_conn) : 0;
}

QString PgConnection::parameter(const char *name) const
{
    const char *v = m_conn ? PQparameterStatus(m_conn, name) : nullptr;
    return v ? QString::fromUtf8(v) : QString();
}

QString PgConnection::database() const
{
    return m_conn ? QString::fromUtf8(PQdb(m_conn)) : QString();
}

QString PgConnection::user() const
{
    return m_conn ? QString::fromUtf8(PQuser(m_conn)) : QString();
}

QString PgConnection::host() const
{
    return m_conn ? QString::fromUtf8(PQhost(m_conn)) : QString();
}

QString PgConnection::conninfo() const
{
    QStringList parts;
    PQconninfoOption *options = m_conn ? PQconninfo(m_conn) : nullptr;
    for (PQconninfoOption *o = options; o && o->keyword; ++o) {
        if (!o->val || !*o->val)
            continue;
        QString value = QString::fromUtf8(o->val);
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        parts << QStringLiteral("%1='%2'").arg(QString::fromUtf8(o->keyword), value);
    }
    if (options)
        PQconninfoFree(options);
    return parts.join(u' ');
}

bool PgConnection::sslInUse() const
{
    return m_conn && PQsslInUse(m_conn) != 0;
}

QString PgConnection::port() const
{
    return m_conn ? QString::fromUtf8(PQport(m_conn)) : QString();
}

} // namespace uaip
