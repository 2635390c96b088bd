#include "planforecastreader.h"

#include "blockingworkgate.h"
#include "forecast/altertablelockforecast.h"
#include "forecast/lockblockers.h"
#include "forecast/lockforecasttree.h"
#include "forecast/migrationlockforecast.h"
#include "forecast/relationsizes.h"
#include "typechangerewrites.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "sqlparse/parsetreenames.h"
#include "util/parallelfor.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <utility>

namespace uaip {

namespace {

// One forecast of every relation the plan locks, each in the strongest mode the plan takes it:
// what LockBlockers looks for.
LockForecast strongestLocks(const PlanForecast &forecast)
{
    LockForecast all;
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (!lock.relation.isEmpty())
                    all.add(RelationLock::on(lock.relation, lock.mode));
    return all;
}

// The relations a statement scans or rewrites (under whatever lock it holds by then).
QStringList workedOn(const PlanForecast &forecast)
{
    QStringList names;
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (!lock.relation.isEmpty() && (lock.scans || lock.rewrites || lock.maybeRewrites)
                    && !names.contains(lock.relation))
                    names << lock.relation;
    return names;
}

// The unqualified names locked after a statement of the plan may have changed search_path (in
// the same or an earlier script): read in every schema. Each such statement gets a note.
QSet<QString> afterSearchPathChange(PlanForecast &forecast)
{
    QSet<QString> names;
    bool changed = false;
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements) {
            for (const RelationLock &lock : item.forecast.locks)
                if (changed && !lock.relation.isEmpty()
                    && LockForecastTree::isUnqualified(lock.relation)) {
                    names.insert(lock.relation);
                    if (lock.guessed) // a word of a statement the parser cannot read: no note
                        continue;
                    item.forecast.note(
                        PlanForecastReader::tr("The plan sets its own search_path before this "
                                               "statement: %1 is matched in every schema, and the "
                                               "biggest table of that name counts.")
                            .arg(lock.relation));
                }
            changed = changed || item.forecast.changesSearchPath;
        }
    return names;
}

// The schema part of a relation name as the forecast spells it (empty when unqualified), and
// the rest.
std::pair<QString, QString> splitSchema(const QString &name)
{
    bool quoted = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name.at(i) == u'"')
            quoted = !quoted;
        else if (name.at(i) == u'.' && !quoted)
            return {name.left(i), name.mid(i + 1)};
    }
    return {QString(), name};
}

// The name each relation the plan locks had when the plan began, where an earlier statement of
// the plan renamed it or its schema (only the names that differ); each such statement gets a
// note. A renamed table is sized as the table it is.
QHash<QString, QString> namesAtStart(PlanForecast &forecast)
{
    QHash<QString, QString> relationWas; // name now -> name at the start
    QHash<QString, QString> schemaWas;
    const auto atStart = [&](const QString &name) {
        if (const auto it = relationWas.constFind(name); it != relationWas.constEnd())
            return *it;
        const auto [schema, rest] = splitSchema(name);
        if (const auto it = schemaWas.constFind(schema);
            !schema.isEmpty() && it != schemaWas.constEnd())
            return *it + u'.' + rest;
        return name;
    };
    QHash<QString, QString> out;
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements) {
            for (const RelationLock &lock : std::as_const(item.forecast.locks))
                if (const QString was = atStart(lock.relation);
                    !lock.relation.isEmpty() && was != lock.relation) {
                    out.insert(lock.relation, was);
                    item.forecast.note(PlanForecastReader::tr(
                                           "%1 was named %2 when the plan began: it is sized as "
                                           "that table.")
                                           .arg(lock.relation, was));
                }
            for (const RelationRename &rename : std::as_const(item.forecast.renames)) {
                if (rename.schema)
                    schemaWas.insert(rename.to, schemaWas.value(rename.from, rename.from));
                else
                    relationWas.insert(rename.to, atStart(rename.from));
            }
        }
    return out;
}

