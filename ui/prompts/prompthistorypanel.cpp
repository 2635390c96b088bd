#include "prompthistorypanel.h"

#include "widgets/localeformat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

PromptHistoryPanel::PromptHistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 6, this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_restore(new QPushButton(tr("Restore…"), this))
    , m_promote(new QPushButton(tr("Promote to production…"), this))
{
    auto *layout = new QVBoxLayout(this);
    m_table->setHorizontalHeaderLabels({tr("Version"), tr("Labels"), tr("Author"), tr("Created"),
                                        tr("Change note"), tr("Checksum")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_compare->setToolTip(tr("Two selected versions, or the selected one against the current"));
    buttons->addWidget(m_compare);
    buttons->addWidget(m_restore);
    m_promote->setObjectName(QStringLiteral("promoteToProduction"));
    buttons->addWidget(m_promote);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PromptHistoryPanel::updateButtons);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        QList<int> v = selectedVersions();
        std::sort(v.begin(), v.end());
        if (v.size() == 1 && v[0] != m_current)
            v << m_current;
        if (v.size() >= 2)
            emit compareRequested(v.first(), v.last());
    });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const QList<int> v = selectedVersions();
        if (v.size() == 1)
            emit restoreRequested(v[0]);
    });
    connect(m_promote, &QPushButton::clicked, this, [this] {
        const QList<int> v = selectedVersions();
        if (v.size() == 1)
            emit promoteRequested(v[0]);
    });
    updateButtons();
}

void PromptHistoryPanel::setDetail(const PromptDetail &detail)
{
    m_current = detail.summary.currentVersion;
    m_production = detail.summary.labels.value(QStringLiteral("production"), 0);
    m_latest = detail.summary.latestVersion;
    m_table->setRowCount(int(detail.versions.size()));
    for (int i = 0; i < detail.versions.size(); ++i) {
        const PromptVersion &v = detail.versions[i];
        QStringList labels;
        for (auto it = detail.summary.labels.cbegin(); it != detail.summary.labels.cend(); ++it)
            if (it.value() == v.versionNo)
                labels << it.key();
        if (v.versionNo == detail.summary.latestVersion)
            labels << QStringLiteral("latest");
        if (v.versionNo == m_current)
            labels.prepend(tr("current"));
        auto *version = new QTableWidgetItem(QString::number(v.versionNo));
        version->setData(Qt::UserRole, v.versionNo);
        m_table->setItem(i, 0, version);
        m_table->setItem(i, 1, new QTableWidgetItem(labels.join(QStringLiteral(", "))));
        // A role other than the owner named another author or time: the database kept its own
        // (migration 0023); the cell says so and its tooltip shows the claim.
        auto *author
            = new QTableWidgetItem(v.claimed() ? tr("%1 (claim differs)").arg(v.author) : v.author);
        if (v.claimed())
            author->setToolTip(
                tr("Written by %1; the row claimed author %2, created %3")
                    .arg(v.author,
                         v.claimedAuthor.isEmpty() ? QStringLiteral("-") : v.claimedAuthor,
                         v.claimedCreatedAt.isValid() ? LocaleFormat::dateTime(v.claimedCreatedAt)
                                                      : QStringLiteral("-")));
        m_table->setItem(i, 2, author);
        m_table->setItem(i, 3, new QTableWidgetItem(LocaleFormat::dateTime(v.createdAt)));
        m_table->setItem(i, 4, new QTableWidgetItem(v.changeNote));
        auto *sum = new QTableWidgetItem(v.checksum.left(12));
        sum->setToolTip(v.checksum);
        m_table->setItem(i, 5, sum);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void PromptHistoryPanel::clear()
{
    m_table->setRowCount(0);
    m_current = 0;
    m_production = 0;
    m_latest = 0;
    updateButtons();
}

void PromptHistoryPanel::setWritable(bool writable, const QString &reason)
{
    m_writable = writable;
    m_reason = reason;
    updateButtons();
}

QList<int> PromptHistoryPanel::selectedVersions() const
{
    QList<int> out;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        out << m_table->item(i.row(), 0)->data(Qt::UserRole).toInt();
    return out;
}

void PromptHistoryPanel::selectVersions(const QList<int> &versions)
{
    m_table->clearSelection();
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (versions.contains(m_table->item(r, 0)->data(Qt::UserRole).toInt()))
            m_table->selectionModel()->select(m_table->model()->index(r, 0),
                                              QItemSelectionModel::Select
                                                  | QItemSelectionModel::Rows);
}

void PromptHistoryPanel::updateButtons()
{
    const QList<int> v = selectedVersions();
    m_compare->setEnabled(v.size() == 2 || (v.size() == 1 && v[0] != m_current));
    m_restore->setEnabled(m_writable && v.size() == 1 && v[0] != m_latest);
    m_restore->setToolTip(!m_writable ? m_reason
                                      : tr("A new version with the selected version's content"));
    m_promote->setEnabled(m_writable && v.size() == 1 && v[0] != m_production);
    m_promote->setToolTip(!m_writable ? m_reason
                                      : tr("Move the production label to the selected version: "
                                           "the platform serves it from then on"));
}

} // namespace uaip
