#pragma once

#include "browse/foreignkeyinfo.h"

#include <QModelIndex>
#include <QVariantList>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace uaip {

struct ColumnInfo;
class EntityModel;

// The current row as a form: every column with its type, NULL shown and settable apart from
// the empty string, defaults and generated columns marked; edits go to the model as staged
// edits. Foreign keys can be followed to the referenced row, and the rows of other tables
// that reference this one can be listed.
class RowDetailPanel : public QWidget
{
    Q_OBJECT
public:
    RowDetailPanel(EntityModel *model, QWidget *parent = nullptr);

    void setRow(int row);
    int row() const { return m_row; }
    void rebuild();

signals:
    // A typed value was not written to the row; reason says why (translated).
    void valueRefused(const QModelIndex &index, const QString &reason);
    void followRequested(const uaip::ForeignKeyInfo &foreignKey, const QVariantList &values);
    void referencingRequested(const uaip::ForeignKeyInfo &foreignKey, const QVariantList &values);

private:
    void addField(QVBoxLayout *form, int c, const ColumnInfo &info);
    void applyEdit(QLineEdit *edit, int c);
    // Marks the field as holding a refused value (reason), or clears the mark (empty).
    void markRefused(QLineEdit *edit, const QString &reason);
    // The field holds a value refused in the row shown.
    bool isRefused(const QLineEdit *edit) const;
    void refresh();
    // The form was built for the table the model has open now (not for the previous one
    // while a new table is being opened: its columns differ or are not known yet).
    bool formIsCurrent() const;

    EntityModel *m_model;
    int m_row = -1;
    int m_refusedRow = -1; // the row whose fields hold refused values
    quint32 m_formTable = 0; // oid of the table the form was built for
    QStringList m_formColumns; // its column names, in order
    QLabel *m_title;
    QWidget *m_form = nullptr;
    QVBoxLayout *m_layout;
    QVBoxLayout *m_links;
    QWidget *m_linkBox;
};

} // namespace uaip
