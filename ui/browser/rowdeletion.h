#pragma once

#include <QObject>
#include <QString>

class QTableView;
class QWidget;

namespace uaip {

class EntityModel;

// Delete rows in the Entities view: the deletion of the selected rows (or the current one) is
// staged in the model, saved with the other edits. On a production profile it is staged only
// once the database name is typed (TypedConfirmDialog).
class RowDeletion : public QObject
{
    Q_OBJECT
public:
    // The dialog is parent's.
    RowDeletion(EntityModel *model, QTableView *grid, QWidget *parent);

    // The profile the view is on: production (ask first) and its database.
    void setTarget(bool production, const QString &database);
    void deleteSelected();

private:
    QList<int> selectedRows() const;

    EntityModel *m_model;
    QTableView *m_grid;
    QWidget *m_parent;
    bool m_production = false;
    QString m_database;
};

} // namespace uaip
