#include "typechangerewrites.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "sqlparse/parsetreenames.h"

#include <QHash>
#include <QPair>

namespace uaip {

namespace {

// Each type change the catalog is asked about: its statement's lock and its index there.
struct Asked
{
    RelationLock *lock;
    qsizetype change;
};

} // namespace

Status TypeChangeRewrites::spareCatalogOnly(PgConnection &connection, PlanForecast &forecast,
                                            const QSet<QString> &anySchema)
{
    QList<Asked> asked;
    QStringList relations, columns, types, typmods;
    // (relation, column) an earlier statement of the plan changed: the catalog's type is not
    // the one the later change starts from
    QSet<QPair<QString, QString>> changedBefore;
    // relations an earlier statement of the plan (of any of its migrations) altered under
    // ACCESS EXCLUSIVE otherwise than by type changes: a column renamed, dropped or added there
    // makes the catalog's column of that name another one than the change meets, so none of
    // its changes is asked
    QSet<QString> alteredBefore;
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements) {
            QSet<QString> alteredHere;
            for (RelationLock &lock : item.forecast.locks) {
                const bool known = forecast.sizes.contains(lock.relation)
                    && !anySchema.contains(lock.relation) && !alteredBefore.contains(lock.relation);
                // (an earlier type change is known column by column: changedBefore)
                if (lock.mode == LockMode::AccessExclusive && lock.typeChanges.isEmpty())
                    alteredHere.insert(lock.relation);
                for (qsizetype i = 0; i < lock.typeChanges.size(); ++i) {
                    const ColumnTypeChange &change = lock.typeChanges.at(i);
                    const QPair<QString, QString> key{lock.relation, change.column};
                    if (known && lock.maybeRewrites && change.plain
                        && !changedBefore.contains(key)) {
                        asked << Asked{&lock, i};
                        relations << lock.relation;
                        columns << change.column;
                        types << change.typeName;
                        typmods << change.typmodsLiteral();
                    }
                    changedBefore.insert(key);
                }
            }
            alteredBefore += alteredHere;
        }
    if (asked.isEmpty())
        return {};
    const PgResult r
        = connection.exec(SqlResource::of("live", "column_type_changes"),
                          {BoundStatement::textArray(relations), BoundStatement::textArray(columns),
                           BoundStatement::textArray(types), BoundStatement::textArray(typmods)});
    if (!r.ok())
        return Error(r.error());
    QHash<RelationLock *, qsizetype> spared; // lock -> how many of its changes
    for (int row = 0; row < r.rows(); ++row) {
        const qsizetype position = r.value(row, 0).toLongLong() - 1;
        if (position >= 0 && position < asked.size())
            ++spared[asked.at(position).lock];
    }
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements)
            for (RelationLock &lock : item.forecast.locks) {
                if (lock.typeChanges.isEmpty() || spared.value(&lock) != lock.typeChanges.size())
                    continue;
                lock.maybeRewrites = false;
                QStringList changed;
                for (const ColumnTypeChange &change : std::as_const(lock.typeChanges))
                    changed << ParseTreeNames::quoteIdentifier(change.column);
                //: %1 the columns, %2 the table, as the statement writes it
                item.forecast.note(tr("The type change of %1 keeps %2's file: PostgreSQL changes "
                                      "only the catalog (the old type converts to the new one "
                                      "without a rewrite); ACCESS EXCLUSIVE is held for a moment.")
                                       .arg(changed.join(QStringLiteral(", ")), lock.relation));
            }
    return {};
}

} // namespace uaip
