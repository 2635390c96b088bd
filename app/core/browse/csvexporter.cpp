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
    auto *job = new FunctionJob(tr("Export %1 to %2").arg(table.displayName(), filePath),
                                [self, qb, filePath, expectedRows](JobContext &context) {
                                    Export run{self, context, expectedRows};
                                    return exportTo(run, qb, filePath);
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

// The job's work and its report to the exporter.
Result<QString> CsvExporter::exportTo(Export &run, const QueryBuilder &qb, const QString &filePath)
{
    const Result<QString> done = copyInto(run, qb, filePath);
    const bool ok = done.ok();
    const QString message = ok ? done.value() : done.error().toString();
    Job::reply(run.self, [self = run.self, ok, rows = run.rows, message] {
        if (!self)
            return;
        self->m_running = false;
        emit self->finished(ok, rows, message);
    });
    return done;
}

// The COPY into the file, the file kept or discarded.
Result<QString> CsvExporter::copyInto(Export &run, const QueryBuilder &qb, const QString &filePath)
{
    QSaveFile file(filePath);
    Result<Session *> session = run.context.session();
    if (!session)
        return session.error();
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, file.errorString(), {{QStringLiteral("path"), filePath}});
    PgConnection &c = session.value()->pg();
    const Status copied = runCopy(run, c, qb, file);
    c.notices().take();
    if (!copied) {
        file.cancelWriting();
        return copied.error();
    }
    if (!file.commit())
        return Error(ErrorCode::Io, file.errorString(), {{QStringLiteral("path"), filePath}});
    replyProgress(run);
    return tr("%1 rows exported.").arg(run.rows);
}

// The settings and the COPY in a transaction of their own.
Status CsvExporter::runCopy(Export &run, PgConnection &c, const QueryBuilder &qb, QSaveFile &file)
{
    Transaction tx(c); // READ ONLY, rolled back: the export only reads
    QList<BoundSql> settings;
    const BoundSql copy = qb.copyOut(&settings);
    if (Status s = tx.begin(TransactionOptions::readOnlyRolledBack()); !s)
        return s;
    for (const BoundSql &s : settings) {
        const PgResult r = c.exec(s.sql, s.params);
        if (!r.ok())
            return Error(r.error());
    }
    const PgResult r = c.exec(copy.sql);
    if (r.status() != PgResult::Status::CopyOut)
        return Error(r.error());
    return streamRows(run, c, file);
}

// The COPY's lines into the file, with progress as it goes.
Status CsvExporter::streamRows(Export &run, PgConnection &c, QSaveFile &file)
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
        return Error(ErrorCode::Cancelled, tr("Export cancelled."));
    if (!end.ok())
        return Error(end.error());
    return {};
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
