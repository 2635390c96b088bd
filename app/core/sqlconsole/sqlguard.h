#pragma once

#include "sqlparse/sqlstatement.h"
#include "sqlrunerror.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

// The SQL console's guards, one rule for the SQL view, Explain, CSV export and `uaip-migrate
// sql`/`explain`:
// - read-only: only statements that read (StatementVerdict) run, each inside a READ ONLY
//   transaction the console opens and rolls back; transaction commands are not run;
// - production: a statement that does not only read, or a transaction command, needs the
//   database name typed.
class SqlGuard
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlGuard)

public:
    bool production = false;
    bool readOnly = false;
    QString database; // the name a production write needs typed

    bool active() const { return production || readOnly; }
    // Whether confirmed (the name typed) lets writing statements run on production.
    bool confirmed(const QString &typed) const { return !production || typed == database; }
    // The refusal of statement (nullopt: it may run): Refused on a read-only profile,
    // NeedsConfirmation on production, with the statement's place; the server's error instead
    // where it refused the statement's query while it was judged (StatementVerdict::failure).
    std::optional<SqlRunError> stop(const SqlStatement &statement, const StatementVerdict &verdict,
                                    const QString &confirmedDatabase) const;
    // Production, a reading statement the server refused in its READ ONLY transaction (SQLSTATE
    // 25006: it writes through something the verdict cannot see, such as a view): asks for the
    // name.
    SqlRunError needsConfirmationAfter(const SqlStatement &statement, const Error &refusal) const;
};

} // namespace uaip
