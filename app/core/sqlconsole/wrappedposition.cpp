#include "wrappedposition.h"

#include <QString>

namespace uaip {

Error WrappedPosition::unwrapped(const Error &error, int prefixChars, int lengthChars)
{
    if (!error.server())
        return error;
    PgError server = *error.server();
    const int moved = server.statementPosition - prefixChars;
    const bool inside
        = server.statementPosition > 0 && moved > 0 && (lengthChars < 0 || moved <= lengthChars);
    server.statementPosition = inside ? moved : 0;
    // An Error carries the server's error only as made from it: made again, with the same code
    // (it follows from the SQLSTATE), text and args.
    Error out = Error(server).in(error.text());
    for (auto it = error.args().cbegin(); it != error.args().cend(); ++it)
        out = out.with(it.key(), it.value());
    return out;
}

int WrappedPosition::chars(const QByteArray &utf8)
{
    return int(QString::fromUtf8(utf8).toUcs4().size());
}

} // namespace uaip
