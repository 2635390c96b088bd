#pragma once

#include "error/pgerror.h"

#include <utility>
#include <variant>

namespace uaip {

// The error value at the core boundary: either a value or the PgError that says what went wrong
// and where (SQLSTATE, message, detail, hint, position, constraint, table.column). Connection
// failures carry a connection-class SQLSTATE (08xxx) or 28P01/28000 for authentication.
template<typename T>
class DbResult
{
public:
    DbResult(T value)
        : m_data(std::move(value))
    { }
    DbResult(PgError error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    T take() { return std::move(std::get<T>(m_data)); }
    const PgError &error() const { return std::get<PgError>(m_data); }

private:
    std::variant<T, PgError> m_data;
};

// A result without a value: success, or the error.
class DbStatus
{
public:
    DbStatus() = default;
    DbStatus(PgError error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.isSet(); }
    explicit operator bool() const { return ok(); }
    const PgError &error() const { return m_error; }

private:
    PgError m_error;
};

} // namespace uaip
