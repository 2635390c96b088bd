#include "pgconnection.h"

#include "conninfo.h"
#include "ownbackends.h"
#include "pgconnector.h"
#include "pgnotices.h"
#include "pgpipeline.h"
#include "pgsocketwait.h"
#include "serversupport.h"
#include "sessioncanceller.h"

#include <libpq-fe.h>

#include <algorithm>
#include <utility>

#include <vector>

namespace uaip {

namespace {

// Which of two results of one command stands for it: the later one, except that the server's
// error (with its SQLSTATE: 57P01 for a terminated backend, a FATAL before it closes the
// connection) is kept over the error libpq makes when it then finds the connection closed
// (no SQLSTATE, "server closed the connection unexpectedly"). The other is cleared.
PGresult *standingResult(PGresult *last, PGresult *more)
{
    const auto failed = [](const PGresult *r) { return PQresultStatus(r) == PGRES_FATAL_ERROR; };
    if (last && failed(last) && failed(more) && PQresultErrorField(last, PG_DIAG_SQLSTATE)
        && !PQresultErrorField(more, PG_DIAG_SQLSTATE)) {
        PQclear(more);
        return last;
    }
    PQclear(last);
    return more;
}

} // namespace

PgConnection::PgConnection()
    : m_canceller(std::make_shared<SessionCanceller>())
{ }

PgConnection::~PgConnection()
{
    close();
}

void PgConnection::setCancelGraceMs(int ms)
{
    m_canceller->setGraceMs(ms);
}

void PgConnection::setStatementDeadline(const QDeadlineTimer &deadline)
{
    m_canceller->setDeadline(deadline);
}

bool PgConnection::statementDeadlinePassed() const
{
    return m_canceller->deadlinePassed();
}

quint64 PgConnection::answers() const
{
    return m_canceller->answers();
}

void PgConnection::setWaitTick(int everyMs, std::function<void()> tick)
{
    m_canceller->setWaitTick(everyMs, std::move(tick));
}

bool PgConnection::open(const QString &conninfo, const QString &applicationName)
{
    return open(conninfo, OpenOptions{applicationName, false, true});
}

bool PgConnection::open(const QString &conninfo, const OpenOptions &options)
{
    close();
    m_conninfo = conninfo;
    // From here a cancel() ends the attempt; one that comes after the connector's last wait is
    // seen by endConnect().
    m_canceller->beginConnect();
    PgConnector::Opened opened = PgConnector::connect(conninfo, options, *m_canceller);
    m_conn = opened.conn;
    m_failure = std::move(opened.failure);
    if (m_conn) {
        PQsetNoticeReceiver(m_conn, &PgNotices::receive, &m_notices);
        m_own = options.ownSession;
        if (m_own)
            OwnBackends::add(PQbackendPID(m_conn));
        PQsetnonblocking(m_conn, 1);
        m_canceller->attach(m_conn);
    }
    if (m_canceller->endConnect() && m_conn) {
        close();
        m_failure = {};
        m_failure.cause = ConnectFailure::Cause::Cancelled;
        m_failure.message = PgConnector::tr("the connection attempt was cancelled");
    }
    if (m_conn && ServerSupport::of(PQserverVersion(m_conn)) == ServerSupport::Level::TooOld) {
        const int version = PQserverVersion(m_conn);
        close();
        m_failure = {};
        m_failure.cause = ConnectFailure::Cause::UnsupportedServer;
        m_failure.message = ServerSupport::refusal(version);
    }
    if (!m_conn) {
        m_connectionError = m_failure.message;
        return false;
    }
    m_connectionError.clear();
    return true;
}

void PgConnection::close()
{
    m_canceller->detach();
    if (m_conn) {
        if (m_own)
            OwnBackends::remove(PQbackendPID(m_conn));
        PQfinish(m_conn);
    }
    m_conn = nullptr;
    m_own = false;
    m_keptReadOnly = false;
    m_roundTrips = 0;
}

bool PgConnection::isOpen() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

PGresult *PgConnection::settleCopy(PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COPY_IN && status != PGRES_COPY_OUT)
        return result;
    PQclear(result);
    PgSocketWait wait(m_conn, *m_canceller);
    if (status == PGRES_COPY_IN) {
        wait.putCopyEnd("COPY FROM STDIN without data: the statement has no rows to send");
    } else {
        char *buffer = nullptr;
        while (wait.copyData(&buffer) > 0)
            PQfreemem(buffer);
    }
    return lastResult(wait, wait.nextResult());
}

