#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTableWidget;

namespace uaip {

// The table of a dry-run dialog (prompt import, prompt seed): the file's problems, one per row,
// or the dialog's own rows; read-only, no row numbers, the last column stretched.
class DryRunTable
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DryRunTable)
public:
    // One "Problem" column, one row per problem.
    static void showProblems(QTableWidget *table, const QStringList &problems);
    // Read-only, row numbers hidden, last column stretched, columns fitted to their contents.
    static void finish(QTableWidget *table);
};

} // namespace uaip