// An index of a partitioned table cannot be built CONCURRENTLY: a plain CREATE INDEX on one is
// told the partitioned table's online form (BlockingWorkGate::partitionedIndexForm) instead.
void partitionedIndexForms(PlanForecast &forecast)
{
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements)
            for (RelationLock &lock : item.forecast.locks) {
                const auto size = forecast.sizes.constFind(lock.relation);
                if (lock.indexBuild == RelationLock::IndexBuild::Plain
                    && size != forecast.sizes.constEnd() && size->partitioned)
                    lock.onlineForm = BlockingWorkGate::partitionedIndexForm(size->table);
            }
}

} // namespace

PlanForecastReader::ColumnPairs PlanForecastReader::notNullPairs(const PlanForecast &forecast,
                                                                 const QSet<QString> &anySchema)
{
    ColumnPairs pairs;
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (lock.scans && !anySchema.contains(lock.relation))
                    for (const QString &column : lock.notNullColumns)
                        pairs.insert({lock.relation, column});
    return pairs;
}

Result<PlanForecastReader::ColumnPairs> PlanForecastReader::scalarColumns(PgConnection &connection,
                                                                          const ColumnPairs &pairs)
{
    return pairsOf(connection, "scalar_columns", pairs);
}

void PlanForecastReader::spareNotNullProvenInPlan(PlanForecast &forecast, const ColumnPairs &scalar)
{
    // relation -> constraint -> {column, valid}
    QHash<QString, QHash<QString, std::pair<QString, bool>>> checks;
    const auto provenColumn = [&](const QString &relation, const QString &column) {
        const QHash<QString, std::pair<QString, bool>> byName = checks.value(relation);
        for (auto it = byName.cbegin(); it != byName.cend(); ++it)
            if (it->second && it->first == column)
                return it.key();
        return QString();
    };
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements) {
            if (!item.forecast.keepsNotNullProofs) {
                checks.clear();
                continue;
            }
            for (RelationLock &lock : item.forecast.locks) {
                QStringList by;
                for (const QString &column : std::as_const(lock.notNullColumns))
                    by << (scalar.contains({lock.relation, column})
                               ? provenColumn(lock.relation, column)
                               : QString());
                if (lock.scans && !lock.notNullColumns.isEmpty() && !by.contains(QString())) {
                    lock.scans = false;
                    item.forecast.note(
                        tr("A CHECK (%1 IS NOT NULL) validated earlier in this "
                           "plan (%2) proves it: SET NOT NULL does not scan %3.")
                            .arg(lock.notNullColumns.join(QStringLiteral(" IS NOT NULL, ")),
                                 by.join(QStringLiteral(", ")), lock.relation));
                }
                auto &byName = checks[lock.relation];
                for (const NotNullCheckChange &change : std::as_const(lock.notNullChecks)) {
                    using Kind = NotNullCheckChange::Kind;
                    if (change.kind == Kind::Dropped) // of whichever spelling of the table
                        for (auto &named : checks)
                            named.remove(change.constraint);
                    else if (change.kind == Kind::Validated && byName.contains(change.constraint))
                        byName[change.constraint].second = true;
                    else if (change.kind != Kind::Validated)
                        byName.insert(change.constraint,
                                      {change.column, change.kind == Kind::Added});
                }
            }
        }
}

Status PlanForecastReader::spareProvenNotNull(PgConnection &connection, PlanForecast &forecast,
                                              const ColumnPairs &scalar)
{
    QStringList names;
    QStringList columns;
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (lock.scans && forecast.sizes.contains(lock.relation))
                    for (const QString &column : lock.notNullColumns) {
                        if (!scalar.contains({lock.relation, column}))
                            continue;
                        names << lock.relation;
                        columns << column;
                    }
    if (names.isEmpty())
        return {};
    ColumnPairs asked;
    for (qsizetype i = 0; i < names.size(); ++i)
        asked.insert({names.at(i), columns.at(i)});
    const Result<ColumnPairs> read = provenByCheck(connection, asked);
    if (!read)
        return read.error();
    const ColumnPairs &proven = read.value();
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements)
            for (RelationLock &lock : item.forecast.locks) {
                if (!lock.scans || lock.notNullColumns.isEmpty())
                    continue;
                const bool all
                    = std::all_of(lock.notNullColumns.cbegin(), lock.notNullColumns.cend(),
                                  [&](const QString &column) {
                                      return proven.contains({lock.relation, column});
                                  });
                if (!all)
                    continue;
                lock.scans = false;
                item.forecast.note(
                    tr("A validated CHECK (%1 IS NOT NULL) on %2 proves it: SET NOT "
                       "NULL does not scan the table.")
                        .arg(lock.notNullColumns.join(QStringLiteral(" IS NOT NULL, ")),
                             lock.relation));
            }
    return {};
}

