#pragma once

#include <QString>

namespace uaip {

// The server's SQLSTATE in a libpq error message of the verbose layout: "<severity>:  28P01: ..."
// (the severity may be translated, the code never is). libpq keeps every sub-attempt's error
// (sslmode prefer, gssencmode): the last code decides. Only the code field is read, never the
// words; empty when the message holds no code (a client-side failure).
QString libpqSqlState(const QString &message);

} // namespace uaip
