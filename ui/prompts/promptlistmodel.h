#pragma once

#include "prompts/promptlister.h"
#include "prompts/promptsummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace uaip {

// The prompt list of the Prompts view: one row per PromptSummary (name, type, model, current
// version, labels, active, usage in the chosen period, filled in after the rows); locked rows
// say why in a tooltip.
class PromptListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Type,
        Model,
        Current,
        Labels,
        Active,
        Interactions,
        SuccessRate,
        Latency,
        ColumnCount
    };
    static constexpr int PromptIdRole = Qt::UserRole + 1;

    explicit PromptListModel(QObject *parent = nullptr);

    void setPrompts(QList<PromptSummary> prompts);
    // The usage columns of the period, by ai_prompts.id (prompts not in it: no interactions);
    // only those columns change.
    void setUsage(const QHash<QString, PromptLister::Usage> &usage);
    const QList<PromptSummary> &prompts() const { return m_prompts; }
    int rowOf(const QString &promptId) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString labelsText(const PromptSummary &p);

private:
    QList<PromptSummary> m_prompts;
    QHash<QString, int> m_rows; // prompt_id -> row
};

} // namespace uaip