Result<PlanForecastReader::ColumnPairs> PlanForecastReader::provenByCheck(PgConnection &connection,
                                                                          const ColumnPairs &pairs)
{
    return pairsOf(connection, "not_null_proven", pairs);
}

Result<PlanForecastReader::ColumnPairs>
PlanForecastReader::pairsOf(PgConnection &connection, const char *sql, const ColumnPairs &pairs)
{
    ColumnPairs out;
    if (pairs.isEmpty())
        return out;
    QStringList names;
    QStringList columns;
    for (const auto &[name, column] : pairs) {
        names << name;
        columns << column;
    }
    const PgResult r
        = connection.exec(SqlResource::of("live", sql),
                          {BoundStatement::textArray(names), BoundStatement::textArray(columns)});
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i)
        out.insert({r.value(i, 0), r.value(i, 1)});
    return out;
}

Result<PlanForecastReader::ColumnPairs>
PlanForecastReader::setNotNullSpared(PgConnection &connection, const ColumnPairs &pairs)
{
    const Result<ColumnPairs> scalar = scalarColumns(connection, pairs);
    if (!scalar)
        return scalar.error();
    return provenByCheck(connection, scalar.value());
}

Status PlanForecastReader::tellForeignKeyDrops(PgConnection &connection, PlanForecast &forecast)
{
    QStringList names;
    QStringList constraints;
    for (const PlanForecast::Script &script : std::as_const(forecast.scripts))
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                for (const NotNullCheckChange &change : lock.notNullChecks)
                    if (change.kind == NotNullCheckChange::Kind::Dropped
                        && !lock.relation.isEmpty()) {
                        names << lock.relation;
                        constraints << change.constraint;
                    }
    if (names.isEmpty())
        return {};
    const PgResult r = connection.exec(
        SqlResource::of("live", "constraint_kinds"),
        {BoundStatement::textArray(names), BoundStatement::textArray(constraints)});
    if (!r.ok())
        return Error(r.error());
    QHash<QPair<QString, QString>, QString> kinds;
    for (int i = 0; i < r.rows(); ++i)
        kinds.insert({r.value(i, 0), r.value(i, 1)}, r.value(i, 2));
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements)
            for (const RelationLock &lock : std::as_const(item.forecast.locks))
                for (const NotNullCheckChange &change : lock.notNullChecks) {
                    const auto kind = kinds.constFind({lock.relation, change.constraint});
                    if (change.kind != NotNullCheckChange::Kind::Dropped
                        || kind == kinds.constEnd())
                        continue;
                    const QString quoted = ParseTreeNames::quoteIdentifier(change.constraint);
                    const qsizetype at = item.forecast.notes.indexOf(
                        AlterTableLockForecast::foreignKeyNote(quoted, false));
                    if (at >= 0)
                        item.forecast.notes.removeAt(at);
                    if (*kind == u"f")
                        item.forecast.note(AlterTableLockForecast::foreignKeyNote(quoted, true));
                }
    return {};
}

