#pragma once

#include "analyticspngexport.h"
#include "error/status.h"

#include <QObject>

class QSize;
class QToolButton;

namespace uaip {

class AnalyticsPanel;

// Show SQL, Export PNG and Export CSV of one Analytics panel: its "More" button with their
// menu, their dialogs, and what they write. The PNG renders the chart itself (not a grab of
// the panel) with the title, the range and the whole legend; the CSV holds the last result's
// rows (MetricsExport); the SQL is every statement the last query sent.
class AnalyticsPanelExport : public QObject
{
    Q_OBJECT
public:
    explicit AnalyticsPanelExport(AnalyticsPanel *panel);

    // The "More" button with the menu (a child of the panel).
    QToolButton *createButton();

    QString sqlText() const;
    // What the PNG shows besides the chart: title, range, legend header and every row.
    AnalyticsPngExport::Content pngContent() const;
    // Written, or why not: NotFound when nothing is drawn yet, Io (arg "path") when the file
    // cannot be written.
    Status exportPng(const QString &path, const QSize &size) const;
    Status exportCsv(const QString &path) const;

private:
    void showSql();
    void exportPngInteractive();
    void exportCsvInteractive();

    AnalyticsPanel *m_panel;
};

} // namespace uaip
