#pragma once

#include "ledgerentry.h"
#include "ledgerevent.h"

#include <QList>
#include <QString>
#include <QVariantList>
#include <optional>

namespace uaip {

class PgConnection;

// Reads and writes the migration ledger through an open connection. Writes happen in
// whatever transaction the caller has open, so a migration and its ledger row commit together.
class Ledger
{
public:
    static constexpr int kFormat = 1;

    explicit Ledger(PgConnection &connection, const QString &client);

    bool exists(QString *error);
    // Creates the ledger tables when missing; refuses a ledger written by a newer format.
    bool ensure(QString *error);
    std::optional<QList<LedgerEntry>> entries(QString *error);
    bool record(const LedgerEntry &entry, QString *error);
    // The ledger row and its event in one statement (the runner's hot path).
    bool recordApplied(const LedgerEntry &entry, QString *error);
    bool recordRolledBack(const LedgerEntry &entry, QString *error);
    // The same statements with their parameters, for a pipeline; the duration is measured by
    // the server from the start of the transaction.
    static QByteArray recordAppliedSql();
    static QByteArray recordRolledBackSql();
    QVariantList recordAppliedParams(const LedgerEntry &entry) const;
    QVariantList recordRolledBackParams(const LedgerEntry &entry) const;
    bool remove(const QString &version, QString *error);
    bool updateChecksums(const QString &version, const QString &checksum,
                         const QString &downChecksum, QString *error);
    bool addEvent(const LedgerEvent &event, QString *error);
    std::optional<QList<LedgerEvent>> events(const QString &version, int limit, QString *error);

    QString client() const { return m_client; }

private:
    PgConnection &m_connection;
    QString m_client;
};

} // namespace uaip
