#include "dmlrules.h"

#include "parsetree.h"
#include "parsetreenames.h"

#include <QJsonArray>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

} // namespace

DmlRules::DmlRules(LintContext &context)
    : m_context(context)
{ }

void DmlRules::lintTruncate(const QJsonObject &truncate)
{
    for (const QJsonValue &value : truncate.value(u"relations").toArray()) {
        const QJsonObject relation = ParseTree::nodeOf(value).fields;
        if (m_context.isNewTable(relation))
            continue;
        const QString table = ParseTreeNames::relationName(relation);
        QString message = tr("TRUNCATE %1 deletes every row of the table").arg(table);
        if (ParseTree::isCascade(truncate))
            message
                = tr("%1; CASCADE also empties every table with a foreign key to it").arg(message);
        m_context.add(Severity::Danger, Kind::Truncate, table, message);
    }
}

void DmlRules::lintDml(const ParseTreeNode &node)
{
    const QJsonObject &f = node.fields;
    // Data-modifying statements inside WITH run too.
    for (const QJsonValue &cte : f.value(u"withClause").toObject().value(u"ctes").toArray())
        lintDml(ParseTree::nodeOf(ParseTree::nodeOf(cte).fields.value(u"ctequery")));

    if (node.type == u"SelectStmt") {
        const QJsonObject into = f.value(u"intoClause").toObject();
        if (!into.isEmpty())
            m_context.rememberNewTable(into.value(u"rel").toObject());
        return;
    }
    const bool isDelete = node.type == u"DeleteStmt";
    if ((!isDelete && node.type != u"UpdateStmt") || f.contains(u"whereClause"))
        return;
    const QJsonObject relation = f.value(u"relation").toObject();
    if (m_context.isNewTable(relation))
        return;
    const QString table = ParseTreeNames::relationName(relation);
    if (isDelete) {
        m_context.add(Severity::Danger, Kind::DeleteWithoutWhere, table,
                      tr("DELETE FROM %1 without WHERE deletes every row of the table").arg(table));
    } else {
        m_context.add(Severity::Danger, Kind::UpdateWithoutWhere, table,
                      tr("UPDATE %1 without WHERE changes every row of the table").arg(table));
    }
}

} // namespace uaip