PGresult *PgConnection::lastResult(PgSocketWait &wait, PGresult *first)
{
    PGresult *last = first;
    while (PGresult *more = wait.nextResult()) {
        const ExecStatusType status = PQresultStatus(more);
        last = standingResult(last, more);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH)
            break; // libpq would hand this back for ever
    }
    return last;
}

void PgConnection::startCommand()
{
    PgSocketWait wait(m_conn, *m_canceller);
    while (PGresult *left = wait.nextResult()) // what an earlier command left unread
        PQclear(settleCopy(left));
    ++m_roundTrips;
    m_canceller->commandStarted();
}

PGresult *PgConnection::awaitResult(bool sent)
{
    if (!sent)
        return nullptr; // as PQexec: libpq's message says why (lastLibpqMessage)
    PgSocketWait wait(m_conn, *m_canceller);
    PGresult *last = nullptr;
    while (PGresult *result = wait.nextResult()) {
        const ExecStatusType status = PQresultStatus(result);
        last = standingResult(last, result);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
            || PQstatus(m_conn) == CONNECTION_BAD)
            break;
    }
    return last;
}

void PgConnection::settle()
{
    m_canceller->commandSettled(PQtransactionStatus(m_conn) == PQTRANS_ACTIVE);
}

PgResult PgConnection::finish(PGresult *result)
{
    settle();
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_connectionError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return PgResult(result);
}

PgResult PgConnection::exec(const QByteArray &sql)
{
    if (!m_conn)
        return PgResult();
    startCommand();
    return finish(awaitResult(
        PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1));
}

PgResult PgConnection::execScript(const QByteArray &script)
{
    if (!m_conn)
        return PgResult();
    startCommand();
    return finish(awaitResult(PQsendQuery(m_conn, script.constData()) == 1));
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
    startCommand();
    return finish(settleCopy(awaitResult(
        PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)
        == 1)));
}

bool PgConnection::send(const QByteArray &sql)
{
    if (!m_conn)
        return false;
    startCommand();
    PgSocketWait wait(m_conn, *m_canceller);
    const bool sent
        = PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1
        && wait.flush();
    settle();
    return sent;
}

bool PgConnection::isBusy()
{
    return m_conn && PQconsumeInput(m_conn) == 1 && PQisBusy(m_conn) == 1;
}

void PgConnection::discardResults()
{
    if (!m_conn)
        return;
    PgSocketWait wait(m_conn, *m_canceller);
    while (PGresult *r = wait.nextResult())
        PQclear(settleCopy(r));
    settle();
}

PgResult PgConnection::exec(const QByteArray &sql, const QVariantList &params)
{
    if (!m_conn)
        return PgResult();
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    bindValues(params, &storage, &values);
    startCommand();
    return finish(awaitResult(PQsendQueryParams(m_conn, sql.constData(), int(values.size()),
                                                nullptr, values.data(), nullptr, nullptr, 0)
                              == 1));
}

PgResult PgConnection::prepare(const QByteArray &name, const QByteArray &sql)
{
    if (!m_conn)
        return PgResult();
    startCommand();
    return finish(
        awaitResult(PQsendPrepare(m_conn, name.constData(), sql.constData(), 0, nullptr) == 1));
}

PgResult PgConnection::describe(const QByteArray &sql)
{
    PgResult prepared = prepare(QByteArray(), sql);
    if (!prepared.ok())
        return prepared;
    startCommand();
    return finish(awaitResult(PQsendDescribePrepared(m_conn, "") == 1));
}

std::vector<PgResult> PgConnection::pipeline(const QList<QByteArray> &sql,
                                             const QList<QVariantList> &params,
                                             const PipelineOptions &options)
{
    return PgPipeline::run(*this, sql, params, options);
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
    startCommand();
    return finish(settleCopy(
        awaitResult(PQsendQueryPrepared(m_conn, statement.constData(), int(values.size()),
                                        values.data(), nullptr, nullptr, 0)
                    == 1)));
}

void PgConnection::cancel()
{
    m_canceller->cancel();
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
    return ConnInfo::of(*this).text();
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
