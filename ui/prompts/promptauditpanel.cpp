#include "promptauditpanel.h"

#include "widgets/localeformat.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

QString compact(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

PromptAuditPanel::PromptAuditPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 6, this))
{
    auto *layout = new QVBoxLayout(this);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Action"), tr("Database user"),
                                        tr("Console user (claimed)"), tr("Before"), tr("After")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table);
}

void PromptAuditPanel::setEntries(const QList<PromptAuditEntry> &entries)
{
    m_table->setRowCount(int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const PromptAuditEntry &e = entries[i];
        const QStringList cells{LocaleFormat::dateTime(e.createdAt),
                                e.action,
                                e.databaseUser,
                                e.consoleUser,
                                compact(e.oldValues),
                                compact(e.newValues)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    for (int c = 4; c < 6; ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 360));
}

void PromptAuditPanel::clear()
{
    m_table->setRowCount(0);
}

} // namespace uaip
