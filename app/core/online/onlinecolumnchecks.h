#pragma once

#include "onlinecatalog.h"

#include "error/error.h"
#include "error/result.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace uaip {

class PgConnection;
struct OnlineChange;

// What every online change of a column checks and names first (OnlineChangeWriter): the table
// (no partitioned, inherited or non-table relation), the column, what holds it (a key, a
// constraint, a view, a policy, an index that cannot be built again), and the helper objects'
// hash. Messages are OnlineChangeWriter's.
class OnlineColumnChecks
{
public:
    static QString quotedName(const QString &name);
    // The helper objects' hash: the same change, the same names.
    static QString hashOf(const OnlineChange &change, const OnlineCatalog::Table &table);
    // schema.table.column and schema.table as messages name them.
    static QString columnText(const OnlineCatalog::Table &table, const QString &column);
    static QString tableText(const OnlineCatalog::Table &table);
    // Refused: "OBJECT WHY: no online form is written for it; ...".
    static Error refused(const QString &object, const QString &why);
    // The table, and why no column of it can be copied online (partitioned, inherited, no table).
    static Result<OnlineCatalog::Table> columnTable(PgConnection &catalog,
                                                    const OnlineChange &change);
    // The table (columnTable) and the change's column (existingColumn).
    static Result<std::pair<OnlineCatalog::Table, OnlineCatalog::Column>>
    tableAndColumn(PgConnection &catalog, const OnlineChange &change);
    // Conflict naming table.name when the table has a column of that name already.
    static std::optional<Error> nameTaken(PgConnection &catalog, const OnlineCatalog::Table &table,
                                          const QString &name);
    // The column; NotFound naming it.
    static Result<OnlineCatalog::Column>
    existingColumn(PgConnection &catalog, const OnlineCatalog::Table &table, const QString &name);
    // Whether a CHECK (x IS NOT NULL) proves x NOT NULL to PostgreSQL (not of a composite, a
    // domain or a pseudo-type: scalar_columns.sql).
    static bool checkProvesNotNull(char typeKind);
    // What holds a column, in words (a use's kind: p, f, c, u, x, view, rule, ...).
    static QString constraintWords(const QString &kind);
    // Why the column cannot be copied online (or the failed read); none when it can (its plain
    // indexes are kept).
    static std::optional<Error> copyRefusal(PgConnection &catalog,
                                            const OnlineCatalog::Table &table,
                                            const OnlineCatalog::Column &column, bool typeChange,
                                            QList<OnlineCatalog::Index> *plainIndexes);
};

} // namespace uaip
