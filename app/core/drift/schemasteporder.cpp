#include "schemasteporder.h"

#include "ddlattributes.h"

#include "migrationgenerator.h"

namespace uaip {

using Phase = MigrationGenerator::Phase;
using namespace ddl;

SchemaStepOrder::SchemaStepOrder(const DdlCatalog &from, const DdlCatalog &to,
                                 const QSet<QString> &removed, const QSet<QString> &added)
    : m_to(to)
    , m_removed(removed)
    , m_added(added)
    , m_fromDepth(from)
    , m_toDepth(to)
{ }

QStringList SchemaStepOrder::sorted(const QSet<QString> &keys)
{
    QStringList out(keys.cbegin(), keys.cend());
    out.sort();
    return out;
}

bool SchemaStepOrder::mentionsAddedTable(const DdlObject &function) const
{
    for (const QString &k : sorted(m_added)) {
        const DdlObject *o = m_to.find(k);
        if (o->kind == u"table" && function.createSql.contains(o->name))
            return true;
    }
    return false;
}

int SchemaStepOrder::createPhase(const DdlObject &o) const
{
    const QString &k = o.kind;
    if (k == u"schema")
        return Phase::CreateSchema;
    if (k == u"extension")
        return Phase::CreateExtension;
    if (k == u"type")
        return Phase::CreateType;
    if (k == u"domain constraint") // one whose CHECK calls a function of ours: after them
        return attrList(o, "function_deps").isEmpty() ? Phase::CreateDomainConstraint
                                                      : Phase::CreateConstraint;
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

int SchemaStepOrder::dropPhase(const DdlObject &o) const
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
    if (k == u"function" || k == u"aggregate")
        return Phase::DropFunction;
    if (k == u"type")
        return m_removed.contains(o.key()) ? Phase::DropRemovedType : Phase::DropType;
    if (k == u"extension")
        return Phase::DropExtension;
    if (k == u"schema")
        return Phase::DropRemovedSchema;
    if (k == u"comment on")
        return Phase::Comment;
    if (k == u"owner")
        return Phase::Owner;
    return Phase::Revoke;
}

int SchemaStepOrder::rank(const DdlObject &o, bool dropping)
{
    if (!isView(o.kind) && o.kind != u"table" && o.kind != u"type" && o.kind != u"function"
        && o.kind != u"aggregate")
        return 0;
    const int depth = (dropping ? m_fromDepth : m_toDepth).depth(o.key());
    return dropping ? -depth : depth;
}

QStringList SchemaStepOrder::cyclicForeignKeys(const QStringList &droppedTables)
{
    for (const QString &table : droppedTables)
        m_fromDepth.depth(table);
    return sorted(m_fromDepth.cyclicForeignKeys());
}

} // namespace uaip
