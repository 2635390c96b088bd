#include "alterrules.h"

#include "parsetree.h"
#include "parsetreenames.h"
#include "parsetreenode.h"
#include "tableref.h"

#include <QJsonArray>
#include <QStringList>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

} // namespace

AlterRules::AlterRules(LintContext &context)
    : m_context(context)
{ }

void AlterRules::lintAlterTable(const QJsonObject &alter)
{
    const QJsonObject relation = alter.value(u"relation").toObject();
    if (m_context.isNewTable(relation))
        return;
    const QString table = ParseTreeNames::relationName(relation);
    const bool isType = alter.value(u"objtype").toString() == u"OBJECT_TYPE";
    const QString column = isType ? QStringLiteral("ATTRIBUTE") : QStringLiteral("COLUMN");

    for (const QJsonValue &value : alter.value(u"cmds").toArray()) {
        const QJsonObject cmd = ParseTree::nodeOf(value).fields;
        const QString subtype = cmd.value(u"subtype").toString();
        const QString target
            = table + u'.' + ParseTreeNames::quoteIdentifier(cmd.value(u"name").toString());
        if (subtype == u"AT_DropColumn") {
            QString message = isType
                ? tr("DROP ATTRIBUTE %1 destroys the attribute and its "
                     "data in every value of the type")
                      .arg(target)
                : tr("DROP COLUMN %1 destroys the column and its data").arg(target);
            if (ParseTree::isCascade(cmd))
                message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
            m_context.add(Severity::Danger, Kind::DropColumn, target, message);
        } else if (subtype == u"AT_AlterColumnType") {
            const QString type = ParseTreeNames::typeNameText(
                ParseTree::nodeOf(cmd.value(u"def")).fields.value(u"typeName").toObject());
            m_context.add(
                Severity::Danger, Kind::AlterColumnType, target,
                tr("ALTER %1 %2 TYPE %3 can rewrite the whole table under an exclusive lock, "
                   "and converting the values can fail or lose data (length, precision, time "
                   "zone)")
                    .arg(column, target, type));
        } else if (subtype == u"AT_SetNotNull") {
            m_context.add(
                Severity::Warning, Kind::SetNotNull, target,
                tr("SET NOT NULL on %1 scans the whole table under an exclusive lock and fails "
                   "if any row holds NULL")
                    .arg(target));
        } else if (subtype == u"AT_AddColumn") {
            lintAddColumn(table, ParseTree::nodeOf(cmd.value(u"def")).fields);
        } else if (subtype == u"AT_AddConstraint") {
            lintAddConstraint(table, ParseTree::nodeOf(cmd.value(u"def")).fields);
        } else if (subtype == u"AT_DropConstraint") {
            QString message
                = tr("DROP CONSTRAINT %1 on %2 removes a rule the data relied on")
                      .arg(ParseTreeNames::quoteIdentifier(cmd.value(u"name").toString()), table);
            Severity severity = Severity::Warning;
            if (ParseTree::isCascade(cmd)) {
                severity = Severity::Danger;
                message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
            }
            m_context.add(severity, Kind::DropConstraint, target, message);
        }
    }
}

void AlterRules::lintAddColumn(const QString &table, const QJsonObject &columnDef)
{
    bool notNull = false;
    bool hasDefault = false;
    for (const QJsonValue &value : columnDef.value(u"constraints").toArray()) {
        const QJsonObject constraint = ParseTree::nodeOf(value).fields;
        const QString type = constraint.value(u"contype").toString();
        if (type == u"CONSTR_NOTNULL" || type == u"CONSTR_PRIMARY") {
            notNull = true;
        } else if (type == u"CONSTR_DEFAULT") {
            // DEFAULT NULL is no default at all.
            const ParseTreeNode expr = ParseTree::nodeOf(constraint.value(u"raw_expr"));
            if (!(expr.type == u"A_Const" && expr.fields.value(u"isnull").toBool()))
                hasDefault = true;
        } else if (type == u"CONSTR_IDENTITY" || type == u"CONSTR_GENERATED") {
            hasDefault = true;
        }
    }
    const QStringList typeNames = ParseTree::stringValues(
        columnDef.value(u"typeName").toObject().value(u"names").toArray());
    static const QStringList serialTypes{
        QStringLiteral("serial"),  QStringLiteral("serial2"),     QStringLiteral("serial4"),
        QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("bigserial"),
    };
    if (typeNames.size() == 1 && serialTypes.contains(typeNames.first()))
        hasDefault = true;
    if (!notNull || hasDefault)
        return;
    const QString target
        = table + u'.' + ParseTreeNames::quoteIdentifier(columnDef.value(u"colname").toString());
    m_context.add(
        Severity::Warning, Kind::AddNotNullWithoutDefault, target,
        tr("ADD COLUMN %1 NOT NULL without a DEFAULT fails as soon as the table has a row")
            .arg(target));
}

