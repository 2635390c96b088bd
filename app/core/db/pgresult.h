#pragma once

#include "error/pgerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include "pgtypes.h"

#include <string_view>

namespace uaip {

// Owns one PGresult. Move-only. Values are read as text (libpq's text format).
class PgResult
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgResult)

public:
    PgResult() = default;
    explicit PgResult(PGresult *result);
    // A result that stands for a pipeline's command that did not run (PipelineAborted): libpq
    // gives one per command it skipped after a failure; this one stands for any other.
    static PgResult pipelineAborted();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    ~PgResult();

    // What the command returned (libpq's ExecStatusType, named for the code outside db/).
    enum class Status {
        EmptyQuery,
        CommandOk,
        TuplesOk,
        CopyOut,
        CopyIn,
        BadResponse,
        NonfatalError,
        FatalError,
        CopyBoth,
        SingleTuple,
        PipelineSync,
        PipelineAborted,
    };

    bool ok() const;
    Status status() const;
    // What failed (an empty PgError when ok): the server's fields; PgError::connectionLost, with
    // libpq's words and no SQLSTATE, for an error libpq made itself (the connection went) or no
    // result at all; PgError::notRun, with words but no
    // SQLSTATE, for a pipeline's command that did not run (PipelineAborted).
    PgError error() const;

    int rows() const;
    int columns() const;
    int columnIndex(const char *name) const;
    QString columnName(int column) const;
    bool isNull(int row, int column) const;
    QString value(int row, int column) const;
    QString value(int row, const char *column) const;
    QByteArray rawValue(int row, int column) const;
    // The value's bytes as libpq holds them, valid while this result lives and NUL-terminated
    // (libpq's storage; no copy: the metrics reader parses millions of numbers).
    std::string_view view(int row, int column) const;
    qint64 affectedRows() const;
    // The command tag ("COMMIT", "ROLLBACK", "INSERT 0 1"); empty without a result.
    QByteArray commandTag() const;
    // A column's type OID, and the OID of the table it was read from (0 when none).
    quint32 columnType(int column) const;
    quint32 columnTable(int column) const;

    PGresult *handle() const { return m_result; }

private:
    PGresult *m_result = nullptr;
};

} // namespace uaip
