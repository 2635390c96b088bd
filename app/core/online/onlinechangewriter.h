#pragma once

#include "onlinechange.h"
#include "onlinechangescripts.h"

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

class PgConnection;

// Writes the expand and contract migrations of one OnlineChange (issue 59, point 1), reading
// what it needs of the table from a database where the project's migrations are applied
// (OnlineCatalog). Each statement names every object schema-qualified and quoted
// (ParseTreeNames::quoteIdentifier); the helper objects (a column, a trigger and its function, a
// CHECK, indexes under temporary names) are named "uaip_online_" + a hash of the change. The
// expand never holds a lock that blocks reads or writes while it scans: only a moment of ACCESS
// EXCLUSIVE for ADD COLUMN and CREATE TRIGGER; backfills in committed batches
// (-- uaip:batch), CHECKs added NOT VALID and then validated, indexes built CONCURRENTLY.
// What it cannot do safely is refused (Refused, naming the object), never written half.
class OnlineChangeWriter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineChangeWriter)

public:
    // expandVersion: the expand's version as its folder writes it (the contract's
    // -- uaip:contract-of).
    static Result<OnlineChangeScripts> write(PgConnection &catalog, const OnlineChange &change,
                                             const QString &expandVersion);

private:
    static Result<OnlineChangeScripts>
    renameTable(PgConnection &catalog, const OnlineChange &change, const QString &expandVersion);
    static Result<OnlineChangeScripts> setNotNull(PgConnection &catalog, const OnlineChange &change,
                                                  const QString &expandVersion);
    static Result<OnlineChangeScripts>
    splitColumn(PgConnection &catalog, const OnlineChange &change, const QString &expandVersion);
    static Result<OnlineChangeScripts> copyColumn(PgConnection &catalog, const OnlineChange &change,
                                                  const QString &expandVersion);
    // A type change PostgreSQL makes without rewriting the table (TypeChangeRewrites on the
    // catalog): one plain migration; nullopt when it rewrites.
    static Result<std::optional<OnlineChangeScripts>>
    catalogOnlyTypeChange(PgConnection &catalog, const OnlineChange &change,
                          const QString &qualifiedTable, const QString &oldType);
};

} // namespace uaip
