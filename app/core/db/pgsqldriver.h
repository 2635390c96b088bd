#pragma once

#include <QCoreApplication>
#include <QSqlDriver>

namespace uaip {

class PgConnection;

// The Qt SQL driver of a Session: QSqlDatabase over the project's own PgConnection
// (QSqlDatabase::addDatabase(driver, name)), in place of Qt's QPSQL plugin, whose open() sends
// session settings (SET bytea_output TO escape, DateStyle, client_encoding) that a transaction
// pooler hands on to the pool's other clients, and whose driver class Qt 6.4 does not export (no
// QPSQLDriver(PGconn *) to build over a connection of ours). The connection is open when the
// driver is made and stays its Session's: open() only says whether it is, close() lets go of it.
//
// Features (hasFeature): query size, BLOB, Unicode, prepared queries with positional
// placeholders (values always bound as parameters, PgSqlResult; named ones are Qt's, turned into
// positional), finishing a query, cancelling it (from any thread). Not: transactions (the core
// runs them on the PgConnection through its transaction type), named placeholders of its own,
// last insert id (RETURNING), batches, notifications, several result sets, low-precision
// numbers (numeric is never rounded).
class PgSqlDriver : public QSqlDriver
{
    Q_OBJECT

public:
    explicit PgSqlDriver(PgConnection *connection, QObject *parent = nullptr);
    ~PgSqlDriver() override;

    // The connection while open, else nullptr.
    PgConnection *connection() const { return isOpen() ? m_connection : nullptr; }

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &database, const QString &user, const QString &password,
              const QString &host, int port, const QString &options) override;
    void close() override;
    QSqlResult *createResult() const override;
    // The PGconn* (as QPSQL's handle() gives it); invalid once closed.
    QVariant handle() const override;
    bool cancelQuery() override;
    // quote_ident's rule: in double quotes, a double quote doubled; a name already in double
    // quotes ("s"."t" included) unchanged.
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    // A value as an SQL literal, for statements Qt writes without placeholders (never used for
    // a value bound to a query: those are parameters). Text through libpq's quoting, which
    // knows the connection's standard_conforming_strings.
    QString formatValue(const QSqlField &field, bool trimStrings = false) const override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;

private:
    PgConnection *m_connection;
};

} // namespace uaip
