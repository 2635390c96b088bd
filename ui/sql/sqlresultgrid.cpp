#include "sqlresultgrid.h"

#include "sqlconsole/resultcopy.h"
#include "sqlresultmodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>

#include <algorithm>

namespace uaip {

namespace {

QStringList askTable(QWidget *parent, const QString &suggestion)
{
    bool ok = false;
    const QString typed = QInputDialog::getText(
        parent, SqlResultGrid::tr("Copy as SQL INSERT"),
        SqlResultGrid::tr("The rows do not come from one table. Name of the table to insert "
                          "into (schema.table or table):"),
        QLineEdit::Normal, suggestion, &ok);
    if (!ok)
        return {};
    QStringList parts;
    for (const QString &part : typed.split(u'.'))
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    return parts;
}

} // namespace

SqlResultGrid::SqlResultGrid(SqlResultModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_askTable(askTable)
    , m_copyTsv(new QAction(tr("Copy as TSV"), this))
    , m_copyTsvHeader(new QAction(tr("Copy as TSV with column names"), this))
    , m_copyInsert(new QAction(tr("Copy as SQL INSERT"), this))
{
    setObjectName(QStringLiteral("sqlResultGrid"));
    model->setParent(this);
    setModel(model);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_copyTsv->setShortcut(QKeySequence::Copy);
    m_copyTsv->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyTsv, &QAction::triggered, this, &SqlResultGrid::copyTsv);
    connect(m_copyTsvHeader, &QAction::triggered, this, &SqlResultGrid::copyTsvWithHeader);
    connect(m_copyInsert, &QAction::triggered, this, &SqlResultGrid::copyInserts);
    addActions({m_copyTsv, m_copyTsvHeader, m_copyInsert});
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void SqlResultGrid::selectedRowsAndColumns(QList<int> *rows, QList<int> *columns) const
{
    QModelIndexList cells
        = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    if (cells.isEmpty() && currentIndex().isValid())
        cells.append(currentIndex());
    for (const QModelIndex &cell : std::as_const(cells)) {
        if (!rows->contains(cell.row()))
            rows->append(cell.row());
        if (!columns->contains(cell.column()))
            columns->append(cell.column());
    }
    std::sort(rows->begin(), rows->end());
    std::sort(columns->begin(), columns->end());
}

QList<QVariantList> SqlResultGrid::values(const QList<int> &rows, const QList<int> &columns) const
{
    const SqlResultSet &set = m_model->resultSet();
    QList<QVariantList> out;
    for (int r : rows) {
        QVariantList row;
        for (int c : columns)
            row.append(set.rows.at(r).value(c));
        out.append(row);
    }
    return out;
}

QString SqlResultGrid::selectionAsTsv(bool header) const
{
    QList<int> rows;
    QList<int> columns;
    selectedRowsAndColumns(&rows, &columns);
    QStringList names;
    for (int c : std::as_const(columns))
        names.append(m_model->resultSet().columns.value(c));
    return ResultCopy::tsv(values(rows, columns), header ? names : QStringList());
}

QString SqlResultGrid::selectionAsInserts(const QStringList &table) const
{
    QList<int> rows;
    QList<int> columns;
    selectedRowsAndColumns(&rows, &columns);
    const SqlResultSet &set = m_model->resultSet();
    QStringList names;
    QList<unsigned int> types;
    for (int c : std::as_const(columns)) {
        names.append(set.columns.value(c));
        types.append(set.columnTypes.value(c));
    }
    const bool intoSource = table == set.sourceTable;
    return ResultCopy::inserts(table, names, types, values(rows, columns),
                               intoSource ? m_source : ResultCopy::SourceColumns());
}

QStringList SqlResultGrid::insertTable()
{
    const QStringList source = m_model->resultSet().sourceTable;
    if (!source.isEmpty())
        return source;
    return m_askTable(this, QStringLiteral("result"));
}

void SqlResultGrid::copyTsv()
{
    QGuiApplication::clipboard()->setText(selectionAsTsv(false));
}

void SqlResultGrid::copyTsvWithHeader()
{
    QGuiApplication::clipboard()->setText(selectionAsTsv(true));
}

void SqlResultGrid::copyInserts()
{
    const QStringList table = insertTable();
    if (table.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(selectionAsInserts(table));
}

} // namespace uaip
