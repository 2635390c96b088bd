#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// Whether the ledger's schema (uaip_ledger) is the console's to write in and to read its history
// from: the schema, its relations and functions and its tables' trigger functions owned by a
// superuser, the connected role or a role that has its privileges already
// (ledger/sql/ledger_trust.sql). A schema another role made first would run that role's
// triggers as the console and let it forge the history (migrations, workload snapshots). Nor
// may another role (or PUBLIC) hold more than reading on it: a TRIGGER, INSERT, UPDATE, DELETE,
// TRUNCATE or REFERENCES right on its tables, CREATE on its schema, UPDATE on its sequence. The
// console's own ledger never has one (ledger_private.sql takes what default privileges gave
// back as it is made); a ledger given one later is refused, with the REVOKE that takes it back.
// Nor may another role's code be left on it that runs when the console writes, reads or
// analyzes it (its triggers', rules', policies', defaults', constraints', indexes' and extended
// statistics' functions; its columns' types and their domains' CHECKs; the sequences and tables
// they use; the tables it inherits from or is a partition of), nor a foreign key of its own
// whose ON UPDATE/DELETE action lets the writers of another table change its rows.
class LedgerTrust
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LedgerTrust)

public:
    // Why the ledger must not be used, naming the object and its owner; empty when it may (or
    // when it is not there yet).
    static Result<QString> refusal(PgConnection &connection);
    // What PUBLIC or a role other than the owner holds beyond reading on the schema uaip_ledger
    // and its relations taken back (ledger_private.sql): right after the console made some (the
    // ledger, the workload history, the online baselines), whose owner's default privileges may
    // have given an application role all of them.
    static Status keepPrivate(PgConnection &connection);
};

} // namespace uaip
