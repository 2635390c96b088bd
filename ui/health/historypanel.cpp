#include "historypanel.h"

#include "historychart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace uaip {

namespace {

constexpr qint64 kHistoryMinuteMs = 60 * 1000;

QString historyLine(const QString &text, int max)
{
    QString s = text.simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("healthHistory"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildBar());
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("historyNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addWidget(m_note);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_queryChart = new HistoryChart(split);
    m_queryChart->setObjectName(QStringLiteral("historyQueryChart"));
    m_tableChart = new HistoryChart(split);
    m_tableChart->setObjectName(QStringLiteral("historyTableChart"));
    split->addWidget(m_queryChart);
    split->addWidget(m_tableChart);
    layout->addWidget(split, 1);
    connect(m_query, &QComboBox::currentIndexChanged, this, &HistoryPanel::showQuery);
    connect(m_table, &QComboBox::currentIndexChanged, this, &HistoryPanel::showTable);
    clear();
}

QWidget *HistoryPanel::buildBar()
{
    // two rows, so that the Health view's narrowest width stays its other tabs'
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *second = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(second);
    m_query = new QComboBox(bar);
    m_query->setObjectName(QStringLiteral("historyQuery"));
    m_query->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_query->setMinimumContentsLength(20);
    m_table = new QComboBox(bar);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setMinimumContentsLength(12);
    m_table->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_days = new QSpinBox(bar);
    m_days->setObjectName(QStringLiteral("historyDays"));
    m_days->setRange(1, 90);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    m_interval = new QSpinBox(bar);
    m_interval->setObjectName(QStringLiteral("historyInterval"));
    m_interval->setRange(0, 1440);
    m_interval->setValue(intervalMinutes());
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("off"));
    m_interval->setToolTip(tr("While the Health view is open, record a sample of the workload "
                              "every N minutes (0: off); \"uaip-migrate insights record\" from "
                              "a timer records it without the console"));
    m_record = new QPushButton(tr("Record now"), bar);
    m_record->setObjectName(QStringLiteral("historyRecord"));
    m_record->setToolTip(tr("Record a sample of the workload now (kept in the ledger's schema)"));
    row->addWidget(new QLabel(tr("Statement:"), bar));
    row->addWidget(m_query, 3);
    row->addWidget(new QLabel(tr("Table:"), bar));
    row->addWidget(m_table, 1);
    second->addWidget(new QLabel(tr("Last:"), bar));
    second->addWidget(m_days);
    second->addWidget(new QLabel(tr("Record every:"), bar));
    second->addWidget(m_interval);
    second->addWidget(m_record);
    second->addStretch(1);
    connect(m_days, &QSpinBox::valueChanged, this, &HistoryPanel::readRequested);
    connect(m_record, &QPushButton::clicked, this, &HistoryPanel::recordRequested);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int minutes) {
        QSettings().setValue(QLatin1String(kIntervalKey), minutes);
        emit intervalChanged(minutes);
    });
    return bar;
}

int HistoryPanel::intervalMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(QLatin1String(kIntervalKey), kDefaultMinutes).toInt(&ok);
    return ok && minutes >= 0 ? minutes : kDefaultMinutes;
}

int HistoryPanel::days() const
{
    return m_days->value();
}

void HistoryPanel::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void HistoryPanel::clear()
{
    m_series = {};
    const QSignalBlocker a(m_query);
    const QSignalBlocker b(m_table);
    m_query->clear();
    m_table->clear();
    m_queryChart->clearWith(tr("No statement recorded in the window"));
    m_tableChart->clearWith(tr("No table recorded in the window"));
}

void HistoryPanel::setSeries(const WorkloadHistorySeries &series)
{
    const QString query = m_query->currentData().toString();
    const QString table = m_table->currentData().toString();
    m_series = series;
    {
        const QSignalBlocker a(m_query);
        const QSignalBlocker b(m_table);
        m_query->clear();
        for (const WorkloadHistorySeries::Query &q : series.queries)
            m_query->addItem(historyLine(q.query, 80), q.queryId);
        m_table->clear();
        for (const WorkloadHistorySeries::Table &t : series.tables)
            m_table->addItem(t.schema + u'.' + t.name, t.schema + u'.' + t.name);
        m_query->setCurrentIndex(std::max(0, m_query->findData(query)));
        m_table->setCurrentIndex(std::max(0, m_table->findData(table)));
    }
    showQuery();
    showTable();
}

std::pair<qint64, qint64> HistoryPanel::span() const
{
    qint64 from = m_series.first.toMSecsSinceEpoch();
    qint64 to = m_series.last.toMSecsSinceEpoch();
    for (const WorkloadHistorySeries::Migration &m : m_series.migrations) {
        from = std::min(from, m.at.toMSecsSinceEpoch());
        to = std::max(to, m.at.toMSecsSinceEpoch());
    }
    // a little room either side, a minute at least
    const qint64 pad = std::max<qint64>((to - from) / 20, kHistoryMinuteMs);
    return {from - pad, to + pad};
}

void HistoryPanel::showQuery()
{
    const int i = m_query->currentIndex();
    if (i < 0 || i >= m_series.queries.size()) {
        m_queryChart->clearWith(tr("No statement recorded in the window"));
        return;
    }
    const WorkloadHistorySeries::Query &q = m_series.queries.at(i);
    HistoryChart::Line mean{tr("mean ms"), {}};
    HistoryChart::Line calls{tr("calls"), {}};
    int segment = -1;
    for (const WorkloadHistorySeries::QueryPoint &p : q.points) {
        if (p.segment != segment) {
            mean.segments.append(QList<QPointF>());
            calls.segments.append(QList<QPointF>());
            segment = p.segment;
        }
        const qreal x = qreal(p.at.toMSecsSinceEpoch());
        if (p.meanMs >= 0)
            mean.segments.last().append({x, p.meanMs});
        calls.segments.last().append({x, qreal(p.calls)});
    }
    const auto [from, to] = span();
    m_queryChart->plot(tr("Statement %1: mean time and calls per interval").arg(q.queryId), mean,
                       calls, m_series.migrations, from, to);
}

void HistoryPanel::showTable()
{
    const int i = m_table->currentIndex();
    if (i < 0 || i >= m_series.tables.size()) {
        m_tableChart->clearWith(tr("No table recorded in the window"));
        return;
    }
    const WorkloadHistorySeries::Table &t = m_series.tables.at(i);
    HistoryChart::Line size{tr("MiB"), {QList<QPointF>()}};
    HistoryChart::Line dead{tr("dead tuples"), {QList<QPointF>()}};
    for (const WorkloadHistorySeries::TablePoint &p : t.points) {
        const qreal x = qreal(p.at.toMSecsSinceEpoch());
        size.segments.last().append({x, qreal(p.bytes) / (1024.0 * 1024.0)});
        dead.segments.last().append({x, qreal(p.dead)});
    }
    const auto [from, to] = span();
    m_tableChart->plot(tr("Table %1.%2: size with indexes and dead tuples").arg(t.schema, t.name),
                       size, dead, m_series.migrations, from, to);
}

} // namespace uaip
