#include "promptlistmodel.h"

#include <QIcon>
#include <QLocale>
#include <QStyle>

namespace uaip {

PromptListModel::PromptListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PromptListModel::setPrompts(QList<PromptSummary> prompts)
{
    beginResetModel();
    m_prompts = std::move(prompts);
    m_rows.clear();
    m_rows.reserve(m_prompts.size());
    for (qsizetype i = 0; i < m_prompts.size(); ++i)
        m_rows.insert(m_prompts[i].promptId, int(i));
    endResetModel();
}

void PromptListModel::setUsage(const QHash<QString, PromptLister::Usage> &usage)
{
    if (m_prompts.isEmpty())
        return;
    for (PromptSummary &p : m_prompts) {
        const auto it = usage.constFind(p.id);
        const PromptLister::Usage u = it == usage.cend() ? PromptLister::Usage() : *it;
        p.interactions = u.interactions;
        p.successRate = u.successRate;
        p.meanLatencyMs = u.meanLatencyMs;
    }
    emit dataChanged(index(0, Interactions), index(int(m_prompts.size()) - 1, Latency),
                     {Qt::DisplayRole});
}

int PromptListModel::rowOf(const QString &promptId) const
{
    return m_rows.value(promptId, -1);
}

int PromptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_prompts.size());
}

int PromptListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PromptListModel::labelsText(const PromptSummary &p)
{
    QStringList parts;
    for (auto it = p.labels.cbegin(); it != p.labels.cend(); ++it)
        parts << QStringLiteral("%1→v%2").arg(it.key()).arg(it.value());
    parts << QStringLiteral("latest→v%1").arg(p.latestVersion);
    return parts.join(QStringLiteral(", "));
}

QVariant PromptListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_prompts.size())
        return {};
    const PromptSummary &p = m_prompts[index.row()];
    if (role == PromptIdRole)
        return p.promptId;
    if (role == Qt::ToolTipRole)
        return p.tampered ? tr("Tampered: %1").arg(p.lockReason)
            : p.locked    ? tr("Locked: %1").arg(p.lockReason)
                          : QStringLiteral("%1 (%2)").arg(p.name, p.promptId);
    if (role == Qt::DecorationRole && index.column() == Name && p.tampered)
        return QIcon::fromTheme(QStringLiteral("dialog-warning"));
    if (role == Qt::DecorationRole && index.column() == Name && p.locked)
        return QIcon::fromTheme(QStringLiteral("emblem-locked"));
    if (role == Qt::TextAlignmentRole && index.column() >= Current && index.column() != Labels
        && index.column() != Active)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case Name:
        return p.tampered ? tr("%1 (tampered)").arg(p.name)
            : p.locked    ? tr("%1 (locked)").arg(p.name)
                          : p.name;
    case Type:
        return p.promptType;
    case Model:
        return p.modelPreference;
    case Current:
        return p.currentVersion;
    case Labels:
        return labelsText(p);
    case Active:
        return p.isActive ? tr("yes") : tr("no");
    case Interactions:
        return locale.toString(p.interactions);
    case SuccessRate:
        return p.successRate ? tr("%1%").arg(locale.toString(*p.successRate * 100.0, 'f', 1))
                             : QStringLiteral("–");
    case Latency:
        return p.meanLatencyMs ? tr("%1 ms").arg(locale.toString(*p.meanLatencyMs, 'f', 0))
                               : QStringLiteral("–");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PromptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[ColumnCount]
        = {QT_TR_NOOP("Name"),         QT_TR_NOOP("Type"),    QT_TR_NOOP("Model"),
           QT_TR_NOOP("Version"),      QT_TR_NOOP("Labels"),  QT_TR_NOOP("Active"),
           QT_TR_NOOP("Interactions"), QT_TR_NOOP("Success"), QT_TR_NOOP("Mean latency")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace uaip
