#include "rowdetailpanel.h"

#include "browse/entitymodel.h"
#include "browse/numericcellvalue.h"
#include "browse/textcellvalue.h"
#include "browse/valuesyntax.h"
#include "browser/celldelegate.h"
#include "widgets/elidingbutton.h"
#include "widgets/statestyle.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStyle>

#include <limits>

namespace uaip {

namespace {
const char *const kColumnProperty = "uaipColumn";
const char *const kRefusedProperty = "uaipRefused"; // the field holds a refused value
} // namespace

RowDetailPanel::RowDetailPanel(EntityModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_layout(new QVBoxLayout)
    , m_links(new QVBoxLayout)
    , m_linkBox(new QWidget(this))
{
    auto *outer = new QVBoxLayout(this);
    // The panel is narrow: the dock's frame is its margin; the nested layouts add none, so
    // that the values get the width (each nested layout's default margins took ~20 px).
    outer->setContentsMargins(2, 2, 2, 2);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_links->setContentsMargins(0, 0, 0, 0);
    m_title->setWordWrap(true);
    outer->addWidget(m_title);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    // The form follows the panel's width (fields shrink); only long forms scroll, vertically.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QWidget(scroll);
    inner->setLayout(m_layout);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);
    m_linkBox->setLayout(m_links);
    outer->addWidget(m_linkBox);
    connect(model, &EntityModel::tableOpened, this, &RowDetailPanel::rebuild);
    // The same table, now with its defaults and foreign keys: the row shown stays (its values
    // become editable).
    connect(model, &EntityModel::tableDetailsLoaded, this, [this] {
        const int row = m_row;
        rebuild();
        setRow(row);
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &a, const QModelIndex &b) {
                if (m_row >= a.row() && m_row <= b.row())
                    refresh();
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1); });
}

void RowDetailPanel::rebuild()
{
    delete m_form;
    m_form = new QWidget;
    // The panel is narrow: each caption (with its NULL box) above its value, both at the
    // form's whole width.
    auto *form = new QVBoxLayout(m_form);
    form->setContentsMargins(4, 2, 4, 2);
    const TableInfo &table = m_model->table();
    m_formTable = table.oid;
    m_formColumns.clear();
    for (const ColumnInfo &info : table.columns)
        m_formColumns << info.name;
    for (int c = 0; c < table.columns.size(); ++c)
        addField(form, c, table.columns[c]);
    m_layout->insertWidget(0, m_form);
    setRow(-1);
}

// Column c's caption, and below it its value with its NULL box.
void RowDetailPanel::addField(QVBoxLayout *form, int c, const ColumnInfo &info)
{
    // The caption on a line of its own, the value below it with its NULL box: the box
    // without a label (the tool tip names it), so a narrow panel leaves the value its room.
    auto *row = new QWidget(m_form);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    // QLineEdit keeps 32767 characters by default and cuts the rest silently: a longer value
    // would be shown cut and, once edited, saved cut.
    edit->setMaxLength(std::numeric_limits<int>::max());
    edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 4);
    edit->setObjectName(QStringLiteral("value_") + info.name);
    edit->setProperty(kColumnProperty, c);
    const QString p = CellDelegate::pattern(info);
    if (!p.isEmpty())
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(p), edit));
    auto *null = new QCheckBox(row);
    null->setToolTip(tr("NULL"));
    null->setAccessibleName(tr("NULL"));
    h->addWidget(edit, 1);
    h->addWidget(null);
    null->setObjectName(QStringLiteral("null_") + info.name);
    null->setEnabled(!info.notNull);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, c] { applyEdit(edit, c); });
    connect(null, &QCheckBox::clicked, this, [this, c, edit](bool checked) {
        markRefused(edit, QString()); // NULL (or the empty text) replaces a refused value
        if (m_row >= 0 && formIsCurrent())
            m_model->setData(m_model->index(m_row, c), checked ? QVariant() : QVariant(QString()));
    });
    QString label = info.name + QStringLiteral(" (") + info.displayType + u')';
    if (info.generated)
        label += tr(" generated");
    else if (info.hasDefault())
        label += tr(" default");
    // Wrapped: a long name and type never make the form wider than the panel.
    auto *caption = new QLabel(label, m_form);
    caption->setWordWrap(true);
    // A name longer than the panel is cut at its edge (whole in the tool tip) rather than
    // making the form wider than the panel, which would push the values' NULL boxes out.
    // (an explicit minimum: a wrapped label's own minimum is its longest word)
    caption->setMinimumWidth(caption->fontMetrics().averageCharWidth() * 4);
    caption->setToolTip(label);
    caption->setBuddy(edit);
    form->addWidget(caption);
    form->addWidget(row);
}

// A value typed in column c's field: checked, then written to the current row. A value the
// column cannot take stays in the field, marked, with the reason (naming the column) in its
// tool tip and the status line; leaving the field again after a correction tries again.
void RowDetailPanel::applyEdit(QLineEdit *edit, int c)
{
    if (m_row < 0 || !edit->isModified() || !formIsCurrent())
        return;
    const TableInfo &table = m_model->table();
    const ColumnInfo &col = table.columns[c];
    QString value = edit->text();
    QString refused;
    if (NumericCellValue::isNumeric(col)) {
        const NumericCellValue number = NumericCellValue::fromText(value, col, QLocale());
        if (number.ok())
            value = number.value();
        else
            refused = tr("%1.%2: %3").arg(table.displayName(), col.name, number.error());
    }
    if (const QString tooLong = TextCellValue::refusal(value, col);
        refused.isEmpty() && !tooLong.isEmpty())
        refused = tr("%1.%2: %3").arg(table.displayName(), col.name, tooLong);
    if (refused.isEmpty())
        refused = ValueSyntax::refusal(value, table, c);
    if (!refused.isEmpty()) {
        markRefused(edit, refused);
        emit valueRefused(m_model->index(m_row, c), refused);
        return;
    }
    edit->setModified(false);
    markRefused(edit, QString());
    m_model->setData(m_model->index(m_row, c), value);
}

