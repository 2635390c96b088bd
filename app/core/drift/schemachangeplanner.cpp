#include "schemachangeplanner.h"

#include "ddlattributes.h"

#include "migrationgenerator.h"
#include "schemarebuildfinder.h"
#include "tablerenamematcher.h"

#include <algorithm>
#include <tuple>

namespace uaip {

using Phase = MigrationGenerator::Phase;
using namespace ddl;

SchemaChangePlanner::SchemaChangePlanner(const DdlCatalog &from, const DdlCatalog &to, bool isUp,
                                         QSet<QString> heldInUp)
    : m_from(from)
    , m_to(to)
    , m_isUp(isUp)
    , m_heldInUp(std::move(heldInUp))
    , m_stepOrder(from, to, m_removed, m_added)
{ }

GeneratedScript SchemaChangePlanner::run()
{
    classify();
    findRenames();
    findRebuilds();
    emitSteps();
    recreateDescendantsOfRebuilt();
    m_script.noTransaction = SchemaAlterPlanner::needsNoTransaction(m_script.steps, m_addedLabels);
    std::stable_sort(
        m_script.steps.begin(), m_script.steps.end(), [](const DdlStep &a, const DdlStep &b) {
            return std::tuple{a.phase, a.rank, a.order} < std::tuple{b.phase, b.rank, b.order};
        });
    return m_script;
}

void SchemaChangePlanner::classify()
{
    for (const DdlObject &o : m_from.objects()) {
        const DdlObject *t = m_to.find(o.key());
        if (!t)
            m_removed.insert(o.key());
        else if (t->definition != o.definition || t->createSql != o.createSql)
            m_changed.insert(o.key());
    }
    for (const DdlObject &o : m_to.objects())
        if (!m_from.find(o.key()))
            m_added.insert(o.key());
}

void SchemaChangePlanner::findTableRenames()
{
    for (const TableRenameMatcher::Rename &t :
         TableRenameMatcher::find(m_from, m_to, m_removed, m_added)) {
        m_removed.remove(t.fromKey);
        m_added.remove(t.toKey);
        for (const auto &[before, after] : t.pairs) {
            m_removed.remove(before);
            m_added.remove(after);
        }
        m_identifierRenames << std::pair{TableRenameMatcher::lastPart(t.fromName),
                                         TableRenameMatcher::lastPart(t.toName)};
        bool noted = false;
        for (const QString &sql : t.sql) {
            DdlStep s{Phase::DropTable, ++m_order, t.fromKey, sql, false, {}};
            if (!heldBackInDown(s) && !noted) {
                m_script.notes << GeneratorNote{
                    GeneratorNote::Kind::Rename, t.fromKey,
                    tr("table %1 is taken as renamed to %2 (the same columns, constraints and "
                       "indexes); if it is a new table, drop the old one instead")
                        .arg(t.fromName, t.toName)};
                noted = true;
            }
            m_script.steps << s;
        }
    }
}

void SchemaChangePlanner::findRenames()
{
    findTableRenames();
    QMap<QString, QStringList> removedByTable, addedByTable;
    for (const QString &k : SchemaStepOrder::sorted(m_removed)) {
        const DdlObject *o = m_from.find(k);
        if (o->kind == u"column" && o->comesWith.isEmpty() && !m_removed.contains(o->parent))
            removedByTable[o->parent] << k;
    }
    for (const QString &k : SchemaStepOrder::sorted(m_added)) {
        const DdlObject *o = m_to.find(k);
        if (o->kind == u"column" && o->comesWith.isEmpty() && !m_added.contains(o->parent))
            addedByTable[o->parent] << k;
    }
    for (auto it = removedByTable.cbegin(); it != removedByTable.cend(); ++it) {
        const QStringList added = addedByTable.value(it.key());
        for (const QString &r : it.value()) {
            const DdlObject *before = m_from.find(r);
            QStringList matches;
            for (const QString &a : added) {
                const DdlObject *after = m_to.find(a);
                if (attr(*after, "def") == attr(*before, "def")
                    && attr(*after, "position") == attr(*before, "position")
                    && !m_renamedFrom.contains(a))
                    matches << a;
            }
            if (matches.size() != 1)
                continue;
            const DdlObject *after = m_to.find(matches.first());
            m_renamedTo.insert(r, after->key());
            m_renamedFrom.insert(after->key(), r);
            const QString table = attr(*before, "table");
            m_identifierRenames << std::pair{attr(*before, "column"), attr(*after, "column")};
            DdlStep s{Phase::DropColumn,
                      ++m_order,
                      r,
                      QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3;")
                          .arg(table, attr(*before, "column"), attr(*after, "column")),
                      false,
                      {}};
            if (!heldBackInDown(s))
                m_script.notes << GeneratorNote{
                    GeneratorNote::Kind::Rename, r,
                    tr("column %1 is taken as renamed to %2 (same type, default and "
                       "position); if it is a new column, drop the old one instead")
                        .arg(before->name, after->name)};
            m_script.steps << s;
        }
    }
    for (auto it = m_renamedTo.cbegin(); it != m_renamedTo.cend(); ++it) {
        m_removed.remove(it.key());
        m_added.remove(it.value());
    }
    notePossibleTableRenames();
}

void SchemaChangePlanner::notePossibleTableRenames()
{
    for (const QString &r : SchemaStepOrder::sorted(m_removed)) {
        const DdlObject *before = m_from.find(r);
        if (before->kind != u"table")
            continue;
        const QString signature = TableRenameMatcher::columns(m_from, r);
        for (const QString &a : SchemaStepOrder::sorted(m_added)) {
            const DdlObject *after = m_to.find(a);
            if (after->kind != u"table" || TableRenameMatcher::columns(m_to, a) != signature)
                continue;
            m_script.notes << GeneratorNote{
                GeneratorNote::Kind::PossibleRename, r,
                tr("table %1 is gone and table %2 has the same columns: if it was renamed, "
                   "replace the held-back DROP TABLE and the CREATE TABLE with ALTER TABLE "
                   "%1 RENAME TO ...")
                    .arg(before->name, after->name)};
        }
    }
}

void SchemaChangePlanner::findRebuilds()
{
    SchemaRebuildFinder finder(m_from, m_to, m_removed, m_changed, m_identifierRenames);
    finder.find();
    m_rebuilt = finder.rebuilt();
    m_skipped = finder.skipped();
}

bool SchemaChangePlanner::coveredBy(const QString &key, const QSet<QString> &set) const
{
    if (set.contains(key))
        return true;
    for (const QString &a : m_from.ancestors(key))
        if (set.contains(a))
            return true;
    for (const QString &a : m_to.ancestors(key))
        if (set.contains(a))
            return true;
    return false;
}

bool SchemaChangePlanner::heldBackInDown(DdlStep &s) const
{
    if (m_isUp || !coveredBy(s.key, m_heldInUp))
        return false;
    s.heldBack = true;
    s.reason = tr("undoes a step up.sql holds back");
    return true;
}

void SchemaChangePlanner::add(int phase, const QString &key, const QString &sql,
                              const QString &destructive, int rank)
{
    DdlStep s{phase, ++m_order, key, sql, false, {}, rank};
    if (m_isUp && !destructive.isEmpty()) {
        s.heldBack = true;
        s.reason = destructive;
        m_script.notes << GeneratorNote{GeneratorNote::Kind::HeldBack, key, destructive};
    } else {
        heldBackInDown(s);
    }
    if (s.heldBack)
        m_script.leftAsIs.insert(key);
    m_script.steps << s;
}

void SchemaChangePlanner::leaveAsIs(const QString &key, const QString &message)
{
    m_script.leftAsIs.insert(key);
    if (!message.isEmpty())
        m_script.notes << GeneratorNote{GeneratorNote::Kind::NotGenerated, key, message};
}

void SchemaChangePlanner::dropCyclicForeignKeys()
{
    QStringList tables;
    for (const QString &k : SchemaStepOrder::sorted(m_removed)) {
        const DdlObject *o = m_from.find(k);
        if (o->kind == u"table" && !droppedWithAncestor(k))
            tables << k;
    }
    for (const QString &fk : m_stepOrder.cyclicForeignKeys(tables)) {
        const DdlObject *o = m_from.find(fk);
        const QString table = o->parent;
        if (!m_removed.contains(fk) || !m_removed.contains(table)
            || !m_removed.contains(attr(*o, "references")))
            continue;
        DdlStep s{Phase::DropForeignKey, ++m_order, fk, o->dropSql, false, {}, 0};
        if (m_isUp) { // as the table's DROP, which up.sql always holds back
            s.heldBack = true;
            s.reason = tr("drops %1 and the data it holds").arg(table);
            m_script.leftAsIs.insert(fk);
        } else if (heldBackInDown(s)) {
            m_script.leftAsIs.insert(fk);
        }
        m_script.steps << s;
    }
}

void SchemaChangePlanner::create(const DdlObject &o)
{
    if (m_created.contains(o.key()))
        return;
    m_created.insert(o.key());
    add(m_stepOrder.createPhase(o), o.key(), o.createSql, {}, m_stepOrder.rank(o, false));
    // A function or type whose default grant to PUBLIC was revoked: CREATE gives it again.
    if (const QString revoke = attr(o, "revoke_public"); !revoke.isEmpty())
        add(Phase::Revoke, QStringLiteral("grant %1 to PUBLIC").arg(o.key()), revoke);
    if (o.kind == u"sequence" && !attr(o, "owned_by").isEmpty())
        add(Phase::SequenceOwnedBy, o.key(),
            QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(o.name, attr(o, "owned_by")));
}

void SchemaChangePlanner::drop(const DdlObject &o, const QString &destructive)
{
    add(m_stepOrder.dropPhase(o), o.key(), o.dropSql, destructive, m_stepOrder.rank(o, true));
}

void SchemaChangePlanner::emitSteps()
{
    dropCyclicForeignKeys();
    for (const QString &k : SchemaStepOrder::sorted(m_removed)) {
        const DdlObject *o = m_from.find(k);
        if (!o->comesWith.isEmpty() || droppedWithAncestor(k) || isUnderRebuilt(k)
            || isUnderRenamed(k))
            continue;
        // an aggregate in a schema the down drops: its DROP is plain (no CREATE is written)
        const bool aggregateOfDroppedSchema
            = !m_isUp && o->kind == u"aggregate" && m_removed.contains(o->parent);
        if (notGenerated(o->kind) && !aggregateOfDroppedSchema) {
            leaveAsIs(k, tr("%1 is not generated: drop it by hand").arg(k));
            continue;
        }
        drop(*o,
             dropDestroysData(o->kind) ? tr("drops %1 and the data it holds").arg(k) : QString());
    }
    for (const QString &k : SchemaStepOrder::sorted(m_added)) {
        const DdlObject *o = m_to.find(k);
        if (!o->comesWith.isEmpty())
            continue;
        if (o->kind == u"column" && m_added.contains(o->parent))
            continue; // written into CREATE TABLE
        if (o->kind == u"grant" && m_added.contains(o->parent)
            && o->attrs.value(QLatin1String("by_default")).toBool())
            continue; // what CREATE gives anyway (EXECUTE to PUBLIC)
        if (notGenerated(o->kind)) {
            leaveAsIs(k, tr("%1 is not generated: create it by hand").arg(k));
            continue;
        }
        if (movedWithRename(k))
            continue;
        create(*o);
    }
    const SchemaAlterPlanner alters(m_to, tablesGainingOrLosingColumns());
    for (const QString &k : SchemaStepOrder::sorted(m_changed)) {
        const DdlObject *before = m_from.find(k);
        const DdlObject *after = m_to.find(k);
        if (m_skipped.contains(k) || isUnderRebuilt(k))
            continue;
        if (!before->comesWith.isEmpty() || !after->comesWith.isEmpty()) {
            leaveChangedPart(*before, *after);
            continue;
        }
        if (m_rebuilt.contains(k)) {
            drop(*before);
            create(*after);
            continue;
        }
        alter(alters, *before, *after);
    }
    // Views rebuilt only because what they read changes.
    for (const QString &k : SchemaStepOrder::sorted(m_rebuilt))
        if (!m_changed.contains(k)) {
            drop(*m_from.find(k));
            create(*m_to.find(k));
        }
}

void SchemaChangePlanner::leaveChangedPart(const DdlObject &before, const DdlObject &after)
{
    const QString k = after.key();
    // made by another object's CREATE only in 'from' (a serial made an identity column, whose
    // sequence kept the serial's name): that object is the one to name, and no step turns one
    // into the other
    if (after.comesWith.isEmpty()) {
        const QString ownedBy = attr(after, "owned_by");
        leaveAsIs(k,
                  tr("%1 changed: it now comes with %2 (its CREATE makes it) and is to be one of "
                     "its own%3: change it by hand")
                      .arg(k, before.comesWith,
                           ownedBy.isEmpty() ? QString()
                                             : QStringLiteral(" (OWNED BY %1)").arg(ownedBy)));
        return;
    }
    if (!coveredBy(after.comesWith, m_changed) && !coveredBy(k, m_rebuilt))
        leaveAsIs(k,
                  tr("%1 changed, but it belongs to %2, which did not: change it by hand")
                      .arg(k, after.comesWith));
}

bool SchemaChangePlanner::droppedWithAncestor(const QString &key) const
{
    // A domain's CHECK that calls a function of ours is dropped on its own, before the functions
    // (the domain itself goes with the types, after them).
    if (const DdlObject *c = m_from.find(key);
        c && c->kind == u"domain constraint" && !attrList(*c, "function_deps").isEmpty())
        return false;
    for (const QString &a : m_from.ancestors(key))
        if (m_removed.contains(a) && !a.startsWith(u"schema "))
            return true;
    const DdlObject *o = m_from.find(key);
    // ... but a schema's own comment, grants and owner go with it.
    if (o && o->parent.startsWith(u"schema ") && m_removed.contains(o->parent)
        && (o->kind == u"comment on" || o->kind == u"grant" || o->kind == u"owner"))
        return true;
    // A serial's sequence goes with its column (DROP TABLE, DROP COLUMN).
    const QString ownedBy = o ? attr(*o, "owned_by") : QString();
    if (ownedBy.isEmpty())
        return false;
    const QString column = QStringLiteral("column ") + ownedBy;
    return m_removed.contains(column) || droppedWithAncestor(column);
}

bool SchemaChangePlanner::isUnderRebuilt(const QString &key) const
{
    for (const QString &a : m_from.ancestors(key))
        if (m_rebuilt.contains(a))
            return true;
    return false;
}

bool SchemaChangePlanner::isUnderRenamed(const QString &key) const
{
    for (const QString &a : m_from.ancestors(key))
        if (m_renamedTo.contains(a))
            return true;
    return false;
}

bool SchemaChangePlanner::movedWithRename(const QString &key) const
{
    for (const QString &a : m_to.ancestors(key)) {
        const QString old = m_renamedFrom.value(a);
        if (old.isEmpty())
            continue;
        QString oldKey = key;
        oldKey.replace(a, old);
        const DdlObject *before = m_from.find(oldKey);
        return before && before->definition == m_to.find(key)->definition;
    }
    return false;
}

void SchemaChangePlanner::recreateDescendantsOfRebuilt()
{
    for (const QString &k : SchemaStepOrder::sorted(m_rebuilt))
        for (const QString &d : m_to.descendants(k)) {
            const DdlObject *o = m_to.find(d);
            if (o->comesWith.isEmpty() && o->kind != u"column")
                create(*o);
        }
}

void SchemaChangePlanner::alter(const SchemaAlterPlanner &planner, const DdlObject &before,
                                const DdlObject &after)
{
    const SchemaAlterPlanner::Plan plan = planner.plan(before, after);
    for (const SchemaAlterPlanner::Action &a : plan.actions) {
        switch (a.kind) {
        case SchemaAlterPlanner::Action::Kind::Add:
            add(a.phase, a.key, a.sql, a.text);
            break;
        case SchemaAlterPlanner::Action::Kind::Replace:
            add(m_stepOrder.createPhase(*a.object), a.key, a.object->createSql);
            break;
        case SchemaAlterPlanner::Action::Kind::Drop:
            drop(*a.object, a.text);
            break;
        case SchemaAlterPlanner::Action::Kind::Create:
            create(*a.object);
            break;
        case SchemaAlterPlanner::Action::Kind::LeaveAsIs:
            leaveAsIs(a.key, a.text);
            break;
        }
    }
    m_addedLabels << plan.addedLabels;
}

QSet<QString> SchemaChangePlanner::tablesGainingOrLosingColumns() const
{
    QSet<QString> tables;
    for (const QString &k : m_removed + m_added) {
        const DdlObject *o = m_from.find(k) ? m_from.find(k) : m_to.find(k);
        if (o->kind == u"column")
            tables.insert(o->parent);
    }
    return tables;
}

} // namespace uaip
