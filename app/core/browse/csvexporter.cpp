#include "csvexporter.h"

#include "db/pgcopy.h"

#include "db/session.h"
#include "db/transaction.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "querybuilder.h"
#include "util/namepart.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSaveFile>

namespace uaip {

namespace {

constexpr qint64 kProgressIntervalMs = 100;

} // namespace

CsvExporter::CsvExporter(QObject *parent)
    : QObject(parent)
{ }

CsvExporter::~CsvExporter()
{
    cancel();
}

QString CsvExporter::suggestedFileName(const QString &table)
{
    const QString name = NamePart::of(
        table, [](QChar c) { return c.isLetterOrNumber() || c == u'_'; }, QStringLiteral("export"));
    return name.left(100) + QStringLiteral(".csv");
}

// One export job's run: its exporter (gone when it was destroyed), its context, the counts.
struct CsvExporter::Export
{
    QPointer<CsvExporter> self;
    JobContext &context;
    qint64 expectedRows;
    qint64 rows = 0;
    qint64 bytes = 0;
};

Job *CsvExporter::start(SessionWorker *worker, const TableInfo &table, const BrowseQuery &query,
                        const QString &filePath, qint64 expectedRows)
{
    if (m_running || !worker)
        return nullptr;
    m_running = true;
    QPointer<CsvExporter> self(this);
    const QueryBuilder qb(table, query);
    auto *job = new FunctionJob(
        tr("Export %1 to %2").arg(table.displayName(), filePath),
        [self, qb, filePath, expectedRows](JobContext &context, QString *summary) {
            Export run{self, context, expectedRows};
            return exportTo(run, qb, filePath, summary);
        });
    // Dropped before it ran (its worker retired): the exporter is free again. (finished() is
    // delivered after the job's own report, which has cleared m_running for the same export.)
    const quint64 serial = ++m_serial;
    connect(job, &Job::finished, this, [this, serial](bool ok, const QString &summary) {
        if (!m_running || serial != m_serial)
            return;
        m_running = false;
        emit finished(ok, 0, summary);
    });
    m_job = job;
    worker->post(job);
    return job;
}

// The job's work: the COPY into the file, the file kept or discarded, the report.
bool CsvExporter::exportTo(Export &run, const QueryBuilder &qb, const QString &filePath,
                           QString *summary)
{
    QSaveFile file(filePath);
    auto report = [&](bool ok, const QString &message) {
        *summary = message;
        Job::reply(run.self, [self = run.self, ok, rows = run.rows, message] {
            if (!self)
                return;
            self->m_running = false;
            emit self->finished(ok, rows, message);
        });
        return ok;
    };
    Result<Session *> session = run.context.session();
    if (!session)
        return report(false, session.error().toString());
    if (!file.open(QIODevice::WriteOnly))
        return report(false, file.errorString());
    PgConnection &c = session.value()->pg();
    const QString error = runCopy(run, c, qb, file);
    c.notices().take();
    if (!error.isEmpty()) {
        file.cancelWriting();
        return report(false, error);
    }
    if (!file.commit())
        return report(false, file.errorString());
    replyProgress(run);
    return report(true, tr("%1 rows exported.").arg(run.rows));
}

// The settings and the COPY in a transaction of their own; the error, empty when it went well.
QString CsvExporter::runCopy(Export &run, PgConnection &c, const QueryBuilder &qb, QSaveFile &file)
{
    QString error;
    Transaction tx(c); // READ ONLY, rolled back: the export only reads
    QList<BoundSql> settings;
    const BoundSql copy = qb.copyOut(&settings);
    if (Status s = tx.begin(TransactionOptions::readOnlyRolledBack()); !s)
        error = s.error().toString();
    for (const BoundSql &s : settings) {
        if (!error.isEmpty())
            break;
        const PgResult r = c.exec(s.sql, s.params);
        if (!r.ok())
            error = r.error().toString();
    }
    if (error.isEmpty()) {
        const PgResult r = c.exec(copy.sql);
        if (r.status() != PgResult::Status::CopyOut)
            error = r.error().toString();
        else
            error = streamRows(run, c, file);
    }
    return error;
}

// The COPY's lines into the file, with progress as it goes; the error, empty when none.
QString CsvExporter::streamRows(Export &run, PgConnection &c, QSaveFile &file)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray line;
    bool header = true;
    while (PgCopy::get(c, &line)) {
        if (run.context.isCancelled())
            continue; // drain until the server stops (cancel was sent)
        file.write(line);
        run.bytes += line.size();
        if (header)
            header = false;
        else
            ++run.rows;
        if (timer.elapsed() >= kProgressIntervalMs) {
            timer.restart();
            run.context.progress(int(qMin<qint64>(run.rows, INT_MAX)),
                                 run.expectedRows > 0 ? int(qMin<qint64>(run.expectedRows, INT_MAX))
                                                      : 0,
                                 tr("%1 rows").arg(run.rows));
            replyProgress(run);
        }
    }
    const PgResult end = PgCopy::finishOut(c);
    if (run.context.isCancelled())
        return tr("Export cancelled.");
    if (!end.ok())
        return end.error().toString();
    return QString();
}

// The counts so far to the exporter's progress() (in its thread), unless it is gone.
void CsvExporter::replyProgress(const Export &run)
{
    Job::reply(
        run.self,
        [self = run.self, rows = run.rows, bytes = run.bytes, expectedRows = run.expectedRows] {
            if (self)
                emit self->progress(rows, bytes, expectedRows);
        });
}

void CsvExporter::cancel()
{
    if (m_job)
        m_job->cancel();
}

} // namespace uaip
