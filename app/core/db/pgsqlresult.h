#pragma once

#include "pgresult.h"

#include <QCoreApplication>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

namespace uaip {

class PgConnection;
class PgSqlDriver;

// A QSqlQuery's result on a PgSqlDriver: one statement through the driver's PgConnection (the
// extended protocol: never a second statement), its whole PGresult kept, so the connection is
// free again at once (libpq may use it while the query is alive) and rows are read forward or
// at random. Never a server-side prepared statement (session state a pooler would hand on):
// prepare() keeps the text, exec() sends it with the bound values as parameters (PQexecParams),
// never spliced into the text. Placeholders: ? (QSqlQuery's positional ones, and named ones Qt
// turns into them) become $1, $2, ... outside quotes, dollar quotes and comments; a statement
// that already names $n keeps every ? (a jsonb operator).
//
// Values are read and bound as PgSqlValue says (numeric as QString, bytea as QByteArray, dates
// and times as Qt's, ...); NULL is a null QVariant of the column's type.
class PgSqlResult : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgSqlResult)

public:
    explicit PgSqlResult(const PgSqlDriver *driver);
    ~PgSqlResult() override;
    // The PGresult* of the last statement (as QPSQL's handle() gives it).
    QVariant handle() const override;

    // ? placeholders as $n (see the class comment).
    static QString numbered(const QString &statement);

protected:
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool reset(const QString &statement) override;
    bool prepare(const QString &statement) override;
    bool exec() override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    PgConnection *connection() const;
    // Keeps the statement's result; false (lastError set) when it failed.
    bool take(PgResult result);
    void fail(const QString &message, const QString &sqlState = QString());

    QString m_statement; // prepared, with $n placeholders
    PgResult m_result;
    QSqlRecord m_record;
};

} // namespace uaip
