#pragma once

#include "indexadvice/indexaction.h"

#include <QCoreApplication>
#include <QList>

class QStandardItemModel;

namespace uaip {

struct AdviceReport;
struct ConnectionUsage;
struct IndexHealthReport;
struct TableHealthReport;
struct Workload;

// The Health view's tables, filled from the insights' readings: numbers as numbers (they sort
// as numbers), names as the catalog spells them, the full text of a statement, plan or finding
// in each row's Qt::UserRole (the details pane shows it).
class HealthModels
{
    Q_DECLARE_TR_FUNCTIONS(uaip::HealthModels)

public:
    static void fillQueries(QStandardItemModel *model, const Workload &workload);
    // The role of a row's first cell that holds the number of its action in what fillIndexes
    // returns (the rows sort; the numbers stay).
    static constexpr int kActionRole = Qt::UserRole + 2;

    // Proposed indexes first, then the findings; the action each row takes, in row order.
    static QList<IndexAction> fillIndexes(QStandardItemModel *model, const AdviceReport &advice,
                                          const IndexHealthReport &health);
    static void fillTables(QStandardItemModel *model, const TableHealthReport &report);
    // What holds back the xmin horizon, the wraparound headroom, the sequences.
    static void fillHorizon(QStandardItemModel *model, const TableHealthReport &report);
    static void fillConnections(QStandardItemModel *model, const ConnectionUsage &usage);
    static void fillIdle(QStandardItemModel *model, const ConnectionUsage &usage);
    // The sentence above the connection tables.
    static QString connectionsSummary(const ConnectionUsage &usage);
    // How much of a plan's cost an index cuts, in percent: whole, but with one decimal where a
    // whole number would say 100 (or 0) of a cut that is not.
    static QString costCut(double before, double after);
};

} // namespace uaip
