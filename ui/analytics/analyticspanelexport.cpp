#include "analyticspanelexport.h"

#include "analyticschart.h"
#include "analyticslegend.h"
#include "analyticspanel.h"
#include "metrics/metricsexport.h"
#include "widgets/localeformat.h"
#include "widgets/sqlview.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace uaip {

AnalyticsPanelExport::AnalyticsPanelExport(AnalyticsPanel *panel)
    : QObject(panel)
    , m_panel(panel)
{ }

QToolButton *AnalyticsPanelExport::createButton()
{
    auto *more = new QToolButton(m_panel);
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *moreMenu = new QMenu(more);
    moreMenu->addAction(tr("Show SQL…"), this, &AnalyticsPanelExport::showSql);
    moreMenu->addAction(tr("Export PNG…"), this, &AnalyticsPanelExport::exportPngInteractive);
    moreMenu->addAction(tr("Export CSV…"), this, &AnalyticsPanelExport::exportCsvInteractive);
    more->setMenu(moreMenu);
    return more;
}

Status AnalyticsPanelExport::exportCsv(const QString &path) const
{
    if (!m_panel->hasResult())
        return Error(ErrorCode::NotFound, tr("Nothing drawn to export yet."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(MetricsExport::csv(m_panel->lastRequest(), m_panel->lastResult())) < 0
        || !file.commit()) {
        return Error(ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()),
                     {{QStringLiteral("path"), path}});
    }
    return {};
}

QString AnalyticsPanelExport::sqlText() const
{
    if (!m_panel->hasResult())
        return QString();
    // Every statement the query sent (top N, series, previous period, labels), in order.
    const MetricsResult &result = m_panel->lastResult();
    QStringList parts;
    for (const BoundStatement &st : result.sent)
        parts.append(st.display());
    if (parts.isEmpty() && !result.statement.isEmpty())
        parts.append(result.statement.display());
    return parts.join(QStringLiteral("\n\n"));
}

AnalyticsPngExport::Content AnalyticsPanelExport::pngContent() const
{
    const MetricsRequest &request = m_panel->lastRequest();
    const MetricsResult &result = m_panel->lastResult();
    AnalyticsPngExport::Content content;
    content.title = m_panel->hasMeasure()
        ? tr("%1: %2").arg(m_panel->title(), m_panel->measure().label)
        : m_panel->title();
    const QTimeZone zone(request.timeZone.toUtf8());
    content.range = tr("%1 to %2 (%3), bucket %4")
                        .arg(LocaleFormat::dateTime(request.from.toTimeZone(zone), false),
                             LocaleFormat::dateTime(request.to.toTimeZone(zone), false),
                             request.timeZone, result.bucket.label());
    const AnalyticsLegend::Statistics statistics = m_panel->legendStatistics();
    content.legendHeader = AnalyticsLegend::header(statistics);
    content.columns = AnalyticsLegend::columns();
    content.colourSlots = m_panel->chart()->colourSlots();
    const QList<bool> hidden = m_panel->hiddenSeries();
    for (int i = 0; i < result.series.size(); ++i) {
        AnalyticsPngExport::Row row;
        row.color = m_panel->chart()->colorOf(i);
        row.label = hidden.at(i) ? tr("%1 (not drawn)").arg(result.series.at(i).label)
                                 : result.series.at(i).label;
        row.cells = AnalyticsLegend::cells(result.series.at(i), statistics);
        content.rows.append(row);
    }
    return content;
}

Status AnalyticsPanelExport::exportPng(const QString &path, const QSize &size) const
{
    if (!m_panel->hasResult() || m_panel->lastResult().noData())
        return Error(ErrorCode::NotFound, tr("Nothing drawn to export yet."));
    const QImage image = AnalyticsPngExport::render(pngContent(), size, m_panel->lastRequest(),
                                                    m_panel->lastResult(), m_panel->measure().value,
                                                    m_panel->hiddenSeries(), m_panel->palette());
    if (image.isNull() || !image.save(path, "PNG")) {
        return Error(ErrorCode::Io, tr("Cannot write the picture to %1.").arg(path),
                     {{QStringLiteral("path"), path}});
    }
    return {};
}

void AnalyticsPanelExport::showSql()
{
    QDialog dialog(m_panel);
    dialog.setWindowTitle(tr("SQL of %1").arg(m_panel->title()));
    auto *view = new SqlView(&dialog);
    const QString sql = sqlText();
    view->setSql(sql.isEmpty() ? tr("-- Not run yet.") : sql);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog.resize(m_panel->fontMetrics().averageCharWidth() * 110,
                  m_panel->fontMetrics().height() * 30);
    dialog.exec();
}

void AnalyticsPanelExport::exportPngInteractive()
{
    const QStringList sizes{QStringLiteral("1200 × 800"), QStringLiteral("1600 × 900"),
                            QStringLiteral("1920 × 1080"), QStringLiteral("2400 × 1600")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        m_panel, tr("Export PNG"), tr("Picture size (pixels):"), sizes, 1, false, &ok);
    if (!ok)
        return;
    const QStringList wh = chosen.split(QStringLiteral(" × "));
    const QString path = QFileDialog::getSaveFileName(
        m_panel, tr("Export PNG"), metricsPanelName(m_panel->panel()) + QStringLiteral(".png"),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const Status written = exportPng(path, QSize(wh.value(0).toInt(), wh.value(1).toInt()));
        !written)
        QMessageBox::warning(m_panel, tr("Export PNG"), written.error().toString());
}

void AnalyticsPanelExport::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        m_panel, tr("Export CSV"), metricsPanelName(m_panel->panel()) + QStringLiteral(".csv"),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Status written = exportCsv(path); !written)
        QMessageBox::warning(m_panel, tr("Export CSV"), written.error().toString());
}

} // namespace uaip
