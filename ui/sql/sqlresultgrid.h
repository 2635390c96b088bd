#pragma once

#include "sqlconsole/resultcopy.h"

#include <QStringList>
#include <QTableView>

#include <functional>

class QAction;

namespace uaip {

class SqlResultModel;

// The grid of one result set of the SQL console, with copying of the selected cells: as TSV
// (Ctrl+C; with or without the column names) and as SQL INSERT statements (ResultCopy). The
// copy takes the rows and columns of the selection (the current cell when nothing is
// selected). An INSERT names the result's source table when every column comes from one
// table; otherwise the user is asked for the name (prefilled "result").
class SqlResultGrid : public QTableView
{
    Q_OBJECT
public:
    // Asks for the table's name, prefilled with suggestion; returns its parts (schema, name or
    // name alone), or nothing when cancelled. Tests replace it.
    using TableAsker = std::function<QStringList(QWidget *parent, const QString &suggestion)>;

    explicit SqlResultGrid(SqlResultModel *model, QWidget *parent = nullptr);

    SqlResultModel *resultModel() const { return m_model; }
    void setTableAsker(TableAsker asker) { m_askTable = std::move(asker); }
    // The source table's generated and GENERATED ALWAYS identity columns (read on the tab's
    // session with ResultCopy::readSourceColumns): the INSERTs leave the generated ones out and
    // keep the identity values with OVERRIDING SYSTEM VALUE.
    void setSourceColumns(const ResultCopy::SourceColumns &source) { m_source = source; }
    const ResultCopy::SourceColumns &sourceColumns() const { return m_source; }
    QAction *copyTsvAction() const { return m_copyTsv; }
    QAction *copyTsvWithHeaderAction() const { return m_copyTsvHeader; }
    QAction *copyInsertAction() const { return m_copyInsert; }

    QString selectionAsTsv(bool header) const;
    // The INSERTs of the selection into table (its parts); the source columns apply to the
    // source table only, not to a table the user named.
    QString selectionAsInserts(const QStringList &table) const;
    // The table the INSERTs name: the source table, else what the user types; empty: cancelled.
    QStringList insertTable();

    void copyTsv();
    void copyTsvWithHeader();
    void copyInserts();

private:
    void selectedRowsAndColumns(QList<int> *rows, QList<int> *columns) const;
    // The result's values at rows x columns, row by row.
    QList<QVariantList> values(const QList<int> &rows, const QList<int> &columns) const;

    SqlResultModel *m_model;
    TableAsker m_askTable;
    ResultCopy::SourceColumns m_source;
    QAction *m_copyTsv;
    QAction *m_copyTsvHeader;
    QAction *m_copyInsert;
};

} // namespace uaip
