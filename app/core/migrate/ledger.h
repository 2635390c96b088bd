#pragma once

#include "ledgerentry.h"
#include "ledgerevent.h"

#include <QList>
#include <QString>
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
