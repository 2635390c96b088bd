#pragma once

#include "error/status.h"
#include "jobs/job.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace uaip {

class PgConnection;
class Transaction;
class SqlGuard;
class SqlRunner;
struct StatementClass;

// Exports every row of a SELECT to a CSV file (with a header line) by running it again as
// COPY (statement) TO STDOUT (FORMAT csv, HEADER), streamed to the file row by row: flat memory
// at any size, progress as it goes, Cancel at any time (the file is then removed). Only for
// one statement that StatementClass calls cursorable (plain reads); it goes out alone over the
// extended protocol with standard_conforming_strings on, so no text can close the COPY's
// parenthesis and add a statement. On a guarded profile (the session's) the statement must
// read (StatementSafety) and runs in a READ ONLY transaction that is rolled back, on the
// console's reading session (ReadingLogins), as the SQL console's statements do.
class SqlCsvExportJob : public Job
{
    Q_OBJECT
public:
    // runner: the console's (its reading session: ReadingLogins).
    SqlCsvExportJob(const QByteArray &statement, const QString &path,
                    std::shared_ptr<SqlRunner> runner);
    qint64 rows() const { return m_rows; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    // BadInput unless the text holds exactly one statement.
    Status isOneStatement() const;
    // On a guarded profile: Refused unless the statement reads; then the READ ONLY transaction
    // it runs in, rolled back when scope ends.
    Status openReadScope(PgConnection &pg, PgConnection &console, const StatementClass &cls,
                         const SqlGuard &guard, std::optional<Transaction> &scope);
    // Runs the COPY and streams its rows to the file (removed unless all went well).
    Result<QString> exportRows(JobContext &context, PgConnection &pg);
    Error cannotWrite(const QString &why) const; // Io, with the path

    QByteArray m_statement;
    QString m_path;
    qint64 m_rows = 0;
    std::shared_ptr<SqlRunner> m_runner;
};

} // namespace uaip
