#include "schemarebuildfinder.h"

#include "ddlattributes.h"
#include "schemasteporder.h"

#include <QRegularExpression>

namespace uaip {

using namespace ddl;

SchemaRebuildFinder::SchemaRebuildFinder(
    const DdlCatalog &from, const DdlCatalog &to, const QSet<QString> &removed,
    const QSet<QString> &changed, const QList<std::pair<QString, QString>> &identifierRenames)
    : m_from(from)
    , m_to(to)
    , m_removed(removed)
    , m_changed(changed)
    , m_identifierRenames(identifierRenames)
{ }

void SchemaRebuildFinder::find()
{
    findChanged();
    findForeignKeysOnKeys();
    findForeignKeysOnTypes();
    findViews();
}

void SchemaRebuildFinder::findChanged()
{
    for (const QString &k : SchemaStepOrder::sorted(m_changed)) {
        const DdlObject *before = m_from.find(k);
        const DdlObject *after = m_to.find(k);
        if (!before->comesWith.isEmpty() || !after->comesWith.isEmpty())
            continue;
        const QString &kind = before->kind;
        const bool sameAfterRename = !m_identifierRenames.isEmpty()
            && renamedDefinition(before->definition) == after->definition;
        if (isView(kind)
            || ((kind == u"constraint" || kind == u"index" || kind == u"trigger" || kind == u"rule"
                 || kind == u"policy" || kind == u"domain constraint")
                && !sameAfterRename)
            || (kind == u"function" && attr(*before, "result") != attr(*after, "result")))
            m_rebuilt.insert(k);
        if (sameAfterRename && kind != u"column" && !isView(kind))
            m_skipped.insert(k);
    }
}

void SchemaRebuildFinder::findForeignKeysOnKeys()
{
    // A foreign key stands on the referenced table's primary key or unique constraint: one
    // of those dropped (or dropped and created again) takes the foreign keys that point at
    // its table with it, and they are created again afterwards.
    QSet<QString> keyTables;
    for (const DdlObject &o : m_from.objects())
        if (o.kind == u"constraint" && (m_rebuilt.contains(o.key()) || m_removed.contains(o.key()))
            && (attr(o, "type") == u"p" || attr(o, "type") == u"u"))
            keyTables.insert(o.parent);
    for (const DdlObject &o : m_from.objects())
        if (o.kind == u"constraint" && attr(o, "type") == u"f"
            && keyTables.contains(attr(o, "references")) && m_to.find(o.key())
            && o.comesWith.isEmpty())
            m_rebuilt.insert(o.key());
}

void SchemaRebuildFinder::findForeignKeysOnTypes()
{
    // A foreign key whose columns or referenced columns change type: PostgreSQL checks it
    // again after each ALTER COLUMN ... TYPE, when only one side has changed yet.
    const auto typeChanges = [&](const QString &table, const QString &column) {
        const QString key
            = QStringLiteral("column ") + table.mid(table.indexOf(u' ') + 1) + u'.' + column;
        const DdlObject *before = m_from.find(key);
        const DdlObject *after = m_to.find(key);
        return before && after && typeClause(*before) != typeClause(*after);
    };
    for (const DdlObject &o : m_from.objects()) {
        if (o.kind != u"constraint" || attr(o, "type") != u"f" || !o.comesWith.isEmpty()
            || !m_to.find(o.key()))
            continue;
        for (const QString &c : attrList(o, "columns"))
            if (typeChanges(o.parent, c))
                m_rebuilt.insert(o.key());
        for (const QString &c : attrList(o, "ref_columns"))
            if (typeChanges(attr(o, "references"), c))
                m_rebuilt.insert(o.key());
    }
}

void SchemaRebuildFinder::findViews()
{
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

// 'from's definition with renamed columns' names replaced, for telling a constraint or an
// index that only names a renamed column from one that changed.
QString SchemaRebuildFinder::renamedDefinition(const QString &definition) const
{
    QString out = definition;
    for (const auto &[oldName, newName] : m_identifierRenames)
        out.replace(QRegularExpression(QStringLiteral("(?<![\\w\"])%1(?![\\w\"])")
                                           .arg(QRegularExpression::escape(oldName))),
                    newName);
    return out;
}

bool SchemaRebuildFinder::columnTypeChanges(const QString &table) const
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

} // namespace uaip
