#pragma once

#include <QTableView>

#include <optional>

class QSortFilterProxyModel;

namespace uaip {

class MigrationTableModel;

// The migrations table: a MigrationTableModel behind a QSortFilterProxyModel (filtered on every
// column), one row selected at a time, selection by version.
class MigrationTableView : public QTableView
{
    Q_OBJECT
public:
    explicit MigrationTableView(QWidget *parent = nullptr);

    MigrationTableModel *migrations() const { return m_model; }
    void setFilterText(const QString &text);
    std::optional<QString> selectedVersion() const;
    bool selectVersion(const QString &version);
    // Room for the header and kPreferredRows rows: the splitter gives the table that much
    // and the SQL below the rest.
    QSize sizeHint() const override;
    static constexpr int kPreferredRows = 12;

signals:
    void selectionMoved();

private:
    MigrationTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace uaip
