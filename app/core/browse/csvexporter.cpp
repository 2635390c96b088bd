#include "csvexporter.h"

#include "browse/dbworker.h"
#include "browse/querybuilder.h"
#include "util/sqlresource.h"

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
    QString name;
    for (const QChar c : table) {
        if (c.isLetterOrNumber() || c == u'_')
            name += c;
        else if (!name.isEmpty() && !name.endsWith(u'_'))
            name += u'_';
    }
    while (name.endsWith(u'_'))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("export");
    return name.left(100) + QStringLiteral(".csv");
}

void CsvExporter::start(const QString &conninfo, const TableInfo &table, const BrowseQuery &query,
                        const QString &filePath, qint64 expectedRows)
{
    if (m_running)
        return;
    m_running = true;
    m_worker = std::make_unique<DbWorker>(conninfo, QStringLiteral("uaip-admin export"));
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    QPointer<CsvExporter> self(this);
    const QueryBuilder qb(table, query);
    m_worker->post([self, qb, filePath, expectedRows, cancelled = m_cancelled](PgConnection &c) {
        qint64 rows = 0;
        qint64 bytes = 0;
        QString error;
        QSaveFile file(filePath);
        auto report = [&](bool ok, const QString &message) {
            DbWorker::reply(self, [self, ok, rows, message] {
                if (!self)
                    return;
                self->m_running = false;
                emit self->finished(ok, rows, message);
            });
        };
        if (!c.isOpen())
            return report(false, c.connectionError());
        if (!file.open(QIODevice::WriteOnly))
            return report(false, file.errorString());
        QList<BoundSql> settings;
        const BoundSql copy = qb.copyOut(&settings);
        c.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
        for (const BoundSql &s : settings) {
            const PgResult r = c.exec(s.sql, s.params);
            if (!r.ok()) {
                error = r.error().toString();
                break;
            }
        }
        if (error.isEmpty()) {
            const PgResult r = c.exec(copy.sql);
            if (r.status() != PGRES_COPY_OUT) {
                error = r.handle() ? r.error().toString() : c.connectionError();
            } else {
                QElapsedTimer timer;
                timer.start();
                QByteArray line;
                bool header = true;
                bool cancelSent = false;
                while (c.getCopyData(&line)) {
                    if (cancelled->load()) {
                        if (!cancelSent)
                            c.cancel();
                        cancelSent = true;
                        continue; // drain until the server stops
                    }
                    file.write(line);
                    bytes += line.size();
                    if (header)
                        header = false;
                    else
                        ++rows;
                    if (timer.elapsed() >= kProgressIntervalMs) {
                        timer.restart();
                        DbWorker::reply(self, [self, rows, bytes, expectedRows] {
                            if (self)
                                emit self->progress(rows, bytes, expectedRows);
                        });
                    }
                }
                const PgResult end = c.finishCopyOut();
                if (cancelled->load())
                    error = QStringLiteral("Export cancelled.");
                else if (!end.ok())
                    error = end.handle() ? end.error().toString() : c.connectionError();
            }
        }
        c.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
        if (!error.isEmpty()) {
            file.cancelWriting();
            return report(false, error);
        }
        if (!file.commit())
            return report(false, file.errorString());
        DbWorker::reply(self, [self, rows, bytes, expectedRows] {
            if (self)
                emit self->progress(rows, bytes, expectedRows);
        });
        report(true, QStringLiteral("%1 rows exported.").arg(rows));
    });
}

void CsvExporter::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
    if (m_worker)
        m_worker->cancel();
}

} // namespace uaip
