#pragma once

#include "protobufarena.h"

#include <QByteArray>

#include <pg_query/pg_query.pb-c.h>

#include <cstddef>

namespace uaip {

// libpg_query's tokens of a text (pg_query_scan, unpacked into PgQuery__ScanToken structs),
// owned: freed with the object (the tokens live in one arena). The scanner is iterative, so any
// text is safe to scan; one it cannot scan (an unterminated quote) has no tokens (!ok()).
class PgTokens
{
public:
    explicit PgTokens(const QByteArray &text);
    ~PgTokens() = default;
    PgTokens(const PgTokens &) = delete;
    PgTokens &operator=(const PgTokens &) = delete;

    bool ok() const { return m_tokens != nullptr; }
    // The number of tokens (comments are tokens too); 0 when !ok().
    size_t size() const { return m_tokens ? m_tokens->n_tokens : 0; }
    const PgQuery__ScanToken &at(size_t i) const { return *m_tokens->tokens[i]; }

private:
    ProtobufArena m_arena;
    PgQuery__ScanResult *m_tokens = nullptr;
};

} // namespace uaip
