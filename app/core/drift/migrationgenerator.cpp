#include "migrationgenerator.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace uaip {

namespace {

using Phase = MigrationGenerator::Phase;

QString attr(const DdlObject &o, const char *name)
{
    const QJsonValue v = o.attrs.value(QLatin1String(name));
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QStringList attrList(const DdlObject &o, const char *name)
{
    QStringList out;
    for (const QJsonValue &v : o.attrs.value(QLatin1String(name)).toArray())
        out << v.toString();
    return out;
}

bool isView(const QString &kind)
{
    return kind == u"view" || kind == u"materialized view";
}

// Kinds whose removal destroys data.
bool dropDestroysData(const QString &kind)
{
    static const QStringList kinds{QStringLiteral("table"),    QStringLiteral("column"),
                                   QStringLiteral("sequence"), QStringLiteral("type"),
                                   QStringLiteral("schema"),   QStringLiteral("extension")};
    return kinds.contains(kind);
}

// Kinds the generator writes no SQL for.
bool notGenerated(const QString &kind)
{
    return kind == u"aggregate" || kind == u"foreign table";
}

bool isSubsequence(const QStringList &part, const QStringList &whole)
{
    qsizetype at = 0;
    for (const QString &s : part) {
        at = whole.indexOf(s, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

// A column's type as ALTER COLUMN ... TYPE writes it.
QString typeClause(const DdlObject &column)
{
    const QString collation = attr(column, "collation");
    return attr(column, "type")
        + (collation.isEmpty() ? QString() : QStringLiteral(" COLLATE ") + collation);
}

class Generation
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationGenerator)

public:
    Generation(const DdlCatalog &from, const DdlCatalog &to, bool isUp, QSet<QString> heldInUp)
        : m_from(from)
        , m_to(to)
        , m_isUp(isUp)
        , m_heldInUp(std::move(heldInUp))
    { }

    GeneratedScript run()
    {
        classify();
        findRenames();
        findRebuilds();
        emitSteps();
        recreateDescendantsOfRebuilt();
        decideTransaction();
        std::stable_sort(m_script.steps.begin(), m_script.steps.end(),
                         [](const DdlStep &a, const DdlStep &b) {
                             return a.phase != b.phase ? a.phase < b.phase : a.order < b.order;
                         });
        return m_script;
    }

private:
    const DdlCatalog &m_from;
    const DdlCatalog &m_to;
    const bool m_isUp;
    const QSet<QString> m_heldInUp;
    GeneratedScript m_script;
    QSet<QString> m_removed, m_added, m_changed, m_rebuilt, m_created, m_skipped;
    QMap<QString, QString> m_renamedTo; // column key in 'from' -> its key in 'to'
    QMap<QString, QString> m_renamedFrom; // and back
    QList<std::pair<QString, QString>> m_identifierRenames; // per table: quoted old -> new
    QStringList m_addedLabels; // quoted enum values ADD VALUE adds
    int m_order = 0;

    void classify()
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

    // --- renames -------------------------------------------------------------------------

    void findRenames()
    {
        QMap<QString, QStringList> removedByTable, addedByTable;
        for (const QString &k : m_removed) {
            const DdlObject *o = m_from.find(k);
            if (o->kind == u"column" && o->comesWith.isEmpty() && !m_removed.contains(o->parent))
                removedByTable[o->parent] << k;
        }
        for (const QString &k : m_added) {
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

    QString columnsSignature(const DdlCatalog &catalog, const QString &table) const
    {
        QStringList columns;
        for (const QString &k : catalog.descendants(table)) {
            const DdlObject *o = catalog.find(k);
            if (o->kind == u"column")
                columns << attr(*o, "column") + u' ' + o->definition;
        }
        columns.sort();
        return columns.join(u'\n');
    }

    void notePossibleTableRenames()
    {
        for (const QString &r : m_removed) {
            const DdlObject *before = m_from.find(r);
            if (before->kind != u"table")
                continue;
            const QString signature = columnsSignature(m_from, r);
            for (const QString &a : m_added) {
                const DdlObject *after = m_to.find(a);
                if (after->kind != u"table" || columnsSignature(m_to, a) != signature)
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

    // 'from's definition with renamed columns' names replaced, for telling a constraint or an
    // index that only names a renamed column from one that changed.
    QString renamedDefinition(const QString &definition) const
    {
        QString out = definition;
        for (const auto &[oldName, newName] : m_identifierRenames)
            out.replace(QRegularExpression(QStringLiteral("(?<![\\w\"])%1(?![\\w\"])")
                                               .arg(QRegularExpression::escape(oldName))),
                        newName);
        return out;
    }

    // --- what is dropped and created again ---------------------------------------------------

    int viewDepth(const DdlCatalog &catalog, const QString &key, int guard = 0) const
    {
        const DdlObject *o = catalog.find(key);
        if (!o || guard > 64)
            return 0;
        int depth = 0;
        for (const QString &dep : attrList(*o, "deps"))
            if (isView(dep.section(u' ', 0, dep.startsWith(u"materialized") ? 1 : 0)))
                depth = std::max(depth, 1 + viewDepth(catalog, dep, guard + 1));
        return depth;
    }

    bool columnTypeChanges(const QString &table) const
    {
        for (const QString &k : m_from.descendants(table)) {
            const DdlObject *before = m_from.find(k);
            if (before->kind != u"column")
                continue;
            if (m_removed.contains(k))
                return true;
            const DdlObject *after = m_to.find(k);
            if (after && m_changed.contains(k) && typeClause(*after) != typeClause(*before))
                return true;
        }
        return false;
    }

    void findRebuilds()
    {
        for (const QString &k : m_changed) {
            const DdlObject *before = m_from.find(k);
            const DdlObject *after = m_to.find(k);
            if (!before->comesWith.isEmpty() || !after->comesWith.isEmpty())
                continue;
            const QString &kind = before->kind;
            const bool sameAfterRename = !m_identifierRenames.isEmpty()
                && renamedDefinition(before->definition) == after->definition;
            if (isView(kind)
                || ((kind == u"constraint" || kind == u"index" || kind == u"trigger"
                     || kind == u"rule" || kind == u"policy" || kind == u"domain constraint")
                    && !sameAfterRename)
                || (kind == u"function" && attr(*before, "result") != attr(*after, "result")))
                m_rebuilt.insert(k);
            if (sameAfterRename && kind != u"column" && !isView(kind))
                m_skipped.insert(k);
        }
        // A foreign key stands on the referenced table's primary key or unique constraint: one
        // of those dropped (or dropped and created again) takes the foreign keys that point at
        // its table with it, and they are created again afterwards.
        QSet<QString> keyTables;
        for (const DdlObject &o : m_from.objects())
            if (o.kind == u"constraint"
                && (m_rebuilt.contains(o.key()) || m_removed.contains(o.key()))
                && (attr(o, "type") == u"p" || attr(o, "type") == u"u"))
                keyTables.insert(o.parent);
        for (const DdlObject &o : m_from.objects())
            if (o.kind == u"constraint" && attr(o, "type") == u"f"
                && keyTables.contains(attr(o, "references")) && m_to.find(o.key())
                && o.comesWith.isEmpty())
                m_rebuilt.insert(o.key());
        // Views that read a rebuilt view, or a table whose column changes type, are rebuilt
        // with it (PostgreSQL refuses the change while they exist).
        bool grew = true;
        while (grew) {
            grew = false;
            for (const DdlObject &o : m_from.objects()) {
                if (!isView(o.kind) || m_rebuilt.contains(o.key()) || !m_to.find(o.key()))
                    continue;
                for (const QString &dep : attrList(o, "deps"))
                    if (m_rebuilt.contains(dep) || m_removed.contains(dep)
                        || (dep.startsWith(u"table ") && columnTypeChanges(dep))) {
                        m_rebuilt.insert(o.key());
                        grew = true;
                        break;
                    }
            }
        }
    }

    // --- steps ---------------------------------------------------------------------------------

    bool coveredBy(const QString &key, const QSet<QString> &set) const
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

    bool heldBackInDown(DdlStep &s) const
    {
        if (m_isUp || !coveredBy(s.key, m_heldInUp))
            return false;
        s.heldBack = true;
        s.reason = tr("undoes a step up.sql holds back");
        return true;
    }

    void add(int phase, const QString &key, const QString &sql, const QString &destructive = {},
             int order = 0)
    {
        DdlStep s{phase, order ? order : ++m_order, key, sql, false, {}};
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

    void leaveAsIs(const QString &key, const QString &message)
    {
        m_script.leftAsIs.insert(key);
        if (!message.isEmpty())
            m_script.notes << GeneratorNote{GeneratorNote::Kind::NotGenerated, key, message};
    }

    int createPhase(const DdlObject &o) const
    {
        const QString &k = o.kind;
        if (k == u"schema")
            return Phase::CreateSchema;
        if (k == u"extension")
            return Phase::CreateExtension;
        if (k == u"type")
            return Phase::CreateType;
        if (k == u"domain constraint")
            return Phase::CreateDomainConstraint;
        if (k == u"sequence")
            return Phase::CreateSequence;
        if (k == u"function")
            return mentionsAddedTable(o) ? Phase::CreateFunctionAfterTables : Phase::CreateFunction;
        if (k == u"table")
            return Phase::CreateTable;
        if (k == u"column")
            return Phase::AlterColumn;
        if (k == u"constraint")
            return attr(o, "type") == u"f" ? Phase::CreateForeignKey : Phase::CreateConstraint;
        if (k == u"index")
            return attr(o, "on") == u"table" ? Phase::CreateIndex : Phase::CreateViewIndex;
        if (isView(k))
            return Phase::CreateView;
        if (k == u"trigger")
            return Phase::CreateTrigger;
        if (k == u"rule" || k == u"policy")
            return Phase::CreateRuleOrPolicy;
        if (k == u"comment on")
            return Phase::Comment;
        if (k == u"owner")
            return Phase::Owner;
        return Phase::Grant;
    }

    int dropPhase(const DdlObject &o) const
    {
        const QString &k = o.kind;
        if (k == u"trigger")
            return Phase::DropTrigger;
        if (k == u"rule" || k == u"policy")
            return Phase::DropRuleOrPolicy;
        if (isView(k))
            return Phase::DropView;
        if (k == u"constraint")
            return attr(o, "type") == u"f" ? Phase::DropForeignKey : Phase::DropConstraint;
        if (k == u"index")
            return Phase::DropIndex;
        if (k == u"domain constraint")
            return Phase::DropConstraint;
        if (k == u"column")
            return Phase::DropColumn;
        if (k == u"table")
            return Phase::DropTable;
        if (k == u"sequence")
            return Phase::DropSequence;
        if (k == u"function")
            return Phase::DropFunction;
        if (k == u"type")
            return Phase::DropType;
        if (k == u"extension")
            return Phase::DropExtension;
        if (k == u"schema")
            return Phase::DropSchema;
        if (k == u"comment on")
            return Phase::Comment;
        if (k == u"owner")
            return Phase::Owner;
        return Phase::Revoke;
    }

    bool mentionsAddedTable(const DdlObject &function) const
    {
        for (const QString &k : m_added) {
            const DdlObject *o = m_to.find(k);
            if (o->kind == u"table" && function.createSql.contains(o->name))
                return true;
        }
        return false;
    }

    int viewOrder(const DdlCatalog &catalog, const DdlObject &o, bool dropping)
    {
        if (!isView(o.kind))
            return 0;
        const int depth = viewDepth(catalog, o.key());
        return dropping ? 1000 - depth : 1 + depth;
    }

    void create(const DdlObject &o)
    {
        if (m_created.contains(o.key()))
            return;
        m_created.insert(o.key());
        add(createPhase(o), o.key(), o.createSql, {}, viewOrder(m_to, o, false));
        if (o.kind == u"sequence" && !attr(o, "owned_by").isEmpty())
            add(Phase::SequenceOwnedBy, o.key(),
                QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(o.name, attr(o, "owned_by")));
    }

    void drop(const DdlObject &o, const QString &destructive = {})
    {
        add(dropPhase(o), o.key(), o.dropSql, destructive, viewOrder(m_from, o, true));
    }

    void emitSteps()
    {
        for (const QString &k : m_removed) {
            const DdlObject *o = m_from.find(k);
            if (!o->comesWith.isEmpty() || droppedWithAncestor(k) || isUnderRebuilt(k)
                || isUnderRenamed(k))
                continue;
            if (notGenerated(o->kind)) {
                leaveAsIs(k, tr("%1 is not generated: drop it by hand").arg(k));
                continue;
            }
            drop(*o,
                 dropDestroysData(o->kind) ? tr("drops %1 and the data it holds").arg(k)
                                           : QString());
        }
        for (const QString &k : m_added) {
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
        for (const QString &k : m_changed) {
            const DdlObject *before = m_from.find(k);
            const DdlObject *after = m_to.find(k);
            if (m_skipped.contains(k) || isUnderRebuilt(k))
                continue;
            if (!before->comesWith.isEmpty() || !after->comesWith.isEmpty()) {
                if (!coveredBy(after->comesWith, m_changed) && !coveredBy(k, m_rebuilt))
                    leaveAsIs(k,
                              tr("%1 changed, but it belongs to %2, which did not: change it "
                                 "by hand")
                                  .arg(k, after->comesWith));
                continue;
            }
            if (m_rebuilt.contains(k)) {
                drop(*before);
                create(*after);
                continue;
            }
            alter(*before, *after);
        }
        // Views rebuilt only because what they read changes.
        for (const QString &k : m_rebuilt)
            if (!m_changed.contains(k)) {
                drop(*m_from.find(k));
                create(*m_to.find(k));
            }
    }

    // Dropping a table drops its columns, constraints, indexes, ...; dropping a schema
    // (without CASCADE) drops nothing: what is in it is dropped first.
    bool droppedWithAncestor(const QString &key) const
    {
        for (const QString &a : m_from.ancestors(key))
            if (m_removed.contains(a) && !a.startsWith(u"schema "))
                return true;
        // A serial's sequence goes with its column (DROP TABLE, DROP COLUMN).
        const DdlObject *o = m_from.find(key);
        const QString ownedBy = o ? attr(*o, "owned_by") : QString();
        if (ownedBy.isEmpty())
            return false;
        const QString column = QStringLiteral("column ") + ownedBy;
        return m_removed.contains(column) || droppedWithAncestor(column);
    }

    bool isUnderRebuilt(const QString &key) const
    {
        for (const QString &a : m_from.ancestors(key))
            if (m_rebuilt.contains(a))
                return true;
        return false;
    }

    bool isUnderRenamed(const QString &key) const
    {
        for (const QString &a : m_from.ancestors(key))
            if (m_renamedTo.contains(a))
                return true;
        return false;
    }

    // An object of a renamed column (its comment, a grant on it) that is the same as before.
    bool movedWithRename(const QString &key) const
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

    void recreateDescendantsOfRebuilt()
    {
        for (const QString &k : m_rebuilt)
            for (const QString &d : m_to.descendants(k)) {
                const DdlObject *o = m_to.find(d);
                if (o->comesWith.isEmpty() && o->kind != u"column")
                    create(*o);
            }
    }

    // --- changes made in place -----------------------------------------------------------------

    void alter(const DdlObject &before, const DdlObject &after)
    {
        const QString k = before.key();
        const QString &kind = before.kind;
        if (kind == u"column")
            alterColumn(before, after);
        else if (kind == u"table")
            alterTable(before, after);
        else if (kind == u"sequence")
            alterSequence(before, after);
        else if (kind == u"type")
            alterType(before, after);
        else if (kind == u"function")
            add(createPhase(after), k, after.createSql);
        else if (kind == u"extension")
            add(Phase::CreateExtension, k, attr(after, "update"));
        else if (kind == u"owner" || kind == u"comment on")
            add(createPhase(after), k, after.createSql);
        else if (kind == u"grant") {
            add(Phase::Revoke, k, before.dropSql);
            add(Phase::Grant, k, after.createSql);
        } else if (notGenerated(kind)) {
            leaveAsIs(k, tr("%1 changed and is not generated: change it by hand").arg(k));
        } else if (kind != u"schema") {
            drop(before);
            create(after);
        }
    }

    void alterTable(const DdlObject &before, const DdlObject &after)
    {
        const QString k = before.key();
        if (attr(before, "partition") != attr(after, "partition")
            || attr(before, "partitioned") != attr(after, "partitioned")
            || before.definition.section(u' ', 3) != after.definition.section(u' ', 3)) {
            add(Phase::DropTable, k, before.dropSql + u'\n' + after.createSql,
                tr("%1 changes how it is partitioned: the table is dropped and created again")
                    .arg(k));
            return;
        }
        QStringList sql;
        const QString t = after.name;
        if (attr(before, "persistence") != attr(after, "persistence"))
            sql << QStringLiteral("ALTER TABLE %1 SET %2;")
                       .arg(t,
                            attr(after, "persistence") == u"u" ? QStringLiteral("UNLOGGED")
                                                               : QStringLiteral("LOGGED"));
        if (attr(before, "rls") != attr(after, "rls"))
            sql << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                       .arg(t,
                            attr(after, "rls") == u"true" ? QStringLiteral("ENABLE")
                                                          : QStringLiteral("DISABLE"));
        if (attr(before, "force_rls") != attr(after, "force_rls"))
            sql << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                       .arg(t,
                            attr(after, "force_rls") == u"true" ? QStringLiteral("FORCE")
                                                                : QStringLiteral("NO FORCE"));
        if (!sql.isEmpty())
            add(Phase::AlterTable, k, sql.join(u'\n'));
    }

    void alterSequence(const DdlObject &before, const DdlObject &after)
    {
        const QString k = before.key();
        if (attr(before, "sequence_options") != attr(after, "sequence_options"))
            add(Phase::CreateSequence, k,
                QStringLiteral("ALTER SEQUENCE %1 %2;")
                    .arg(after.name, attr(after, "sequence_options")));
        if (attr(before, "persistence") != attr(after, "persistence"))
            add(Phase::CreateSequence, k,
                QStringLiteral("ALTER SEQUENCE %1 SET %2;")
                    .arg(after.name,
                         attr(after, "persistence") == u"u" ? QStringLiteral("UNLOGGED")
                                                            : QStringLiteral("LOGGED")));
        if (attr(before, "owned_by") != attr(after, "owned_by"))
            add(Phase::SequenceOwnedBy, k,
                QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;")
                    .arg(after.name,
                         attr(after, "owned_by").isEmpty() ? QStringLiteral("NONE")
                                                           : attr(after, "owned_by")));
    }

    void alterType(const DdlObject &before, const DdlObject &after)
    {
        const QString k = before.key();
        const QString typtype = attr(after, "typtype");
        if (typtype != attr(before, "typtype") || typtype == u"c") {
            drop(before,
                 tr("%1 is dropped and created again: columns of that type stop it").arg(k));
            create(after);
            return;
        }
        if (typtype == u"d") {
            if (attr(before, "base") != attr(after, "base")) {
                drop(before,
                     tr("%1 changes its base type: the domain is dropped and created "
                        "again")
                         .arg(k));
                create(after);
                return;
            }
            QStringList sql;
            if (attr(before, "default") != attr(after, "default"))
                sql << (attr(after, "default").isEmpty()
                            ? QStringLiteral("ALTER DOMAIN %1 DROP DEFAULT;").arg(after.name)
                            : QStringLiteral("ALTER DOMAIN %1 SET DEFAULT %2;")
                                  .arg(after.name, attr(after, "default")));
            if (attr(before, "not_null") != attr(after, "not_null"))
                sql << QStringLiteral("ALTER DOMAIN %1 %2 NOT NULL;")
                           .arg(after.name,
                                attr(after, "not_null") == u"true" ? QStringLiteral("SET")
                                                                   : QStringLiteral("DROP"));
            if (!sql.isEmpty())
                add(Phase::CreateType, k, sql.join(u'\n'));
            return;
        }
        const QStringList oldLabels = attrList(before, "labels");
        const QStringList newLabels = attrList(after, "labels");
        const QStringList quoted = attrList(after, "quoted_labels");
        if (isSubsequence(oldLabels, newLabels)) {
            QStringList sql;
            for (qsizetype i = 0; i < newLabels.size(); ++i) {
                if (oldLabels.contains(newLabels[i]))
                    continue;
                m_addedLabels << quoted[i];
                sql << (i > 0 ? QStringLiteral("ALTER TYPE %1 ADD VALUE %2 AFTER %3;")
                                    .arg(after.name, quoted[i], quoted[i - 1])
                              : QStringLiteral("ALTER TYPE %1 ADD VALUE %2 BEFORE %3;")
                                    .arg(after.name, quoted[i], quoted[i + 1]));
            }
            add(Phase::CreateType, k, sql.join(u'\n'));
            return;
        }
        // Values removed or reordered: the type is made again and its columns converted.
        QStringList sql{attr(before, "rename_old"), after.createSql};
        for (const QJsonValue &v : before.attrs.value(QLatin1String("used_by")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString table = c.value(QLatin1String("table")).toString();
            const QString column = c.value(QLatin1String("column")).toString();
            // The default the column ends up with (the old one may name a removed value).
            const DdlObject *target = m_to.find(QStringLiteral("column %1.%2").arg(table, column));
            const QString dflt = target ? attr(*target, "default") : QString();
            if (!c.value(QLatin1String("default")).toString().isEmpty())
                sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;")
                           .arg(table, column);
            sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3 USING %2::text::%3;")
                       .arg(table, column, after.name);
            if (!dflt.isEmpty())
                sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
                           .arg(table, column, dflt);
        }
        sql << QStringLiteral("DROP TYPE %1;").arg(attr(before, "old_name"));
        add(Phase::CreateType, k, sql.join(u'\n'),
            tr("%1 loses or reorders values: the type is made again, and a row holding a "
               "removed value makes it fail")
                .arg(k));
    }

    void alterColumn(const DdlObject &before, const DdlObject &after)
    {
        const QString k = before.key();
        const QString t = attr(after, "table");
        const QString c = attr(after, "column");
        const auto stmt = [&](const QString &clause) {
            return QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3;").arg(t, c, clause);
        };
        if (attr(before, "generated") != attr(after, "generated")
            && !attr(after, "generated").isEmpty()) {
            add(Phase::AlterColumn, k, before.dropSql + u'\n' + after.createSql,
                tr("%1 gets a new generation expression: the column is dropped and added again")
                    .arg(k));
            return;
        }
        QStringList sql;
        QString destructive;
        if (!attr(before, "generated").isEmpty() && attr(after, "generated").isEmpty())
            sql << stmt(QStringLiteral("DROP EXPRESSION"));
        if (!attr(before, "identity").isEmpty() && attr(after, "identity").isEmpty())
            sql << stmt(QStringLiteral("DROP IDENTITY"));
        const bool typeChanged = typeClause(before) != typeClause(after);
        const bool defaultChanged = attr(before, "default") != attr(after, "default");
        if ((defaultChanged || typeChanged) && !attr(before, "default").isEmpty())
            sql << stmt(QStringLiteral("DROP DEFAULT"));
        if (typeChanged) {
            sql << stmt(QStringLiteral("TYPE %1 USING %2::%3")
                            .arg(typeClause(after), c, attr(after, "type")));
            if (!MigrationGenerator::widens(attr(before, "type"), attr(after, "type")))
                destructive = tr("%1 changes type from %2 to %3, which may not keep every value")
                                  .arg(k, typeClause(before), typeClause(after));
        }
        if ((defaultChanged || typeChanged) && !attr(after, "default").isEmpty())
            sql << stmt(QStringLiteral("SET DEFAULT %1").arg(attr(after, "default")));
        if (attr(before, "not_null") != attr(after, "not_null"))
            sql << stmt(attr(after, "not_null") == u"true" ? QStringLiteral("SET NOT NULL")
                                                           : QStringLiteral("DROP NOT NULL"));
        const QString identity = attr(after, "identity");
        if (!identity.isEmpty() && identity != attr(before, "identity")) {
            const QString how
                = identity == u"a" ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT");
            sql << stmt(attr(before, "identity").isEmpty()
                            ? QStringLiteral("ADD GENERATED %1 AS IDENTITY").arg(how)
                            : QStringLiteral("SET GENERATED %1").arg(how));
        }
        if (attr(before, "statistics") != attr(after, "statistics"))
            sql << stmt(QStringLiteral("SET STATISTICS %1").arg(attr(after, "statistics")));
        if (!sql.isEmpty()) {
            add(Phase::AlterColumn, k, sql.join(u'\n'), destructive);
        } else if (attr(before, "position") != attr(after, "position")) {
            // A column dropped or added before it moved it; PostgreSQL cannot move a column.
            if (!tableGainsOrLosesColumns(before.parent))
                leaveAsIs(k,
                          tr("%1 is at another position (column order cannot be changed in "
                             "place)")
                              .arg(k));
            else
                leaveAsIs(k, {});
        }
    }

    bool tableGainsOrLosesColumns(const QString &table) const
    {
        for (const QString &k : m_removed + m_added) {
            const DdlObject *o = m_from.find(k) ? m_from.find(k) : m_to.find(k);
            if (o->kind == u"column" && o->parent == table)
                return true;
        }
        return false;
    }

    // --- the transaction -------------------------------------------------------------------------

    // An enum value added in a transaction cannot be used before it commits: a migration that
    // adds a value and uses it runs without a transaction.
    void decideTransaction()
    {
        if (m_addedLabels.isEmpty())
            return;
        for (const DdlStep &s : m_script.steps) {
            if (s.heldBack || s.sql.contains(u"ADD VALUE"))
                continue;
            for (const QString &label : m_addedLabels)
                if (s.sql.contains(label))
                    m_script.noTransaction = true;
        }
    }
};

// "character varying(20)" -> {"character varying", 20, -1}
struct TypeParts
{
    QString base;
    int first = -1;
    int second = -1;

    explicit TypeParts(const QString &type)
    {
        static const QRegularExpression re(QStringLiteral("^(.*?)(?:\\((\\d+)(?:,(\\d+))?\\))?$"));
        const auto m = re.match(type);
        base = m.captured(1);
        if (m.hasCaptured(2))
            first = m.captured(2).toInt();
        if (m.hasCaptured(3))
            second = m.captured(3).toInt();
    }
};

} // namespace

bool MigrationGenerator::widens(const QString &before, const QString &after)
{
    if (before == after || after == u"text")
        return true;
    static const QStringList integers{QStringLiteral("smallint"), QStringLiteral("integer"),
                                      QStringLiteral("bigint"), QStringLiteral("numeric")};
    const qsizetype from = integers.indexOf(before);
    const qsizetype to = integers.indexOf(after);
    if (from >= 0 && to > from)
        return true;
    if (before == u"real" && after == u"double precision")
        return true;
    const TypeParts b(before);
    const TypeParts a(after);
    if (b.base != a.base)
        return b.base == u"character varying" && a.base == u"text";
    if (a.first < 0)
        return true; // varchar(n) -> varchar, numeric(p,s) -> numeric
    if (b.first < 0)
        return false;
    if (b.base == u"numeric") {
        const int bs = std::max(b.second, 0);
        const int as = std::max(a.second, 0);
        return as >= bs && a.first - as >= b.first - bs;
    }
    return a.first >= b.first && (b.second < 0 || a.second >= b.second);
}

GeneratedScript MigrationGenerator::up(const DdlCatalog &from, const DdlCatalog &to)
{
    return Generation(from, to, true, {}).run();
}

GeneratedScript MigrationGenerator::down(const DdlCatalog &from, const DdlCatalog &to,
                                         const QSet<QString> &heldInUp)
{
    return Generation(from, to, false, heldInUp).run();
}

} // namespace uaip
