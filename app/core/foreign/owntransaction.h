#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// How a migration file of a tool that runs files as they are (golang-migrate, Flyway, Prisma)
// stands to transactions, read from PostgreSQL's parse tree (libpg_query):
// - unwrap(): a file with its own BEGIN; ... COMMIT; pairs (golang-migrate and Prisma send a file
//   as one query, so a file that wants a transaction says so; Prisma's own template for changing
//   an enum does; node-pg-migrate and Flyway run such a file inside their transaction) gets them
//   removed (their text blanked, line breaks kept, so every line keeps its number): our runner
//   gives each migration one transaction of its own. Statements before the first BEGIN were in
//   that transaction already; what came after a COMMIT now joins it, and the note says so. A
//   BEGIN with options, one without its COMMIT, a BEGIN inside a pair, a COMMIT outside one,
//   ROLLBACK or SAVEPOINT cannot be unwrapped: convert by hand.
// - outsideTransaction(): what in the file only runs outside a transaction (CREATE INDEX
//   CONCURRENTLY, VACUUM, CREATE DATABASE, ALTER TYPE ... ADD VALUE and then its use, ...;
//   ScriptStatementRules): the tool ran such a file outside one, so the import marks it
//   -- uaip:no-transaction.
class OwnTransaction
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OwnTransaction)

public:
    enum class Unwrap { None, Unwrapped };
    // *sql changed when Unwrapped, with *note (for the header, in English: file content); an
    // error (Refused, arg "line") when it is one to convert by hand. Lines are the file's: sql
    // starts on its line firstLine.
    static Result<Unwrap> unwrap(QString *sql, int firstLine, QString *note);
    // Empty when everything can run in a transaction; else a note (for the header, in
    // English) naming each statement that cannot, with its line.
    static QString outsideTransaction(const QString &sql);
};

} // namespace uaip
