#include "celldelegate.h"

#include "browse/entitymodel.h"
#include "browse/numericcellvalue.h"
#include "browse/textcellvalue.h"
#include "browse/valuesyntax.h"
#include "browser/foreignkeypicker.h"
#include "browser/jsontext.h"
#include "widgets/statestyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QToolTip>

namespace uaip {

namespace {

const char *const kKindProperty = "uaipEditorKind";
const char *const kWasNullProperty = "uaipWasNull";
const char *const kIndexProperty = "uaipIndex";
const QString kNullItem = QStringLiteral("NULL");
constexpr int kToolTipLimit = 10000;

bool isMultiLine(const ColumnInfo &c)
{
    using K = ColumnInfo::Kind;
    return c.kind == K::Json || c.kind == K::Jsonb
        || (c.kind == K::Text && (c.maxLength < 0 || c.maxLength > 255)) || c.kind == K::Array
        || c.kind == K::Other;
}

const ForeignKeyInfo *foreignKeyOf(const TableInfo &table, const ColumnInfo &column)
{
    for (const ForeignKeyInfo &fk : table.foreignKeys)
        if (fk.columns.size() == 1 && fk.columns.first() == column.name)
            return &fk;
    return nullptr;
}

} // namespace

CellDelegate::CellDelegate(EntityModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{ }

QString CellDelegate::pattern(const ColumnInfo &c)
{
    using K = ColumnInfo::Kind;
    switch (c.kind) {
    case K::Uuid:
        return QStringLiteral("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                              "[0-9a-fA-F]{12}");
    case K::Timestamptz:
    case K::Timestamp:
        return QStringLiteral("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?)?"
                              "( ?([+-]\\d{2}(:?\\d{2})?|Z|UTC))?|infinity|-infinity");
    case K::Date:
        return QStringLiteral("\\d{4}-\\d{2}-\\d{2}|infinity|-infinity");
    default:
        return QString();
    }
}

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    const TableInfo &table = m_model->table();
    const ColumnInfo &c = table.columns.value(index.column());
    using K = ColumnInfo::Kind;
    QWidget *editor = nullptr;
    if (const ForeignKeyInfo *fk = foreignKeyOf(table, c)) {
        auto *picker = new ForeignKeyPicker(m_model->loader()->browseWorker(), *fk, parent);
        picker->setNullable(!c.notNull);
        editor = picker;
    } else if (c.kind == K::Enum) {
        auto *combo = new QComboBox(parent);
        combo->addItems(c.enumLabels);
        if (!c.notNull)
            combo->addItem(kNullItem);
        editor = combo;
    } else if (c.kind == K::Bool) {
        auto *box = new QCheckBox(parent);
        box->setTristate(!c.notNull);
        box->setAutoFillBackground(true);
        editor = box;
    } else if (isMultiLine(c)) {
        auto *text = new QPlainTextEdit(parent);
        text->setTabChangesFocus(true);
        text->setToolTip(tr("Enter saves the cell; Shift+Enter or Ctrl+Enter starts a new line."));
        editor = text;
    } else {
        auto *line = new QLineEdit(parent);
        const QString p = pattern(c);
        if (!p.isEmpty())
            line->setValidator(new QRegularExpressionValidator(QRegularExpression(p), line));
        // No setMaxLength: QLineEdit cuts a longer text silently (typed or pasted); the text is
        // taken whole and refused with the limit and its length (TextCellValue).
        if (NumericCellValue::isNumeric(c))
            line->setPlaceholderText(
                c.notNull ? tr("%1, e.g. %2").arg(c.displayType, QLocale().toString(1234.5, 'f', 1))
                          : tr("%1, e.g. %2 (Ctrl+0 sets NULL)")
                                .arg(c.displayType, QLocale().toString(1234.5, 'f', 1)));
        else
            line->setPlaceholderText(
                c.notNull ? c.displayType
                          : tr("%1 (empty text; Ctrl+0 sets NULL)").arg(c.displayType));
        editor = line;
    }
    editor->setProperty(kKindProperty, int(c.kind));
    editor->setProperty(kIndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    return editor;
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    // A text editor cannot show NULL: it stays NULL unless the user types (Ctrl+0 sets NULL).
    editor->setProperty(kWasNullProperty, value.isNull());
    const ColumnInfo &c = m_model->table().columns.value(index.column());
    if (auto *picker = qobject_cast<ForeignKeyPicker *>(editor))
        picker->setValue(value);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(value.isNull() ? kNullItem : value.toString());
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setCheckState(value.isNull()                               ? Qt::PartiallyChecked
                               : value.toString() == QLatin1String("t") ? Qt::Checked
                                                                        : Qt::Unchecked);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        // jsonb only: json keeps its text as written (key order, duplicates, spacing).
        text->setPlainText(c.kind == ColumnInfo::Kind::Jsonb ? JsonText::pretty(value.toString())
                                                             : value.toString());
        text->document()->setModified(false);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(NumericCellValue::isNumeric(c) && !value.isNull()
                          ? NumericCellValue::toDisplay(value.toString(), QLocale())
                          : value.toString());
}

bool CellDelegate::editorValue(QWidget *editor, const TableInfo &table, int column, QVariant *value,
                               QString *reason)
{
    const ColumnInfo &c = table.columns.value(column);
    if (auto *picker = qobject_cast<ForeignKeyPicker *>(editor)) {
        *value = picker->value();
        return true;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        *value = combo->currentText() == kNullItem ? QVariant() : QVariant(combo->currentText());
        return true;
    }
    if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        const Qt::CheckState s = box->checkState();
        *value = s == Qt::PartiallyChecked ? QVariant()
                                           : QVariant(QString(s == Qt::Checked ? u't' : u'f'));
        return true;
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        const QString t = text->toPlainText();
        if (editor->property(kWasNullProperty).toBool() && !text->document()->isModified()) {
            *value = QVariant();
            return true;
        }
        QString refused = TextCellValue::refusal(t, c);
        if (refused.isEmpty())
            refused = ValueSyntax::refusal(t, table, column); // JSON, array, bytea
        if (!refused.isEmpty()) {
            if (reason)
                *reason = refused;
            return false;
        }
        *value = t;
        return true;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (editor->property(kWasNullProperty).toBool() && !line->isModified()) {
            *value = QVariant();
            return true;
        }
        if (NumericCellValue::isNumeric(c)) {
            const NumericCellValue number = NumericCellValue::fromText(line->text(), c, QLocale());
            if (!number.ok()) {
                if (reason)
                    *reason = number.error();
                return false;
            }
            *value = number.value();
            return true;
        }
        if (!line->hasAcceptableInput())
            return false;
        QString refused = TextCellValue::refusal(line->text(), c);
        if (refused.isEmpty())
            refused = ValueSyntax::refusal(line->text(), table, column);
        if (!refused.isEmpty()) {
            if (reason)
                *reason = refused;
            return false;
        }
        *value = line->text();
        return true;
    }
    return false;
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    QVariant value;
    QString reason;
    const ColumnInfo &c = m_model->table().columns.value(index.column());
    if (!editorValue(editor, m_model->table(), index.column(), &value, &reason)) {
        if (reason.isEmpty())
            reason = tr("Not a valid %1 value.").arg(c.displayType);
        editor->setToolTip(reason);
        // setModelData is const in Qt's interface; the signal changes nothing of ours.
        emit const_cast<CellDelegate *>(this)->valueRefused(index, reason);
        return;
    }
    model->setData(index, value, Qt::EditRole);
}

bool CellDelegate::eventFilter(QObject *object, QEvent *event)
{
    // A number the column cannot hold, or a text longer than its limit, keeps its editor open
    // with the reason (Esc leaves).
    auto *line = qobject_cast<QLineEdit *>(object);
    if (line && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex index = line->property(kIndexProperty).value<QPersistentModelIndex>();
        const ColumnInfo &c = m_model->table().columns.value(index.column());
        const bool commits = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
            || key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        QVariant value;
        QString reason;
        if (commits && index.isValid()
            && (NumericCellValue::isNumeric(c) || TextCellValue::hasLimit(c)
                || ValueSyntax::checks(c))
            && !editorValue(line, m_model->table(), index.column(), &value, &reason)) {
            line->setToolTip(reason);
            emit valueRefused(index, reason);
            return true;
        }
    }
    auto *text = qobject_cast<QPlainTextEdit *>(object);
    if (text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const QModelIndex index = text->property(kIndexProperty).value<QPersistentModelIndex>();
            const ColumnInfo &c = m_model->table().columns.value(index.column());
            QVariant value;
            QString reason;
            if (key->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
                text->insertPlainText(QStringLiteral("\n"));
            } else if (index.isValid() && (TextCellValue::hasLimit(c) || ValueSyntax::checks(c))
                       && !editorValue(text, m_model->table(), index.column(), &value, &reason)
                       && !reason.isEmpty()) {
                // The editor stays open with the value: nothing typed is lost.
                text->setToolTip(reason);
                emit valueRefused(index, reason);
            } else {
                emit commitData(text);
                emit closeEditor(text, QAbstractItemDelegate::NoHint);
            }
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void CellDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                        const QModelIndex &) const
{
    QRect r = option.rect;
    if (qobject_cast<QPlainTextEdit *>(editor) || qobject_cast<ForeignKeyPicker *>(editor)) {
        const int line = option.fontMetrics.height();
        r.setWidth(qMax(r.width(), line * 24));
        r.setHeight(qMax(r.height(), line * 10));
    }
    editor->setGeometry(r);
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto state = EntityModel::CellState(index.data(EntityModel::StateRole).toInt());
    const auto rowState = EntityModel::RowState(index.data(EntityModel::RowStateRole).toInt());
    if (index.data(EntityModel::NullRole).toBool() || state == EntityModel::CellState::Default
        || state == EntityModel::CellState::Generated
        || !index.data(EntityModel::LoadedRole).toBool()) {
        opt.font.setItalic(true);
        // Secondary, but read: the disabled text colour is about 2:1 on white.
        opt.palette.setColor(QPalette::Text, StateStyle::muted());
    }
    if (rowState == EntityModel::RowState::Deleted)
        opt.font.setStrikeOut(true);
    QColor background;
    if (!index.data(EntityModel::ErrorRole).isNull())
        background = StateStyle::cellBackground(StateStyle::Cell::Error);
    else if (state == EntityModel::CellState::Modified)
        background = StateStyle::cellBackground(StateStyle::Cell::Modified);
    else if (rowState == EntityModel::RowState::Inserted)
        background = StateStyle::cellBackground(StateStyle::Cell::Inserted);
    else if (rowState == EntityModel::RowState::Deleted)
        background = StateStyle::cellBackground(StateStyle::Cell::Deleted);
    if (background.isValid())
        painter->fillRect(opt.rect, background);
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

QString CellDelegate::toolTipFor(const QModelIndex &index, const QStyleOptionViewItem &option) const
{
    const QString own = index.data(Qt::ToolTipRole).toString();
    if (!own.isEmpty())
        return own;
    const QVariant value = index.data(Qt::EditRole);
    if (value.isNull())
        return QString();
    const QString full = value.toString();
    const QString shown = index.data(Qt::DisplayRole).toString();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    // Less than the whole value fits: cut by the model (a long or multi-line text) or by the
    // column's edge (the margin: the style's own text padding).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    if (shown == full && opt.fontMetrics.horizontalAdvance(shown) <= text.width() - 2 * margin)
        return QString();
    if (TextCellValue::length(full) <= kToolTipLimit)
        return full;
    // A tool tip of megabytes would take seconds to lay out: its beginning, and a word.
    return tr("%1…\n(%2 characters in all; the row form shows the whole value.)")
        .arg(full.left(kToolTipLimit), QLocale().toString(qint64(TextCellValue::length(full))));
}

bool CellDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        const QString tip = toolTipFor(index, option);
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return false;
        }
        // Rich text wraps at the tool tip's width; plain text would be one line as long as the
        // value. Whitespace and line breaks as they are.
        QToolTip::showText(event->globalPos(),
                           QStringLiteral("<div style=\"white-space: pre-wrap\">%1</div>")
                               .arg(tip.toHtmlEscaped()),
                           view, option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace uaip