void AlterRules::lintAddConstraint(const QString &table, const QJsonObject &constraint)
{
    const QString type = constraint.value(u"contype").toString();
    const QString name = constraint.value(u"conname").toString();
    const QString target
        = name.isEmpty() ? table : table + u'.' + ParseTreeNames::quoteIdentifier(name);
    const QString what = name.isEmpty() ? QString() : ParseTreeNames::quoteIdentifier(name) + u' ';
    if ((type == u"CONSTR_FOREIGN" || type == u"CONSTR_CHECK")
        && !constraint.value(u"skip_validation").toBool()) {
        const QString keyword
            = type == u"CONSTR_FOREIGN" ? QStringLiteral("FOREIGN KEY") : QStringLiteral("CHECK");
        m_context.add(
            Severity::Warning, Kind::AddConstraintWithoutNotValid, target,
            tr("ADD CONSTRAINT %1%2 on %3 checks every existing row while it blocks writes to "
               "the table; add it NOT VALID and run VALIDATE CONSTRAINT separately")
                .arg(what, keyword, table));
    } else if ((type == u"CONSTR_PRIMARY" || type == u"CONSTR_UNIQUE")
               && constraint.value(u"indexname").toString().isEmpty()) {
        const QString keyword
            = type == u"CONSTR_PRIMARY" ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE");
        m_context.add(
            Severity::Warning, Kind::CreateIndexWithoutConcurrently, target,
            tr("ADD CONSTRAINT %1%2 on %3 builds its index while it blocks all access to the "
               "table; build the index first with CREATE UNIQUE INDEX CONCURRENTLY and add the "
               "constraint USING INDEX")
                .arg(what, keyword, table));
    }
}

void AlterRules::lintRename(const QJsonObject &rename)
{
    const QString objectType = rename.value(u"renameType").toString();
    const QJsonObject relation = rename.value(u"relation").toObject();
    const QString newName = ParseTreeNames::quoteIdentifier(rename.value(u"newname").toString());
    if (objectType == u"OBJECT_TABLE" || objectType == u"OBJECT_FOREIGN_TABLE") {
        if (m_context.isNewTable(relation)) {
            m_context.forgetNewTable(TableRef::of(relation));
            m_context.rememberNewTable(TableRef{relation.value(u"schemaname").toString(),
                                                rename.value(u"newname").toString()});
            return;
        }
        const QString table = ParseTreeNames::relationName(relation);
        m_context.add(Severity::Warning, Kind::RenameTable, table,
                      tr("RENAME of table %1 to %2 breaks every query and program that still "
                         "uses the old name")
                          .arg(table, newName));
    } else if (objectType == u"OBJECT_COLUMN" || objectType == u"OBJECT_ATTRIBUTE") {
        if (m_context.isNewTable(relation))
            return;
        const QString target = ParseTreeNames::relationName(relation) + u'.'
            + ParseTreeNames::quoteIdentifier(rename.value(u"subname").toString());
        m_context.add(Severity::Warning, Kind::RenameColumn, target,
                      tr("RENAME COLUMN %1 to %2 breaks every query and program that still "
                         "uses the old name")
                          .arg(target, newName));
    } else {
        static const QStringList breakingTypes{
            QStringLiteral("OBJECT_VIEW"),      QStringLiteral("OBJECT_MATVIEW"),
            QStringLiteral("OBJECT_SCHEMA"),    QStringLiteral("OBJECT_FUNCTION"),
            QStringLiteral("OBJECT_PROCEDURE"), QStringLiteral("OBJECT_ROUTINE"),
            QStringLiteral("OBJECT_AGGREGATE"), QStringLiteral("OBJECT_TYPE"),
            QStringLiteral("OBJECT_DOMAIN"),    QStringLiteral("OBJECT_SEQUENCE"),
            QStringLiteral("OBJECT_DATABASE"),
        };
        if (!breakingTypes.contains(objectType))
            return;
        QString name;
        if (!relation.isEmpty())
            name = ParseTreeNames::relationName(relation);
        else if (rename.contains(u"object"))
            name = ParseTreeNames::objectName(rename.value(u"object"), objectType);
        else
            name = ParseTreeNames::quoteIdentifier(rename.value(u"subname").toString());
        m_context.add(Severity::Warning, Kind::RenameOther, name,
                      // %1 is the SQL object type (view, function, ...), not translated
                      tr("RENAME of %1 %2 to %3 breaks every query and program that still uses "
                         "the old name")
                          .arg(ParseTreeNames::objectNoun(objectType), name, newName));
    }
}

void AlterRules::lintCreateIndex(const QJsonObject &index)
{
    const QJsonObject relation = index.value(u"relation").toObject();
    if (index.value(u"concurrent").toBool() || m_context.isNewTable(relation))
        return;
    const QString table = ParseTreeNames::relationName(relation);
    const QString name = index.value(u"idxname").toString();
    const QString what = name.isEmpty()
        ? QStringLiteral("CREATE INDEX ON %1").arg(table)
        : QStringLiteral("CREATE INDEX %1 ON %2").arg(ParseTreeNames::quoteIdentifier(name), table);
    m_context.add(
        Severity::Warning, Kind::CreateIndexWithoutConcurrently, table,
        tr("%1 without CONCURRENTLY blocks writes to the table until the index is built; use "
           "CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction migration")
            .arg(what));
}

} // namespace uaip
