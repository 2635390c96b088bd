#pragma once

#include "pgresult.h"

#include <QByteArray>
#include <QString>

namespace uaip {

class PgConnection;

// COPY's data on a PgConnection: rows sent with COPY ... FROM STDIN, read with COPY ... TO
// STDOUT. Every wait is the connection's (PgSocketWait): a cancel, the statement deadline and the
// grace period's cut reach a COPY while its rows go either way, and rows are sent at the server's
// pace.
class PgCopy
{
public:
    // A COPY ... FROM STDIN statement with its data (text format rows), in one call: the
    // statement's result (its error, or COPY n).
    static PgResult in(PgConnection &connection, const QByteArray &sql, const QByteArray &data);
    // COPY ... FROM STDIN streaming, after exec() of the statement returned CopyIn: put() a block
    // of rows at a time, end() with an error message to abort the COPY.
    static bool put(PgConnection &connection, const QByteArray &data);
    static PgResult end(PgConnection &connection, const QString &errorMessage = QString());
    // COPY ... TO STDOUT streaming, after exec() returned CopyOut: false at the end (then
    // finishOut() gives the COPY's result).
    static bool get(PgConnection &connection, QByteArray *row);
    static PgResult finishOut(PgConnection &connection);
};

} // namespace uaip
