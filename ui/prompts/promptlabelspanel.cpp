#include "promptlabelspanel.h"

#include "widgets/localeformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

void setupTable(QTableWidget *t, const QStringList &headers)
{
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
}

QString when(const QDateTime &t)
{
    return LocaleFormat::dateTime(t);
}

QString version(int v)
{
    return v > 0 ? QStringLiteral("v%1").arg(v) : QStringLiteral("–");
}

} // namespace

PromptLabelsPanel::PromptLabelsPanel(QWidget *parent)
    : QWidget(parent)
    , m_labels(new QTableWidget(this))
    , m_history(new QTableWidget(this))
    , m_label(new QComboBox(this))
    , m_version(new QSpinBox(this))
    , m_move(new QPushButton(tr("Move label"), this))
{
    auto *layout = new QVBoxLayout(this);
    setupTable(m_labels, {tr("Label"), tr("Version"), tr("Protected"), tr("Moved")});
    layout->addWidget(m_labels, 1);
    auto *form = new QHBoxLayout;
    m_label->setEditable(true);
    m_label->setMinimumContentsLength(14);
    m_version->setPrefix(QStringLiteral("v"));
    m_version->setRange(1, 1);
    form->addWidget(new QLabel(tr("Move"), this));
    form->addWidget(m_label);
    form->addWidget(new QLabel(tr("to"), this));
    form->addWidget(m_version);
    form->addWidget(m_move);
    form->addStretch(1);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Label history"), this));
    setupTable(m_history,
               {tr("When"), tr("Label"), tr("From"), tr("To"), tr("Database user"),
                tr("Console user (claimed)"), tr("Reason")});
    layout->addWidget(m_history, 2);
    connect(m_move, &QPushButton::clicked, this,
            [this] { emit moveRequested(m_label->currentText().trimmed(), m_version->value()); });
    connect(m_labels, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_labels->selectionModel()->selectedRows();
        if (rows.size() != 1)
            return;
        m_label->setCurrentText(m_labels->item(rows[0].row(), 0)->text());
    });
    setWritable(false, QString());
}

void PromptLabelsPanel::setLabels(const QList<PromptLabel> &labels, int latestVersion)
{
    m_labels->setRowCount(int(labels.size()) + 1);
    QStringList names{PromptLabel::production(), QStringLiteral("staging")};
    for (int i = 0; i < labels.size(); ++i) {
        const PromptLabel &l = labels[i];
        m_labels->setItem(i, 0, new QTableWidgetItem(l.label));
        m_labels->setItem(i, 1, new QTableWidgetItem(version(l.versionNo)));
        m_labels->setItem(i, 2, new QTableWidgetItem(l.isProtected ? tr("yes") : tr("no")));
        m_labels->setItem(i, 3, new QTableWidgetItem(when(l.movedAt)));
        if (!names.contains(l.label))
            names << l.label;
    }
    const int last = int(labels.size());
    m_labels->setItem(last, 0, new QTableWidgetItem(PromptLabel::latest()));
    m_labels->setItem(last, 1, new QTableWidgetItem(version(latestVersion)));
    m_labels->setItem(last, 2, new QTableWidgetItem(tr("computed")));
    m_labels->setItem(last, 3, new QTableWidgetItem(tr("follows the newest version")));
    m_labels->resizeColumnsToContents();
    const QString keep = m_label->currentText();
    m_label->clear();
    m_label->addItems(names);
    m_label->setCurrentText(keep.isEmpty() ? names.first() : keep);
}

void PromptLabelsPanel::setHistory(const QList<PromptLabelMove> &moves)
{
    m_history->setRowCount(int(moves.size()));
    for (int i = 0; i < moves.size(); ++i) {
        const PromptLabelMove &m = moves[i];
        const QStringList cells{
            when(m.movedAt), m.label, version(m.fromVersion), version(m.toVersion), m.databaseUser,
            m.consoleUser,   m.reason};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_history->resizeColumnsToContents();
}

void PromptLabelsPanel::setVersionRange(int newest)
{
    m_version->setRange(1, qMax(1, newest));
}

void PromptLabelsPanel::clear()
{
    m_labels->setRowCount(0);
    m_history->setRowCount(0);
}

void PromptLabelsPanel::setWritable(bool writable, const QString &reason)
{
    m_writable = writable;
    m_move->setEnabled(writable);
    m_move->setToolTip(writable ? tr("Point the label at the version; recorded in the label "
                                     "history and the audit log")
                                : reason);
}

} // namespace uaip
