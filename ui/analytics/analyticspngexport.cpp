#include "analyticspngexport.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace uaip {

namespace {

constexpr int kMargin = 16;
constexpr int kGap = 8;
constexpr int kMinChartHeight = 120;

// The fonts, and the sizes of the title, range, chart and legend, measured before drawing.
struct Geometry
{
    QFont font;
    QFont titleFont;
    QFontMetrics fm;
    QFontMetrics tfm;
    int width;
    QRect rangeRect;
    int rowHeight;
    QRect captionRect;
    int chartHeight;
    QSize imageSize;
};

Geometry measure(const AnalyticsPngExport::Content &content, const QSize &size)
{
    QFont font = QApplication::font();
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(font.pointSizeF() * 1.4);
    const QFontMetrics fm(font);
    const QFontMetrics tfm(titleFont);
    const int width = size.width() - 2 * kMargin;
    const QRect rangeRect
        = fm.boundingRect(QRect(0, 0, width, size.height()), Qt::TextWordWrap, content.range);
    const int rowHeight = fm.height() + 4;
    const QRect captionRect = fm.boundingRect(QRect(0, 0, width, size.height()), Qt::TextWordWrap,
                                              content.legendHeader);
    const int headHeight = tfm.height() + kGap / 2 + rangeRect.height() + kGap;
    const int legendHeight
        = captionRect.height() + kGap / 2 + rowHeight * int(content.rows.size() + 1);
    // The whole legend always: a picture too short for it grows (the width stays).
    const int chartHeight
        = std::max(kMinChartHeight, size.height() - 2 * kMargin - headHeight - kGap - legendHeight);
    const QSize imageSize(
        size.width(),
        std::max(size.height(), 2 * kMargin + headHeight + chartHeight + kGap + legendHeight));
    return Geometry{font,      titleFont, fm,          tfm,         width,
                    rangeRect, rowHeight, captionRect, chartHeight, imageSize};
}

// The title, then the time range; y moves below them.
void drawHeading(QPainter &painter, const Geometry &g, const AnalyticsPngExport::Content &content,
                 int &y)
{
    painter.setFont(g.titleFont);
    painter.drawText(QRect(kMargin, y, g.width, g.tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     g.tfm.elidedText(content.title, Qt::ElideRight, g.width));
    y += g.tfm.height() + kGap / 2;
    painter.setFont(g.font);
    painter.drawText(g.rangeRect.translated(kMargin, y), Qt::TextWordWrap, content.range);
    y += g.rangeRect.height() + kGap;
}

// Number columns as wide as their widest cell; the name column takes the rest.
QList<int> numberColumnWidths(const QFontMetrics &fm, const AnalyticsPngExport::Content &content)
{
    QList<int> columnWidths;
    for (int c = 1; c < content.columns.size(); ++c) {
        int w = fm.horizontalAdvance(content.columns.at(c));
        for (const AnalyticsPngExport::Row &row : content.rows)
            w = std::max(w, fm.horizontalAdvance(row.cells.value(c - 1)));
        columnWidths.append(w + 2 * kGap);
    }
    return columnWidths;
}

// The legend's caption, its header row and a row per series with its colour swatch.
void drawLegend(QPainter &painter, const Geometry &g, const AnalyticsPngExport::Content &content,
                const QPalette &palette, int y)
{
    const QFontMetrics &fm = g.fm;
    const int rowHeight = g.rowHeight;
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRect(kMargin, y, g.width, g.captionRect.height()), Qt::TextWordWrap,
                     content.legendHeader);
    y += g.captionRect.height() + kGap / 2;
    const QList<int> columnWidths = numberColumnWidths(fm, content);
    int numbersWidth = 0;
    for (int w : columnWidths)
        numbersWidth += w;
    const int swatch = fm.height() / 2 + 4;
    const int nameWidth = std::max(0, g.width - numbersWidth - swatch - kGap);
    auto drawRow = [&](const QString &name, const QStringList &cells, int top) {
        painter.drawText(QRect(kMargin + swatch + kGap, top, nameWidth, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(name, Qt::ElideRight, nameWidth));
        int x = kMargin + swatch + kGap + nameWidth;
        for (int c = 0; c < columnWidths.size(); ++c) {
            painter.drawText(QRect(x, top, columnWidths.at(c) - kGap / 2, rowHeight),
                             Qt::AlignRight | Qt::AlignVCenter, cells.value(c));
            x += columnWidths.at(c);
        }
    };
    QFont bold = g.font;
    bold.setBold(true);
    painter.setFont(bold);
    drawRow(content.columns.value(0), content.columns.mid(1), y);
    painter.setFont(g.font);
    y += rowHeight;
    for (const AnalyticsPngExport::Row &row : content.rows) {
        painter.fillRect(QRect(kMargin, y + (rowHeight - swatch) / 2, swatch, swatch), row.color);
        drawRow(row.label, row.cells, y);
        y += rowHeight;
    }
}

} // namespace

QImage AnalyticsPngExport::render(const Content &content, const QSize &size,
                                  const MetricsRequest &request, const MetricsResult &result,
                                  MetricsMeasure::Value value, const QList<bool> &hidden,
                                  const QPalette &palette)
{
    if (size.width() < 2 * kMargin + 100 || size.height() < 2 * kMargin + kMinChartHeight)
        return QImage();
    const Geometry g = measure(content, size);

    QImage image(g.imageSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette.color(QPalette::Text));
    int y = kMargin;
    drawHeading(painter, g, content, y);

    AnalyticsChart chart;
    chart.setPalette(palette);
    chart.setFrameShape(QFrame::NoFrame);
    chart.resize(g.width, g.chartHeight);
    chart.setColourSlots(content.colourSlots);
    chart.setResult(request, result, value, hidden);
    static_cast<QWidget &>(chart).render(&painter, QPoint(kMargin, y)); // the widget, as shown
    y += g.chartHeight + kGap;

    drawLegend(painter, g, content, palette, y);
    painter.end();
    return image;
}

} // namespace uaip
