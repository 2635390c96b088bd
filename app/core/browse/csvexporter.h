#pragma once

#include "browsequery.h"
#include "error/result.h"
#include "error/status.h"
#include "tableinfo.h"

#include <QObject>
#include <QPointer>

class QSaveFile;

namespace uaip {

class Job;
class JobContext;
class PgConnection;
class QueryBuilder;
class SessionWorker;

// Exports the rows of a table under the current filter and sort to a CSV file with
// COPY (SELECT ...) TO STDOUT WITH (FORMAT csv, HEADER), streamed row by row as a Job on the
// given worker (the view's work session): progress as it goes, cancel at any time (Job::cancel:
// the server-side query is cancelled and the partial file discarded — QSaveFile, so an existing
// file is untouched).
class CsvExporter : public QObject
{
    Q_OBJECT
public:
    explicit CsvExporter(QObject *parent = nullptr);
    ~CsvExporter() override;

    // expectedRows: for the progress (the estimate or exact count); -1 when unknown.
    // Returns the export job (for the job dock), or null when none was started.
    Job *start(SessionWorker *worker, const TableInfo &table, const BrowseQuery &query,
               const QString &filePath, qint64 expectedRows = -1);
    void cancel();
    bool isRunning() const { return m_running; }
    // A file name for the export of `table` that is safe anywhere: letters, digits and "_"
    // only (runs of anything else become one "_"), never empty, ending in ".csv".
    // x"; drop table users; -- -> x_drop_table_users.csv
    static QString suggestedFileName(const QString &table);

signals:
    void progress(qint64 rows, qint64 bytes, qint64 expectedRows);
    void finished(bool ok, qint64 rows, const QString &message);

private:
    // The export job's steps, on the worker's thread.
    struct Export; // the exporter, the job's context, the counts so far
    static Result<QString> exportTo(Export &run, const QueryBuilder &qb, const QString &filePath);
    static Result<QString> copyInto(Export &run, const QueryBuilder &qb, const QString &filePath);
    static Status runCopy(Export &run, PgConnection &c, const QueryBuilder &qb, QSaveFile &file);
    static Status streamRows(Export &run, PgConnection &c, QSaveFile &file);
    static void replyProgress(const Export &run);

    QPointer<Job> m_job;
    quint64 m_serial = 0; // of the export started last
    bool m_running = false;
};

} // namespace uaip
