#include "droprules.h"

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

DropRules::DropRules(LintContext &context)
    : m_context(context)
{ }

void DropRules::lintDrop(const QJsonObject &drop)
{
    const QString objectType = drop.value(u"removeType").toString();
    const QString noun = ParseTreeNames::objectNoun(objectType);
    const QString keyword = QStringLiteral("DROP ") + noun.toUpper();
    const bool cascade = ParseTree::isCascade(drop);

    for (const QJsonValue &object : drop.value(u"objects").toArray()) {
        const QString name = ParseTreeNames::objectName(object, objectType);
        Severity severity = Severity::Warning;
        Kind kind = Kind::DropOther;
        QString message;
        bool cascadeSaid = false;
        if (objectType == u"OBJECT_TABLE") {
            const ParseTreeNode list = ParseTree::nodeOf(object);
            QStringList parts = ParseTree::stringValues(list.fields.value(u"items").toArray());
            TableRef table;
            table.name = parts.isEmpty() ? QString() : parts.takeLast();
            table.schema = parts.isEmpty() ? QString() : parts.takeLast();
            if (m_context.isNewTable(table)) { // made by this file: nothing from before is lost
                m_context.forgetNewTable(table);
                continue;
            }
            severity = Severity::Danger;
            kind = Kind::DropTable;
            message = tr("DROP TABLE %1 destroys the table and all its rows").arg(name);
        } else if (objectType == u"OBJECT_SCHEMA") {
            severity = Severity::Danger;
            kind = Kind::DropSchema;
            message = cascade ? tr("DROP SCHEMA %1 CASCADE destroys the schema "
                                   "and every table, row and object in it")
                                    .arg(name)
                              : tr("DROP SCHEMA %1 removes the schema (it fails "
                                   "unless the schema is empty)")
                                    .arg(name);
            cascadeSaid = true;
        } else if (objectType == u"OBJECT_TYPE" || objectType == u"OBJECT_DOMAIN") {
            severity = Severity::Danger;
            kind = Kind::DropType;
            message = cascade ? tr("%1 %2 CASCADE removes the %3 and drops every "
                                   "column that uses it, with its data")
                                    .arg(keyword, name, noun)
                              : tr("%1 %2 removes the %3 (it fails while a "
                                   "column still uses it)")
                                    .arg(keyword, name, noun);
            cascadeSaid = true;
        } else if (objectType == u"OBJECT_INDEX") {
            kind = Kind::DropIndex;
            message = tr("DROP INDEX %1 removes the index; queries that used it "
                         "may become slow")
                          .arg(name);
            if (!drop.value(u"concurrent").toBool()) {
                message = tr("%1, and it blocks all access to the table while it waits for "
                             "its lock (use DROP INDEX CONCURRENTLY)")
                              .arg(message);
            }
        } else if (objectType == u"OBJECT_SEQUENCE") {
            severity = Severity::Danger;
            message = tr("DROP SEQUENCE %1 destroys the sequence and its current "
                         "value")
                          .arg(name);
        } else if (objectType == u"OBJECT_FOREIGN_TABLE") {
            message = tr("DROP FOREIGN TABLE %1 removes the foreign table (the "
                         "remote data stays)")
                          .arg(name);
        } else if (objectType == u"OBJECT_TRIGGER" || objectType == u"OBJECT_RULE"
                   || objectType == u"OBJECT_POLICY") {
            message = tr("%1 %2 removes the %3; what it did or enforced stops "
                         "happening")
                          .arg(keyword, name, noun);
        } else {
            message = tr("%1 %2 removes the %3; anything that still uses it "
                         "will fail")
                          .arg(keyword, name, noun);
        }
        if (cascade && !cascadeSaid) {
            severity = Severity::Danger;
            message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
        }
        m_context.add(severity, kind, name, message);
    }
}

void DropRules::lintDropDatabase(const QJsonObject &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.value(u"dbname").toString());
    m_context.add(Severity::Danger, Kind::DropDatabase, name,
                  tr("DROP DATABASE %1 destroys the database and everything in it").arg(name));
}

void DropRules::lintDropOwned(const QJsonObject &drop)
{
    QStringList roles;
    for (const QJsonValue &role : drop.value(u"roles").toArray())
        roles.append(ParseTreeNames::objectName(role, QString()));
    const QString name = roles.join(QStringLiteral(", "));
    m_context.add(Severity::Danger, Kind::DropOther, name,
                  tr("DROP OWNED BY %1 drops every object the role owns, with its "
                     "data")
                      .arg(name));
}

void DropRules::lintDropRole(const QJsonObject &drop)
{
    for (const QJsonValue &role : drop.value(u"roles").toArray()) {
        const QString name = ParseTreeNames::objectName(role, QString());
        m_context.add(Severity::Warning, Kind::DropOther, name,
                      tr("DROP ROLE %1 removes the role; logins and grants that use "
                         "it stop working")
                          .arg(name));
    }
}

void DropRules::lintDropTablespace(const QJsonObject &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.value(u"tablespacename").toString());
    m_context.add(Severity::Warning, Kind::DropOther, name,
                  tr("DROP TABLESPACE %1 removes the tablespace").arg(name));
}

void DropRules::lintDropSubscription(const QJsonObject &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.value(u"subname").toString());
    m_context.add(Severity::Warning, Kind::DropOther, name,
                  tr("DROP SUBSCRIPTION %1 stops replication from its publisher").arg(name));
}

} // namespace uaip
