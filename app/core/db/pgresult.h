#pragma once

#include "pgerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <libpq-fe.h>

namespace uaip {

// Owns one PGresult. Move-only. Values are read as text (libpq's text format).
class PgResult
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgResult)

public:
    PgResult() = default;
    explicit PgResult(PGresult *result);
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    ~PgResult();

    bool ok() const;
    ExecStatusType status() const;
    PgError error() const;

    int rows() const;
    int columns() const;
    int columnIndex(const char *name) const;
    QString columnName(int column) const;
    bool isNull(int row, int column) const;
    QString value(int row, int column) const;
    QString value(int row, const char *column) const;
    QByteArray rawValue(int row, int column) const;
    qint64 affectedRows() const;

    PGresult *handle() const { return m_result; }

private:
    PGresult *m_result = nullptr;
};

} // namespace uaip
