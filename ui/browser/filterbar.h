#pragma once

#include "browse/browsequery.h"
#include "browse/tableinfo.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace uaip {

// Per-column conditions (=, ≠, <, >, contains, is null, is not null, in — values bound, never
// spliced) plus a free WHERE clause that the server checks before it is used. Emits the
// query to apply; the view passes it to the model.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setTable(const TableInfo &table);
    // Shows the query in force (after the model accepted it).
    void setQuery(const BrowseQuery &query);
    void showProblem(const QString &message);
    void focusValue();

    QComboBox *columnBox() const { return m_column; }
    QComboBox *opBox() const { return m_op; }
    QLineEdit *valueEdit() const { return m_value; }
    QLineEdit *whereEdit() const { return m_where; }
    QPushButton *addButton() const { return m_add; }
    QLabel *summaryLabel() const { return m_summary; }

signals:
    void queryRequested(const uaip::BrowseQuery &query);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void addCondition();
    void applyWhere();
    void arrange(bool narrow);

    BrowseQuery m_query;
    QComboBox *m_column;
    QComboBox *m_op;
    QLineEdit *m_value;
    QPushButton *m_add;
    QLineEdit *m_where;
    QLabel *m_summary;
    QPushButton *m_clear;
    QGridLayout *m_grid;
    bool m_narrow = false;
};

} // namespace uaip
