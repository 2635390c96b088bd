#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "error/result.h"

#include <optional>

namespace uaip {

struct SqlStatement;

// Instructions to the runner, written as comments at the top of a migration file:
//
//     -- uaip:no-transaction        run the statements one by one, outside a transaction
//                                   (CREATE INDEX CONCURRENTLY and friends)
//     -- uaip:lock-timeout=5s       this migration's lock budget instead of --lock-timeout
//                                   (ms, s, min, h; a plain number is milliseconds; 0 = do
//                                   not wait, as with --lock-timeout 0: one attempt of 1 ms)
//     -- uaip:statement-timeout=30s  no statement of this migration runs longer (SET LOCAL
//                                   statement_timeout; instead of --statement-timeout)
//     -- uaip:allow-blocking REASON run it although a statement blocks writes (or reads) while
//                                   it scans or rewrites a table over --max-blocking-rows
//                                   (BlockingWorkGate); the reason goes into the ledger event
//     -- uaip:batch rows=10000 pause=20ms
//                                   (with uaip:no-transaction) each UPDATE, DELETE and
//                                   INSERT ... SELECT runs in committed batches of that many
//                                   keys of its table's primary key, pausing between them
//                                   (BackfillRunner); both settings are optional
//     -- uaip:allow RULE REASON     directly above a statement (only comment lines between):
//                                   lint's finding RULE (its kind, e.g. prefer-text-field) of
//                                   that statement is suppressed on purpose; the reason is
//                                   required and goes into the ledger event like allow-blocking
//     -- uaip:expand                the expand half of an online change (expand/contract): it
//                                   adds the new shape beside the old; the runner keeps the
//                                   workload's counters when it is applied (OnlineBaselines)
//     -- uaip:contract-of VERSION   the contract half: it removes the old shape the expand
//                                   VERSION (a migration of the same folder, older) left; refused
//                                   while the workload still uses it (ContractGate)
//
// Only the leading lines count (uaip:allow excepted): "--" comment lines, /* */ blocks and blank
// lines before the first statement. "uaip:" and directive names are matched case-insensitively.
struct MigrationDirectives
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationDirectives)

public:
    bool noTransaction = false;
    std::optional<int> lockTimeoutMs;
    std::optional<int> statementTimeoutMs; // uaip:statement-timeout: this migration's
    std::optional<QString> allowBlocking; // the reason given
    struct Batch
    {
        int rows = 10000; // keys per batch
        int pauseMs = 0; // between two batches
        friend bool operator==(const Batch &, const Batch &) = default;
    };
    std::optional<Batch> batch;
    // -- uaip:allow RULE REASON, in file order.
    struct Allowance
    {
        QString rule; // as written, e.g. prefer-text-field
        QString reason;
        int line = 0; // of the comment
        int statementOffset = 0; // byte offset of the statement it stands above
        friend bool operator==(const Allowance &, const Allowance &) = default;
    };
    QList<Allowance> allowances;
    bool expand = false; // -- uaip:expand
    std::optional<QString> contractOf; // -- uaip:contract-of VERSION: the version as written
    int contractOfLine = 0; // the line of uaip:contract-of (the plan check's file:line)

    // BadInput ("line N: ...", with the arg "line") for an unknown uaip: directive, a
    // malformed or repeated one, or a "-- uaip:" comment line after the first statement (where
    // it would otherwise be silently ignored).
    static Result<MigrationDirectives> parse(const QByteArray &sql);
    // The same with the file's statements already split (SqlSplitter): a "-- uaip:" line
    // inside a statement (a dollar-quoted function body) is not a directive, and the header
    // may hold /* */ blocks as well as "--" lines.
    static Result<MigrationDirectives> parse(const QByteArray &sql,
                                             const QList<SqlStatement> &statements);

    friend bool operator==(const MigrationDirectives &, const MigrationDirectives &) = default;
};

} // namespace uaip
