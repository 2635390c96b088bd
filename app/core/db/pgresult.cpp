#include "pgresult.h"

#include <libpq-fe.h>

#include <utility>

namespace uaip {

PgResult::PgResult(PGresult *result)
    : m_result(result)
{ }

PgResult PgResult::pipelineAborted()
{
    return PgResult(PQmakeEmptyPGresult(nullptr, PGRES_PIPELINE_ABORTED));
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{ }

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

PgResult::~PgResult()
{
    if (m_result)
        PQclear(m_result);
}

bool PgResult::ok() const
{
    const auto s = status();
    return s == Status::CommandOk || s == Status::TuplesOk || s == Status::CopyIn
        || s == Status::CopyOut || s == Status::EmptyQuery || s == Status::SingleTuple;
}

PgResult::Status PgResult::status() const
{
    switch (m_result ? PQresultStatus(m_result) : PGRES_FATAL_ERROR) {
    case PGRES_EMPTY_QUERY:
        return Status::EmptyQuery;
    case PGRES_COMMAND_OK:
        return Status::CommandOk;
    case PGRES_TUPLES_OK:
        return Status::TuplesOk;
    case PGRES_COPY_OUT:
        return Status::CopyOut;
    case PGRES_COPY_IN:
        return Status::CopyIn;
    case PGRES_BAD_RESPONSE:
        return Status::BadResponse;
    case PGRES_NONFATAL_ERROR:
        return Status::NonfatalError;
    case PGRES_FATAL_ERROR:
        return Status::FatalError;
    case PGRES_COPY_BOTH:
        return Status::CopyBoth;
    case PGRES_SINGLE_TUPLE:
        return Status::SingleTuple;
    case PGRES_PIPELINE_SYNC:
        return Status::PipelineSync;
    case PGRES_PIPELINE_ABORTED:
        return Status::PipelineAborted;
    }
    return Status::FatalError; // a status this libpq adds later: not a success
}

static QString field(const PGresult *r, int code)
{
    const char *v = PQresultErrorField(r, code);
    return v ? QString::fromUtf8(v) : QString();
}

PgError PgResult::error() const
{
    PgError e;
    if (!m_result) {
        e.connectionLost = true;
        e.message = tr("no result from server (connection lost?)");
        return e;
    }
    if (ok())
        return e;
    if (status() == Status::PipelineAborted) { // no message of its own: said here (N10)
        e.notRun = true;
        e.message = tr("not run: an earlier command of its pipeline failed, or a cancel stopped "
                       "the pipeline before it");
        return e;
    }
    e.sqlState = field(m_result, PG_DIAG_SQLSTATE);
    // Errors libpq makes itself (no SQLSTATE from a server) are about the connection: the
    // server closed it, the socket failed, or it was cut after an unanswered cancel.
    e.connectionLost = e.sqlState.isEmpty() && status() == Status::FatalError;
    e.severity = field(m_result, PG_DIAG_SEVERITY);
    e.message = field(m_result, PG_DIAG_MESSAGE_PRIMARY);
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(PQresultErrorMessage(m_result)).trimmed();
    e.detail = field(m_result, PG_DIAG_MESSAGE_DETAIL);
    e.hint = field(m_result, PG_DIAG_MESSAGE_HINT);
    e.context = field(m_result, PG_DIAG_CONTEXT);
    e.schema = field(m_result, PG_DIAG_SCHEMA_NAME);
    e.table = field(m_result, PG_DIAG_TABLE_NAME);
    e.column = field(m_result, PG_DIAG_COLUMN_NAME);
    e.constraint = field(m_result, PG_DIAG_CONSTRAINT_NAME);
    e.statementPosition = field(m_result, PG_DIAG_STATEMENT_POSITION).toInt();
    return e;
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

int PgResult::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}

int PgResult::columnIndex(const char *name) const
{
    return m_result ? PQfnumber(m_result, name) : -1;
}

QString PgResult::columnName(int column) const
{
    return QString::fromUtf8(PQfname(m_result, column));
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QString PgResult::value(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QString PgResult::value(int row, const char *column) const
{
    const int c = columnIndex(column);
    return c < 0 ? QString() : value(row, c);
}

QByteArray PgResult::rawValue(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

std::string_view PgResult::view(int row, int column) const
{
    return {PQgetvalue(m_result, row, column), size_t(PQgetlength(m_result, row, column))};
}

QByteArray PgResult::commandTag() const
{
    return m_result ? QByteArray(PQcmdStatus(m_result)) : QByteArray();
}

quint32 PgResult::columnType(int column) const
{
    return PQftype(m_result, column);
}

quint32 PgResult::columnTable(int column) const
{
    return PQftable(m_result, column);
}

qint64 PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result)).toLongLong() : 0;
}

} // namespace uaip
