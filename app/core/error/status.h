#pragma once

#include "error.h"

namespace uaip {

// Done, or the Error that says why not: what a function without a value returns.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.isSet(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

} // namespace uaip