namespace {

// Every statement of the plan's scripts parsed to its typed tree on the cores there are: the
// forecast reads them one by one after (a tree is parsed once and kept, ScriptTrees). On 200
// generated migrations the parse was a quarter of the client's time of an up.
// A statement the parser could not read locks, at worst, every relation it names
// (UncheckedStatementLocks): the words that name none of the live database are no relations.
void dropUnresolvedGuesses(PlanForecast &forecast)
{
    for (PlanForecast::Script &script : forecast.scripts)
        for (StatementForecast &item : script.statements)
            item.forecast.locks.removeIf([&forecast](const RelationLock &lock) {
                // (an empty name, one not decoded, stays: every table the statement reaches)
                return lock.guessed && !lock.relation.isEmpty()
                    && !forecast.sizes.contains(lock.relation);
            });
}

void parseTrees(const QList<MigrationStatus> &plan, bool up)
{
    QList<const SqlStatement *> statements;
    for (const MigrationStatus &s : plan)
        if (s.migration)
            for (const SqlStatement &st :
                 (up ? s.migration->upSplit : s.migration->downSplit).statements)
                statements << &st;
    ParallelFor::run(int(statements.size()), 16, [&statements](int i) { statements[i]->tree(); });
}

} // namespace

PlanForecast PlanForecastReader::read(PgConnection &connection, const QList<MigrationStatus> &plan,
                                      bool up, Reading reading)
{
    PlanForecast out;
    parseTrees(plan, up);
    for (const MigrationStatus &s : plan) {
        if (!s.migration)
            continue;
        const Migration &m = *s.migration;
        out.scripts << PlanForecast::Script{
            m.id(), up ? m.upPath() : m.downPath(),
            (up ? m.upDirectives : m.downDirectives).allowBlocking.has_value(),
            (up ? m.upDirectives : m.downDirectives).noTransaction,
            MigrationLockForecast::of(up ? m.upSplit : m.downSplit)};
    }
    QStringList names = out.relationNames();
    if (reading == Reading::WorkOnly)
        names = workedOn(out);
    if (names.isEmpty())
        return out;
    const QSet<QString> anySchema = afterSearchPathChange(out);
    const QHash<QString, QString> was = namesAtStart(out);
    QStringList asked;
    QSet<QString> askedAnySchema;
    for (const QString &name : std::as_const(names)) {
        asked << was.value(name, name);
        if (anySchema.contains(name))
            askedAnySchema.insert(was.value(name, name));
    }
    const Result<QList<RelationSize>> sizes
        = RelationSizes::read(connection, asked, askedAnySchema);
    // an index's lock falls on its table: the holders are read by the table's name
    QHash<QString, QStringList> namesOfTable;
    if (!sizes) {
        out.error = sizes.error();
        return out;
    }
    for (const RelationSize &size : sizes.value())
        for (const QString &name : std::as_const(names))
            if (was.value(name, name) == size.name) {
                out.sizes.insert(name, size);
                namesOfTable[size.table] << name;
            }
    dropUnresolvedGuesses(out);
    partitionedIndexForms(out);
    const Result<ColumnPairs> scalar = scalarColumns(connection, notNullPairs(out, anySchema));
    if (!scalar) {
        out.error = scalar.error();
        return out;
    }
    // a type change the live catalog shows needs no rewrite (varchar(20) to text) is no long work
    if (const Status typed = TypeChangeRewrites::spareCatalogOnly(connection, out, anySchema);
        !typed) {
        out.error = typed.error();
        return out;
    }
    spareNotNullProvenInPlan(out, scalar.value());
    if (const Status spared = spareProvenNotNull(connection, out, scalar.value()); !spared) {
        out.error = spared.error();
        return out;
    }
    if (reading == Reading::WorkOnly)
        return out;
    if (const Status told = tellForeignKeyDrops(connection, out); !told) {
        out.error = told.error();
        return out;
    }
    const Result<QList<LockBlocker>> holders = LockBlockers::read(connection, strongestLocks(out));
    if (!holders) {
        out.error = holders.error();
        return out;
    }
    for (const LockBlocker &b : holders.value())
        for (const QString &name : namesOfTable.value(b.relation))
            out.heldBy[name] << b;
    return out;
}

} // namespace uaip
