#include "csvexportflow.h"

#include "browse/csvexporter.h"

#include <QLocale>
#include <QProgressDialog>

#include <climits>

namespace uaip {

CsvExportFlow::CsvExportFlow(QWidget *view)
    : QObject(view)
    , m_view(view)
    , m_exporter(new CsvExporter(this))
{
    connect(m_exporter, &CsvExporter::progress, this, [this](qint64 rows, qint64, qint64 expected) {
        if (!m_progress)
            return;
        m_progress->setMaximum(expected > 0 ? int(qMin<qint64>(expected, INT_MAX)) : 0);
        m_progress->setValue(int(qMin<qint64>(rows, m_progress->maximum())));
        m_progress->setLabelText(tr("%1 rows exported…").arg(QLocale().toString(rows)));
    });
    connect(m_exporter, &CsvExporter::finished, this,
            [this](bool ok, qint64, const QString &message) {
                if (m_progress)
                    m_progress->deleteLater();
                m_progress = nullptr;
                emit finished(ok, message);
            });
}

CsvExportFlow::~CsvExportFlow()
{
    m_exporter->disconnect(this);
}

bool CsvExportFlow::isRunning() const
{
    return m_exporter->isRunning();
}

Job *CsvExportFlow::start(SessionWorker *worker, const TableInfo &table, const BrowseQuery &query,
                          const QString &filePath, qint64 expectedRows)
{
    m_progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, m_view);
    m_progress->setMinimumDuration(300);
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &CsvExporter::cancel);
    return m_exporter->start(worker, table, query, filePath, expectedRows);
}

} // namespace uaip
