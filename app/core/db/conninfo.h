#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace uaip {

class PgConnection;

// A libpq connection string (keyword/value or a postgresql:// URI) as libpq itself reads it:
// the one parser of conninfo in the code (PQconninfoParse), and what an open connection was
// opened with (PQconninfo). Only keywords with a value are kept, in libpq's order.
class ConnInfo
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConnInfo)

public:
    // An error when libpq cannot read it (BadInput, in libpq's words; Internal: out of memory).
    static Result<ConnInfo> parse(const QString &conninfo);
    // The options an open connection was opened with (empty when it is not open): libpq's
    // (PQconninfo), where to connect as open() was given it (a host list stays the list).
    static ConnInfo of(const PgConnection &connection);
    // A conninfo for another login role of connection's server and database: its options but
    // user and password, with user and an empty password (which keeps PGPASSWORD and a
    // service file's password, the console's, from this login: libpq takes its password from
    // its password file, or the server needs none).
    static QString asLogin(const PgConnection &connection, const QString &user);

    // (keyword, value) for each keyword that has a value (possibly empty).
    const QList<std::pair<QByteArray, QString>> &options() const { return m_options; }
    // The keyword's value; empty when not set.
    QString value(const char *keyword) const;
    bool has(const char *keyword) const;
    // As a conninfo string: keyword='value' for each non-empty value, quoted as libpq reads it.
    QString text() const;
    // A value as a conninfo string holds it: in single quotes, \ and ' escaped.
    static QString quoted(QString value);

private:
    QList<std::pair<QByteArray, QString>> m_options;
};

} // namespace uaip
