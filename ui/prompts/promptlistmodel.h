#pragma once

#include "prompts/promptsummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// The prompt list of the Prompts view: one row per PromptSummary (name, type, model, current
// version, labels, active, usage in the chosen period); locked rows say why in a tooltip.
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

    void setPrompts(const QList<PromptSummary> &prompts);
    const QList<PromptSummary> &prompts() const { return m_prompts; }
    int rowOf(const QString &promptId) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString labelsText(const PromptSummary &p);

private:
    QList<PromptSummary> m_prompts;
};

} // namespace uaip
