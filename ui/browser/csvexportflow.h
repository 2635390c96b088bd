#pragma once

#include "browse/browsequery.h"
#include "browse/tableinfo.h"

#include <QObject>
#include <QString>

class QProgressDialog;
class QWidget;

namespace uaip {

class CsvExporter;
class Job;
class SessionWorker;

// The Entities view's CSV export (CsvExporter) with its progress dialog, whose Cancel stops it.
// One export at a time.
class CsvExportFlow : public QObject
{
    Q_OBJECT
public:
    // view: the progress dialog's parent.
    explicit CsvExportFlow(QWidget *view);
    ~CsvExportFlow() override;

    bool isRunning() const;
    // expectedRows: for the progress (the estimate or exact count). Returns the export job (for
    // the job dock), or null when none was started.
    Job *start(SessionWorker *worker, const TableInfo &table, const BrowseQuery &query,
               const QString &filePath, qint64 expectedRows);

signals:
    // The progress dialog is gone; message: what happened, for the status line.
    void finished(bool ok, const QString &message);

private:
    QWidget *m_view;
    CsvExporter *m_exporter;
    QProgressDialog *m_progress = nullptr;
};

} // namespace uaip
