#pragma once

#include <QStyledItemDelegate>

namespace uaip {

class EntityModel;
struct ColumnInfo;
struct TableInfo;

// One delegate for the grid and the row form, choosing the editor from the catalog: enum ->
// combo of the type's labels, boolean -> check box (tri-state when nullable), integer,
// numeric(p,s), real and double precision -> a line edit in the user's locale, read by
// NumericCellValue (a value the column cannot hold as typed is refused with the reason; on
// Enter the editor stays open), timestamptz/date -> validated line edit, uuid ->
// validated line edit, json/jsonb -> multi-line editor that validates and pretty-prints,
// foreign key -> a picker that searches the referenced table, text -> multi-line editor.
// Enter commits every editor (as in a one-line cell); in a multi-line editor Shift+Enter or
// Ctrl+Enter starts a new line (said in its tooltip).
// Paints NULL greyed italic, DEFAULT/GENERATED greyed, staged cells highlighted, deleted rows
// struck out and cells with a server error in red. A value the cell shows cut (elided at the
// column's edge, or a long or multi-line text) has its whole text in the cell's tool tip.
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    CellDelegate(EntityModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // The tool tip of a cell shown in `option`'s rectangle: the model's (an error, a default)
    // or, when the cell's text does not show the whole value, the whole value; else empty.
    QString toolTipFor(const QModelIndex &index, const QStyleOptionViewItem &option) const;

    // The text the editor holds, as the server will get it (null QVariant = NULL); false when
    // the editor's content is not valid for the column (*reason says why, where known).
    // A JSON, array or bytea literal the server would refuse is refused naming the column.
    static bool editorValue(QWidget *editor, const TableInfo &table, int column, QVariant *value,
                            QString *reason = nullptr);
    // The validation pattern of a column's line editor (empty: any text; numbers are checked
    // by NumericCellValue instead).
    static QString pattern(const ColumnInfo &column);

signals:
    // The editor's value was not written to the cell; reason says why (translated).
    void valueRefused(const QModelIndex &index, const QString &reason);

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    EntityModel *m_model;
};

} // namespace uaip
