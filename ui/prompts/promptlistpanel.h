#pragma once

#include "prompts/promptlister.h"
#include "prompts/promptsummary.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace uaip {

class FlowLayout;

class PromptListModel;

// The list half of the Prompts view: the filter bar (full-text search, type, active, usage
// period; the view adds its action buttons to it) and the table of prompts. It reads nothing
// itself: the view lists with filter() and hands the rows over (setPrompts), then the usage of
// the period (setUsage), so the list shows before ai_interactions is aggregated.
class PromptListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PromptListPanel(QWidget *parent = nullptr);

    void addToolWidget(QWidget *widget); // at the end of the filter bar

    // What the bar asks for; withUsage false (usage comes with setUsage).
    PromptListFilter filter() const;
    // Shows the rows, keeps `currentId` selected, offers the types of an unfiltered list.
    void setPrompts(QList<PromptSummary> prompts, const QString &currentId, bool allTypes);
    void setUsage(const QHash<QString, PromptLister::Usage> &usage);
    void clear();
    // Selects the row of promptId without promptPicked().
    void selectPrompt(const QString &promptId);
    QStringList selectedPromptIds() const;

    PromptListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *periodBox() const { return m_period; }

signals:
    void filterChanged(); // search typed (after a pause), type, active or period picked
    void promptPicked(const QString &promptId); // the user made another row current

private:
    void onCurrentRowChanged();
    void setTypes(const QList<PromptSummary> &prompts);

    PromptListModel *m_model;
    FlowLayout *m_bar; // wraps when narrow: never widens the window
    QLineEdit *m_search;
    QComboBox *m_type;
    QComboBox *m_active;
    QComboBox *m_period;
    QTableView *m_table;
    QTimer *m_searchTimer;
    bool m_reselecting = false;
};

} // namespace uaip
