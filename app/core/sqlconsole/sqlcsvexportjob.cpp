#include "sqlcsvexportjob.h"

#include "db/session.h"
#include "jobs/jobcontext.h"
#include "statementclass.h"

#include <QSaveFile>

#include <climits>

namespace uaip {

namespace {

constexpr auto kCopyPrefix = "COPY (";
constexpr auto kCopySuffix = ") TO STDOUT (FORMAT csv, HEADER)";

} // namespace

SqlCsvExportJob::SqlCsvExportJob(const QByteArray &statement, const QString &path)
    : Job(tr("Export CSV"))
    , m_statement(statement)
    , m_path(path)
{ }

bool SqlCsvExportJob::execute(JobContext &context, QString *summary)
{
    if (!StatementClass::of(m_statement).cursorable) {
        *summary = tr("Only a plain SELECT can be exported; run it and copy the rows instead.");
        return false;
    }
    DbResult<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().toString();
        return false;
    }
    PgConnection &pg = session.value()->pg();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *summary = tr("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    PgResult start = pg.exec(QByteArray(kCopyPrefix) + m_statement + kCopySuffix);
    if (start.status() != PGRES_COPY_OUT) {
        setError(start.error());
        *summary = start.error().toString();
        return false;
    }
    QByteArray row;
    bool writeFailed = false;
    while (pg.getCopyData(&row)) {
        if (!writeFailed && file.write(row) != row.size())
            writeFailed = true;
        ++m_rows;
        if (m_rows % 100000 == 0)
            context.progress(int(m_rows / 1000), 0, tr("%1 rows").arg(m_rows - 1));
    }
    PgResult end = pg.finishCopyOut();
    m_rows = std::max<qint64>(0, m_rows - 1); // the header line
    if (!end.ok()) {
        file.cancelWriting();
        setError(end.error());
        *summary = end.error().toString();
        return false;
    }
    if (writeFailed || !file.commit()) {
        *summary = tr("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    *summary = tr("%n row(s) exported to %1", nullptr, int(std::min<qint64>(m_rows, INT_MAX)))
                   .arg(m_path);
    return true;
}

} // namespace uaip
