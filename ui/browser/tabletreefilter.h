#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

namespace uaip {

class TableTree;

// Above the table tree: a filter line (a part of "schema.name", case ignored, applied a moment
// after the last key so ten thousand tables are not filtered per key; a clear button) and how
// many tables the tree lists of how many.
class TableTreeFilter : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;

    explicit TableTreeFilter(TableTree *tree, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QLabel *countLabel() const { return m_count; }
    // Puts the cursor in the filter line, its text selected.
    void focusEdit();

private:
    void showCounts(int shown, int total);

    TableTree *m_tree;
    QLineEdit *m_edit;
    QLabel *m_count;
    QTimer *m_debounce;
};

} // namespace uaip