void RowDetailPanel::markRefused(QLineEdit *edit, const QString &reason)
{
    const bool refused = !reason.isEmpty();
    if (refused)
        m_refusedRow = m_row;
    edit->setProperty(kRefusedProperty, refused);
    edit->setToolTip(reason);
    QPalette palette = this->palette();
    if (refused)
        palette.setColor(QPalette::Base, StateStyle::cellBackground(StateStyle::Cell::Error));
    edit->setPalette(refused ? palette : QPalette());
}

bool RowDetailPanel::isRefused(const QLineEdit *edit) const
{
    return edit->property(kRefusedProperty).toBool() && m_row == m_refusedRow;
}

void RowDetailPanel::setRow(int row)
{
    if (row != m_row && m_form) // another row: what was refused in this one is let go
        for (QLineEdit *edit : m_form->findChildren<QLineEdit *>())
            if (edit->property(kRefusedProperty).toBool())
                markRefused(edit, QString());
    m_row = row;
    refresh();
}

bool RowDetailPanel::formIsCurrent() const
{
    const TableInfo &table = m_model->table();
    if (!m_form || m_formTable != table.oid || m_formColumns.size() != table.columns.size())
        return false;
    for (int c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name != m_formColumns[c])
            return false;
    return true;
}

void RowDetailPanel::refresh()
{
    const TableInfo &table = m_model->table();
    // The model resets (a new table, a reload) before the form is rebuilt for it: the form's
    // columns are then not the table's, and the row may be gone.
    if (!formIsCurrent() || m_row >= m_model->rowCount())
        m_row = -1;
    const QVariantList values = m_row >= 0 ? m_model->rowValues(m_row) : QVariantList();
    const bool editable = m_row >= 0 && values.size() == table.columns.size();
    m_title->setText(m_row < 0 ? tr("No row selected.")
                               : tr("%1, row %2").arg(table.displayName()).arg(m_row + 1));
    if (m_form)
        m_form->setVisible(editable);
    if (editable) {
        for (QLineEdit *edit : m_form->findChildren<QLineEdit *>()) {
            const int c = edit->property(kColumnProperty).toInt();
            const QModelIndex index = m_model->index(m_row, c);
            if (isRefused(edit))
                continue; // the refused text stays until corrected or the row changes
            const bool isNull = editable && index.data(EntityModel::NullRole).toBool();
            const QString value
                = editable && !isNull ? index.data(Qt::EditRole).toString() : QString();
            edit->setText(NumericCellValue::isNumeric(table.columns[c]) && !value.isEmpty()
                              ? NumericCellValue::toDisplay(value, QLocale())
                              : value);
            edit->setCursorPosition(0); // a long value shows its beginning, not its end
            edit->setPlaceholderText(editable ? index.data(Qt::DisplayRole).toString() : QString());
            edit->setReadOnly(!(m_model->flags(index) & Qt::ItemIsEditable));
            // A field that cannot change says why (read-only profile, no privilege, ...).
            edit->setToolTip(edit->isReadOnly() ? m_model->cellReadOnlyReason(index) : QString());
            edit->setModified(false);
            if (auto *null
                = m_form->findChild<QCheckBox *>(QStringLiteral("null_") + table.columns[c].name)) {
                null->setChecked(isNull);
                null->setEnabled(!table.columns[c].notNull && !edit->isReadOnly());
            }
        }
    }
    // Later, not now: the refresh may come from a click on one of these buttons (following a
    // key opens another table), which is still being delivered.
    while (QLayoutItem *item = m_links->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    if (!editable)
        return;
    auto valuesOf = [&](const QStringList &columns) {
        QVariantList out;
        for (const QString &c : columns)
            out << values.value(table.columnIndex(c));
        return out;
    };
    for (const ForeignKeyInfo &fk : table.foreignKeys) {
        const QVariantList v = valuesOf(fk.columns);
        // Eliding: a long name never widens the panel beyond the window (issue 21, point 11).
        auto *b = new ElidingButton(
            tr("→ %1.%2 (%3)").arg(fk.refSchema, fk.refTable, fk.columns.join(u',')), m_linkBox);
        b->setEnabled(
            std::none_of(v.begin(), v.end(), [](const QVariant &x) { return x.isNull(); }));
        connect(b, &QPushButton::clicked, this, [this, fk, v] { emit followRequested(fk, v); });
        m_links->addWidget(b);
    }
    for (const ForeignKeyInfo &fk : table.referencedBy) {
        const QVariantList v = valuesOf(fk.refColumns);
        auto *b = new ElidingButton(
            tr("← rows of %1.%2 (%3)").arg(fk.schema, fk.table, fk.columns.join(u',')), m_linkBox);
        connect(b, &QPushButton::clicked, this,
                [this, fk, v] { emit referencingRequested(fk, v); });
        m_links->addWidget(b);
    }
}

} // namespace uaip
