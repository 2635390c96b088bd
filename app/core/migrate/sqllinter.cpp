#include "sqllinter.h"

#include "sqlsplitter.h"
#include "sqlsyntaxchecker.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QStringList>

#include <pg_query.h>

#include <algorithm>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

// DO blocks are linted; a DO inside a DO is as far as we follow.
constexpr int maxDoDepth = 2;

// Qt's JSON reader gives up at 1024 levels of nesting, and a long chain of operators
// (a + b + c ...) nests that deep. The linter only looks at the upper levels, so everything
// below this depth is replaced by null before the tree is read.
constexpr int maxJsonDepth = 400;

QJsonDocument readTree(const char *json)
{
    QByteArray pruned;
    const qsizetype size = qstrlen(json);
    pruned.reserve(size);
    int depth = 0;
    int skipping = 0; // > 0: inside a subtree being dropped, at this relative depth
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (skipping > 0) {
                ++skipping;
                continue;
            }
            if (depth == maxJsonDepth) {
                skipping = 1;
                pruned.append("null");
                continue;
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            if (skipping > 0) {
                --skipping;
                continue;
            }
            --depth;
        }
        if (skipping == 0)
            pruned.append(c);
    }
    return QJsonDocument::fromJson(pruned);
}

// A parse tree node is {"TypeName": {...fields}}.
struct Node
{
    QString type;
    QJsonObject fields;
};

Node nodeOf(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    if (object.size() != 1)
        return {};
    return {object.begin().key(), object.begin().value().toObject()};
}

QStringList stringValues(const QJsonArray &array)
{
    QStringList values;
    for (const QJsonValue &item : array) {
        const Node node = nodeOf(item);
        if (node.type == u"String")
            values.append(node.fields.value(u"sval").toString());
    }
    return values;
}

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.unicode() >= 0x80 || (c >= u'a' && c <= u'z') || c == u'_')
            continue;
        if (i > 0 && ((c >= u'0' && c <= u'9') || c == u'$'))
            continue;
        return false;
    }
    return true;
}

// The name as it would have to be written: quoted when it has upper case or odd characters.
QString quoteIdentifier(const QString &name)
{
    if (isPlainIdentifier(name))
        return name;
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString qualifiedName(const QStringList &parts)
{
    QStringList quoted;
    for (const QString &part : parts)
        quoted.append(quoteIdentifier(part));
    return quoted.join(u'.');
}

QString relationName(const QJsonObject &rangeVar)
{
    QStringList parts;
    for (const QStringView key : {u"catalogname", u"schemaname", u"relname"}) {
        const QString part = rangeVar.value(key).toString();
        if (!part.isEmpty())
            parts.append(part);
    }
    return qualifiedName(parts);
}

QString typeNameText(const QJsonObject &typeName)
{
    // The grammar turns the SQL spellings of built-in types into pg_catalog names.
    static const QHash<QString, QString> sqlSpelling{
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("float4"), QStringLiteral("real")},
        {QStringLiteral("float8"), QStringLiteral("double precision")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("bpchar"), QStringLiteral("character")},
        {QStringLiteral("varchar"), QStringLiteral("character varying")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamp with time zone")},
        {QStringLiteral("timetz"), QStringLiteral("time with time zone")},
    };
    QStringList names = stringValues(typeName.value(u"names").toArray());
    QString text;
    if (names.size() == 2 && names.first() == u"pg_catalog")
        text = sqlSpelling.value(names.last(), names.last());
    else
        text = qualifiedName(names);
    QStringList modifiers;
    for (const QJsonValue &value : typeName.value(u"typmods").toArray()) {
        const Node modifier = nodeOf(value);
        if (modifier.type != u"A_Const")
            continue;
        if (modifier.fields.contains(u"ival"))
            modifiers.append(
                QString::number(modifier.fields.value(u"ival").toObject().value(u"ival").toInt()));
        else if (modifier.fields.contains(u"sval"))
            modifiers.append(modifier.fields.value(u"sval").toObject().value(u"sval").toString());
    }
    if (!modifiers.isEmpty()) {
        const QString list = u'(' + modifiers.join(u',') + u')';
        const qsizetype with = text.indexOf(QStringLiteral(" with time zone"));
        if (with >= 0) // timestamp(3) with time zone
            text.insert(with, list);
        else
            text += list;
    }
    const qsizetype dimensions = typeName.value(u"arrayBounds").toArray().size();
    for (qsizetype i = 0; i < dimensions; ++i)
        text += QStringLiteral("[]");
    return text;
}

// "materialized view" for OBJECT_MATVIEW, "table" for OBJECT_TABLE, ...
QString objectNoun(const QString &objectType)
{
    static const QHash<QString, QString> special{
        {QStringLiteral("OBJECT_MATVIEW"), QStringLiteral("materialized view")},
        {QStringLiteral("OBJECT_FOREIGN_SERVER"), QStringLiteral("server")},
        {QStringLiteral("OBJECT_FDW"), QStringLiteral("foreign data wrapper")},
        {QStringLiteral("OBJECT_OPCLASS"), QStringLiteral("operator class")},
        {QStringLiteral("OBJECT_OPFAMILY"), QStringLiteral("operator family")},
        {QStringLiteral("OBJECT_STATISTIC_EXT"), QStringLiteral("statistics")},
        {QStringLiteral("OBJECT_TABCONSTRAINT"), QStringLiteral("constraint")},
        {QStringLiteral("OBJECT_TSCONFIGURATION"), QStringLiteral("text search configuration")},
        {QStringLiteral("OBJECT_TSDICTIONARY"), QStringLiteral("text search dictionary")},
        {QStringLiteral("OBJECT_TSPARSER"), QStringLiteral("text search parser")},
        {QStringLiteral("OBJECT_TSTEMPLATE"), QStringLiteral("text search template")},
    };
    if (const auto it = special.constFind(objectType); it != special.cend())
        return *it;
    QString noun = objectType;
    if (noun.startsWith(u"OBJECT_"))
        noun.remove(0, 7);
    return noun.toLower().replace(u'_', u' ');
}

// The name of one object of a DROP or RENAME, as written.
QString objectName(const QJsonValue &value, const QString &objectType)
{
    const Node node = nodeOf(value);
    if (node.type == u"String")
        return quoteIdentifier(node.fields.value(u"sval").toString());
    if (node.type == u"TypeName")
        return typeNameText(node.fields);
    if (node.type == u"RoleSpec")
        return quoteIdentifier(node.fields.value(u"rolename").toString());
    if (node.type == u"ObjectWithArgs") {
        QString name = qualifiedName(stringValues(node.fields.value(u"objname").toArray()));
        if (!node.fields.value(u"args_unspecified").toBool()) {
            QStringList args;
            for (const QJsonValue &arg : node.fields.value(u"objargs").toArray())
                args.append(typeNameText(nodeOf(arg).fields));
            name += u'(' + args.join(QStringLiteral(", ")) + u')';
        }
        return name;
    }
    if (node.type == u"List") {
        const QJsonArray items = node.fields.value(u"items").toArray();
        QStringList names = stringValues(items);
        if (names.size() != items.size()) { // e.g. DROP CAST (a AS b)
            QStringList parts;
            for (const QJsonValue &item : items)
                parts.append(objectName(item, QString()));
            return u'(' + parts.join(QStringLiteral(" AS ")) + u')';
        }
        if (names.size() >= 2
            && (objectType == u"OBJECT_TRIGGER" || objectType == u"OBJECT_POLICY"
                || objectType == u"OBJECT_RULE")) {
            const QString name = names.takeLast();
            return quoteIdentifier(name) + QStringLiteral(" ON ") + qualifiedName(names);
        }
        if (names.size() >= 2
            && (objectType == u"OBJECT_OPCLASS" || objectType == u"OBJECT_OPFAMILY")) {
            const QString method = names.takeFirst();
            return qualifiedName(names) + QStringLiteral(" USING ") + quoteIdentifier(method);
        }
        return qualifiedName(names);
    }
    return QString();
}

bool isCascade(const QJsonObject &fields)
{
    return fields.value(u"behavior").toString() == u"DROP_CASCADE";
}

struct TableRef
{
    QString schema;
    QString name;

    static TableRef of(const QJsonObject &rangeVar)
    {
        return {rangeVar.value(u"schemaname").toString(), rangeVar.value(u"relname").toString()};
    }
    bool matches(const TableRef &other) const
    {
        return name == other.name
            && (schema.isEmpty() || other.schema.isEmpty() || schema == other.schema);
    }
};

// One PL/pgSQL statement inside a DO block: its line in the block and its SQL.
struct PlpgsqlStatement
{
    int line = 1;
    QString query;
};

void collectPlpgsqlStatements(const QJsonValue &value, QList<PlpgsqlStatement> *out)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectPlpgsqlStatements(item, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"PLpgSQL_stmt_execsql") {
            const QJsonObject fields = it.value().toObject();
            const QString query = fields.value(u"sqlstmt")
                                      .toObject()
                                      .value(u"PLpgSQL_expr")
                                      .toObject()
                                      .value(u"query")
                                      .toString();
            out->append({fields.value(u"lineno").toInt(1), query});
        } else {
            collectPlpgsqlStatements(it.value(), out);
        }
    }
}

class Linter
{
public:
    explicit Linter(const QByteArray &sql)
        : m_sql(sql)
    { }

    QList<LintFinding> findings() const { return m_findings; }

    // text is a statement at offset/position of the file (doDepth 0), or a statement inside
    // a DO block reported at offset/position.
    void lintStatement(const QByteArray &text, int offset, TextPosition position, int doDepth)
    {
        m_offset = offset;
        m_position = position;
        PgQueryParseResult parse = pg_query_parse(text.constData());
        const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
        if (parse.error)
            return;
        const QJsonDocument tree = readTree(parse.parse_tree);
        if (!tree.isObject()) {
            add(Severity::Warning, Kind::NotChecked, QString(),
                QStringLiteral("the statement is nested too deeply for the linter to look "
                               "inside; review it by hand"));
            return;
        }
        for (const QJsonValue &raw : tree.object().value(u"stmts").toArray()) {
            m_offset = offset;
            m_position = position;
            lintNode(nodeOf(raw.toObject().value(u"stmt")), text, doDepth);
        }
    }

private:
    void add(Severity severity, Kind kind, const QString &object, const QString &message)
    {
        LintFinding finding;
        finding.severity = severity;
        finding.kind = kind;
        finding.object = object;
        finding.message = message;
        finding.offset = m_offset;
        finding.position = m_position;
        m_findings.append(finding);
    }

    bool isNewTable(const QJsonObject &rangeVar) const
    {
        const TableRef table = TableRef::of(rangeVar);
        return std::any_of(m_newTables.cbegin(), m_newTables.cend(),
                           [&table](const TableRef &t) { return t.matches(table); });
    }

    void rememberNewTable(const QJsonObject &rangeVar)
    {
        m_newTables.append(TableRef::of(rangeVar));
    }

    void forgetNewTable(const TableRef &table)
    {
        m_newTables.removeIf([&table](const TableRef &t) { return t.matches(table); });
    }

    void lintNode(const Node &node, const QByteArray &text, int doDepth)
    {
        const QJsonObject &f = node.fields;
        if (node.type == u"DropStmt") {
            lintDrop(f);
        } else if (node.type == u"AlterTableStmt") {
            lintAlterTable(f);
        } else if (node.type == u"RenameStmt") {
            lintRename(f);
        } else if (node.type == u"TruncateStmt") {
            lintTruncate(f);
        } else if (node.type == u"IndexStmt") {
            lintCreateIndex(f);
        } else if (node.type == u"DeleteStmt" || node.type == u"UpdateStmt"
                   || node.type == u"InsertStmt" || node.type == u"SelectStmt") {
            lintDml(node);
        } else if (node.type == u"CreateStmt") {
            if (!f.value(u"if_not_exists").toBool())
                rememberNewTable(f.value(u"relation").toObject());
        } else if (node.type == u"CreateTableAsStmt") {
            if (f.value(u"objtype").toString() == u"OBJECT_TABLE"
                && !f.value(u"if_not_exists").toBool()) {
                rememberNewTable(f.value(u"into").toObject().value(u"rel").toObject());
            }
        } else if (node.type == u"DoStmt") {
            if (doDepth < maxDoDepth)
                lintDo(f, text, doDepth);
        } else if (node.type == u"DropdbStmt") {
            const QString name = quoteIdentifier(f.value(u"dbname").toString());
            add(Severity::Danger, Kind::DropDatabase, name,
                QStringLiteral("DROP DATABASE %1 destroys the database and everything in it")
                    .arg(name));
        } else if (node.type == u"DropOwnedStmt") {
            QStringList roles;
            for (const QJsonValue &role : f.value(u"roles").toArray())
                roles.append(objectName(role, QString()));
            const QString name = roles.join(QStringLiteral(", "));
            add(Severity::Danger, Kind::DropOther, name,
                QStringLiteral("DROP OWNED BY %1 drops every object the role owns, with its "
                               "data")
                    .arg(name));
        } else if (node.type == u"DropRoleStmt") {
            for (const QJsonValue &role : f.value(u"roles").toArray()) {
                const QString name = objectName(role, QString());
                add(Severity::Warning, Kind::DropOther, name,
                    QStringLiteral("DROP ROLE %1 removes the role; logins and grants that use "
                                   "it stop working")
                        .arg(name));
            }
        } else if (node.type == u"DropTableSpaceStmt") {
            const QString name = quoteIdentifier(f.value(u"tablespacename").toString());
            add(Severity::Warning, Kind::DropOther, name,
                QStringLiteral("DROP TABLESPACE %1 removes the tablespace").arg(name));
        } else if (node.type == u"DropSubscriptionStmt") {
            const QString name = quoteIdentifier(f.value(u"subname").toString());
            add(Severity::Warning, Kind::DropOther, name,
                QStringLiteral("DROP SUBSCRIPTION %1 stops replication from its publisher")
                    .arg(name));
        }
    }

    void lintDrop(const QJsonObject &drop)
    {
        const QString objectType = drop.value(u"removeType").toString();
        const QString noun = objectNoun(objectType);
        const QString keyword = QStringLiteral("DROP ") + noun.toUpper();
        const bool cascade = isCascade(drop);
        const QString cascadeNote
            = QStringLiteral("; CASCADE also drops every object that depends on it");

        for (const QJsonValue &object : drop.value(u"objects").toArray()) {
            const QString name = objectName(object, objectType);
            Severity severity = Severity::Warning;
            Kind kind = Kind::DropOther;
            QString message;
            bool cascadeSaid = false;
            if (objectType == u"OBJECT_TABLE") {
                const Node list = nodeOf(object);
                QStringList parts = stringValues(list.fields.value(u"items").toArray());
                TableRef table;
                table.name = parts.isEmpty() ? QString() : parts.takeLast();
                table.schema = parts.isEmpty() ? QString() : parts.takeLast();
                const bool isNew
                    = std::any_of(m_newTables.cbegin(), m_newTables.cend(),
                                  [&table](const TableRef &t) { return t.matches(table); });
                if (isNew) { // made by this file: nothing from before is lost
                    forgetNewTable(table);
                    continue;
                }
                severity = Severity::Danger;
                kind = Kind::DropTable;
                message
                    = QStringLiteral("DROP TABLE %1 destroys the table and all its rows").arg(name);
            } else if (objectType == u"OBJECT_SCHEMA") {
                severity = Severity::Danger;
                kind = Kind::DropSchema;
                message = cascade ? QStringLiteral("DROP SCHEMA %1 CASCADE destroys the schema "
                                                   "and every table, row and object in it")
                                        .arg(name)
                                  : QStringLiteral("DROP SCHEMA %1 removes the schema (it fails "
                                                   "unless the schema is empty)")
                                        .arg(name);
                cascadeSaid = true;
            } else if (objectType == u"OBJECT_TYPE" || objectType == u"OBJECT_DOMAIN") {
                severity = Severity::Danger;
                kind = Kind::DropType;
                message = cascade ? QStringLiteral("%1 %2 CASCADE removes the %3 and drops every "
                                                   "column that uses it, with its data")
                                        .arg(keyword, name, noun)
                                  : QStringLiteral("%1 %2 removes the %3 (it fails while a "
                                                   "column still uses it)")
                                        .arg(keyword, name, noun);
                cascadeSaid = true;
            } else if (objectType == u"OBJECT_INDEX") {
                kind = Kind::DropIndex;
                message = QStringLiteral("DROP INDEX %1 removes the index; queries that used it "
                                         "may become slow")
                              .arg(name);
                if (!drop.value(u"concurrent").toBool()) {
                    message += QStringLiteral(", and it blocks all access to the table while it "
                                              "waits for its lock (use DROP INDEX "
                                              "CONCURRENTLY)");
                }
            } else if (objectType == u"OBJECT_SEQUENCE") {
                severity = Severity::Danger;
                message = QStringLiteral("DROP SEQUENCE %1 destroys the sequence and its current "
                                         "value")
                              .arg(name);
            } else if (objectType == u"OBJECT_FOREIGN_TABLE") {
                message = QStringLiteral("DROP FOREIGN TABLE %1 removes the foreign table (the "
                                         "remote data stays)")
                              .arg(name);
            } else if (objectType == u"OBJECT_TRIGGER" || objectType == u"OBJECT_RULE"
                       || objectType == u"OBJECT_POLICY") {
                message = QStringLiteral("%1 %2 removes the %3; what it did or enforced stops "
                                         "happening")
                              .arg(keyword, name, noun);
            } else {
                message = QStringLiteral("%1 %2 removes the %3; anything that still uses it "
                                         "will fail")
                              .arg(keyword, name, noun);
            }
            if (cascade && !cascadeSaid) {
                severity = Severity::Danger;
                message += cascadeNote;
            }
            add(severity, kind, name, message);
        }
    }

    void lintAlterTable(const QJsonObject &alter)
    {
        const QJsonObject relation = alter.value(u"relation").toObject();
        if (isNewTable(relation))
            return;
        const QString table = relationName(relation);
        const bool isType = alter.value(u"objtype").toString() == u"OBJECT_TYPE";
        const QString column = isType ? QStringLiteral("ATTRIBUTE") : QStringLiteral("COLUMN");

        for (const QJsonValue &value : alter.value(u"cmds").toArray()) {
            const QJsonObject cmd = nodeOf(value).fields;
            const QString subtype = cmd.value(u"subtype").toString();
            const QString target = table + u'.' + quoteIdentifier(cmd.value(u"name").toString());
            if (subtype == u"AT_DropColumn") {
                QString message = isType ? QStringLiteral("DROP ATTRIBUTE %1 destroys the "
                                                          "attribute and its data in every value "
                                                          "of the type")
                                               .arg(target)
                                         : QStringLiteral("DROP COLUMN %1 destroys the column "
                                                          "and its data")
                                               .arg(target);
                if (isCascade(cmd))
                    message += QStringLiteral("; CASCADE also drops every object that depends "
                                              "on it");
                add(Severity::Danger, Kind::DropColumn, target, message);
            } else if (subtype == u"AT_AlterColumnType") {
                const QString type
                    = typeNameText(nodeOf(cmd.value(u"def")).fields.value(u"typeName").toObject());
                add(Severity::Danger, Kind::AlterColumnType, target,
                    QStringLiteral("ALTER %1 %2 TYPE %3 can rewrite the whole table under an "
                                   "exclusive lock, and converting the values can fail or lose "
                                   "data (length, precision, time zone)")
                        .arg(column, target, type));
            } else if (subtype == u"AT_SetNotNull") {
                add(Severity::Warning, Kind::SetNotNull, target,
                    QStringLiteral("SET NOT NULL on %1 scans the whole table under an exclusive "
                                   "lock and fails if any row holds NULL")
                        .arg(target));
            } else if (subtype == u"AT_AddColumn") {
                lintAddColumn(table, nodeOf(cmd.value(u"def")).fields);
            } else if (subtype == u"AT_AddConstraint") {
                lintAddConstraint(table, nodeOf(cmd.value(u"def")).fields);
            } else if (subtype == u"AT_DropConstraint") {
                QString message = QStringLiteral("DROP CONSTRAINT %1 on %2 removes a rule the "
                                                 "data relied on")
                                      .arg(quoteIdentifier(cmd.value(u"name").toString()), table);
                Severity severity = Severity::Warning;
                if (isCascade(cmd)) {
                    severity = Severity::Danger;
                    message += QStringLiteral("; CASCADE also drops every object that depends "
                                              "on it");
                }
                add(severity, Kind::DropConstraint, target, message);
            }
        }
    }

    void lintAddColumn(const QString &table, const QJsonObject &columnDef)
    {
        bool notNull = false;
        bool hasDefault = false;
        for (const QJsonValue &value : columnDef.value(u"constraints").toArray()) {
            const QJsonObject constraint = nodeOf(value).fields;
            const QString type = constraint.value(u"contype").toString();
            if (type == u"CONSTR_NOTNULL" || type == u"CONSTR_PRIMARY") {
                notNull = true;
            } else if (type == u"CONSTR_DEFAULT") {
                // DEFAULT NULL is no default at all.
                const Node expr = nodeOf(constraint.value(u"raw_expr"));
                if (!(expr.type == u"A_Const" && expr.fields.value(u"isnull").toBool()))
                    hasDefault = true;
            } else if (type == u"CONSTR_IDENTITY" || type == u"CONSTR_GENERATED") {
                hasDefault = true;
            }
        }
        const QStringList typeNames
            = stringValues(columnDef.value(u"typeName").toObject().value(u"names").toArray());
        static const QStringList serialTypes{
            QStringLiteral("serial"),  QStringLiteral("serial2"),     QStringLiteral("serial4"),
            QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("bigserial"),
        };
        if (typeNames.size() == 1 && serialTypes.contains(typeNames.first()))
            hasDefault = true;
        if (!notNull || hasDefault)
            return;
        const QString target
            = table + u'.' + quoteIdentifier(columnDef.value(u"colname").toString());
        add(Severity::Warning, Kind::AddNotNullWithoutDefault, target,
            QStringLiteral("ADD COLUMN %1 NOT NULL without a DEFAULT fails as soon as the table "
                           "has a row")
                .arg(target));
    }

    void lintAddConstraint(const QString &table, const QJsonObject &constraint)
    {
        const QString type = constraint.value(u"contype").toString();
        const QString name = constraint.value(u"conname").toString();
        const QString target = name.isEmpty() ? table : table + u'.' + quoteIdentifier(name);
        const QString what = name.isEmpty() ? QString() : quoteIdentifier(name) + u' ';
        if ((type == u"CONSTR_FOREIGN" || type == u"CONSTR_CHECK")
            && !constraint.value(u"skip_validation").toBool()) {
            const QString keyword = type == u"CONSTR_FOREIGN" ? QStringLiteral("FOREIGN KEY")
                                                              : QStringLiteral("CHECK");
            add(Severity::Warning, Kind::AddConstraintWithoutNotValid, target,
                QStringLiteral("ADD CONSTRAINT %1%2 on %3 checks every existing row while it "
                               "blocks writes to the table; add it NOT VALID and run VALIDATE "
                               "CONSTRAINT separately")
                    .arg(what, keyword, table));
        } else if ((type == u"CONSTR_PRIMARY" || type == u"CONSTR_UNIQUE")
                   && constraint.value(u"indexname").toString().isEmpty()) {
            const QString keyword = type == u"CONSTR_PRIMARY" ? QStringLiteral("PRIMARY KEY")
                                                              : QStringLiteral("UNIQUE");
            add(Severity::Warning, Kind::CreateIndexWithoutConcurrently, target,
                QStringLiteral("ADD CONSTRAINT %1%2 on %3 builds its index while it blocks all "
                               "access to the table; build the index first with CREATE UNIQUE "
                               "INDEX CONCURRENTLY and add the constraint USING INDEX")
                    .arg(what, keyword, table));
        }
    }

    void lintRename(const QJsonObject &rename)
    {
        const QString objectType = rename.value(u"renameType").toString();
        const QJsonObject relation = rename.value(u"relation").toObject();
        const QString newName = quoteIdentifier(rename.value(u"newname").toString());
        const QString breaks
            = QStringLiteral("breaks every query and program that still uses the old name");

        if (objectType == u"OBJECT_TABLE" || objectType == u"OBJECT_FOREIGN_TABLE") {
            if (isNewTable(relation)) {
                forgetNewTable(TableRef::of(relation));
                m_newTables.append({relation.value(u"schemaname").toString(),
                                    rename.value(u"newname").toString()});
                return;
            }
            const QString table = relationName(relation);
            add(Severity::Warning, Kind::RenameTable, table,
                QStringLiteral("RENAME of table %1 to %2 %3").arg(table, newName, breaks));
        } else if (objectType == u"OBJECT_COLUMN" || objectType == u"OBJECT_ATTRIBUTE") {
            if (isNewTable(relation))
                return;
            const QString target = relationName(relation) + u'.'
                + quoteIdentifier(rename.value(u"subname").toString());
            add(Severity::Warning, Kind::RenameColumn, target,
                QStringLiteral("RENAME COLUMN %1 to %2 %3").arg(target, newName, breaks));
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
                name = relationName(relation);
            else if (rename.contains(u"object"))
                name = objectName(rename.value(u"object"), objectType);
            else
                name = quoteIdentifier(rename.value(u"subname").toString());
            add(Severity::Warning, Kind::RenameOther, name,
                QStringLiteral("RENAME of %1 %2 to %3 %4")
                    .arg(objectNoun(objectType), name, newName, breaks));
        }
    }

    void lintTruncate(const QJsonObject &truncate)
    {
        for (const QJsonValue &value : truncate.value(u"relations").toArray()) {
            const QJsonObject relation = nodeOf(value).fields;
            if (isNewTable(relation))
                continue;
            const QString table = relationName(relation);
            QString message
                = QStringLiteral("TRUNCATE %1 deletes every row of the table").arg(table);
            if (isCascade(truncate))
                message += QStringLiteral("; CASCADE also empties every table with a foreign key "
                                          "to it");
            add(Severity::Danger, Kind::Truncate, table, message);
        }
    }

    void lintDml(const Node &node)
    {
        const QJsonObject &f = node.fields;
        // Data-modifying statements inside WITH run too.
        for (const QJsonValue &cte : f.value(u"withClause").toObject().value(u"ctes").toArray())
            lintDml(nodeOf(nodeOf(cte).fields.value(u"ctequery")));

        if (node.type == u"SelectStmt") {
            const QJsonObject into = f.value(u"intoClause").toObject();
            if (!into.isEmpty())
                rememberNewTable(into.value(u"rel").toObject());
            return;
        }
        const bool isDelete = node.type == u"DeleteStmt";
        if ((!isDelete && node.type != u"UpdateStmt") || f.contains(u"whereClause"))
            return;
        const QJsonObject relation = f.value(u"relation").toObject();
        if (isNewTable(relation))
            return;
        const QString table = relationName(relation);
        if (isDelete) {
            add(Severity::Danger, Kind::DeleteWithoutWhere, table,
                QStringLiteral("DELETE FROM %1 without WHERE deletes every row of the table")
                    .arg(table));
        } else {
            add(Severity::Danger, Kind::UpdateWithoutWhere, table,
                QStringLiteral("UPDATE %1 without WHERE changes every row of the table")
                    .arg(table));
        }
    }

    void lintCreateIndex(const QJsonObject &index)
    {
        const QJsonObject relation = index.value(u"relation").toObject();
        if (index.value(u"concurrent").toBool() || isNewTable(relation))
            return;
        const QString table = relationName(relation);
        const QString name = index.value(u"idxname").toString();
        const QString what = name.isEmpty()
            ? QStringLiteral("CREATE INDEX ON %1").arg(table)
            : QStringLiteral("CREATE INDEX %1 ON %2").arg(quoteIdentifier(name), table);
        add(Severity::Warning, Kind::CreateIndexWithoutConcurrently, table,
            QStringLiteral("%1 without CONCURRENTLY blocks writes to the table until the index "
                           "is built; use CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction "
                           "migration")
                .arg(what));
    }

    // Lints the SQL statements of a PL/pgSQL DO block, each at its own line when the block is
    // a statement of the file itself.
    void lintDo(const QJsonObject &doStmt, const QByteArray &text, int doDepth)
    {
        QString language = QStringLiteral("plpgsql");
        int bodyLocation = -1;
        for (const QJsonValue &value : doStmt.value(u"args").toArray()) {
            const QJsonObject arg = nodeOf(value).fields;
            const QString name = arg.value(u"defname").toString();
            if (name == u"language")
                language = nodeOf(arg.value(u"arg")).fields.value(u"sval").toString();
            else if (name == u"as")
                bodyLocation = arg.value(u"location").toInt(-1);
        }
        if (language.compare(u"plpgsql", Qt::CaseInsensitive) != 0)
            return;

        // libpg_query accepts a DO statement here. When the block's PL/pgSQL does not compile
        // (the server would refuse it too) libpg_query 15-4.0.0 leaks its 1-byte stderr buffer;
        // nothing to do about that from here.
        PgQueryPlpgsqlParseResult parse = pg_query_parse_plpgsql(text.constData());
        const auto freeParse = qScopeGuard([&parse] { pg_query_free_plpgsql_parse_result(parse); });
        if (parse.error || !parse.plpgsql_funcs)
            return;
        QList<PlpgsqlStatement> statements;
        collectPlpgsqlStatements(readTree(parse.plpgsql_funcs).array(), &statements);
        // QJsonObject sorts keys (else_body before then_body): put them back in line order.
        std::stable_sort(
            statements.begin(), statements.end(),
            [](const PlpgsqlStatement &a, const PlpgsqlStatement &b) { return a.line < b.line; });

        const int blockOffset = m_offset;
        const TextPosition blockPosition = m_position;
        const int bodyStart = doDepth == 0 ? bodyStartIn(text, bodyLocation) : -1;
        for (const PlpgsqlStatement &statement : statements) {
            int offset = blockOffset;
            TextPosition position = blockPosition;
            if (bodyStart >= 0) {
                const int inText = lineStartIn(text, bodyStart, statement.line);
                offset = blockOffset + inText;
                position = TextPosition::fromOffset(m_sql, offset, blockOffset, blockPosition);
            }
            lintStatement(statement.query.toUtf8(), offset, position, doDepth + 1);
        }
        m_offset = blockOffset;
        m_position = blockPosition;
    }

    // Where the body of the string literal at `location` starts ($tag$..., '...', E'...').
    static int bodyStartIn(const QByteArray &text, int location)
    {
        if (location < 0 || location >= text.size())
            return -1;
        if (text.at(location) == '$') {
            const qsizetype close = text.indexOf('$', location + 1);
            return close < 0 ? -1 : static_cast<int>(close + 1);
        }
        if (text.at(location) == '\'')
            return location + 1;
        if ((text.at(location) == 'E' || text.at(location) == 'e') && location + 1 < text.size()
            && text.at(location + 1) == '\'') {
            return location + 2;
        }
        return -1;
    }

    // The first non-blank byte of line `line` (1-based) of the text that starts at `start`.
    static int lineStartIn(const QByteArray &text, int start, int line)
    {
        int i = start;
        for (int l = 1; l < line && i < text.size(); ++l) {
            const qsizetype newline = text.indexOf('\n', i);
            if (newline < 0)
                break;
            i = static_cast<int>(newline + 1);
        }
        while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\r'))
            ++i;
        return std::min(i, static_cast<int>(text.size()));
    }

    const QByteArray &m_sql;
    QList<LintFinding> m_findings;
    QList<TableRef> m_newTables;
    int m_offset = 0;
    TextPosition m_position;
};

} // namespace

QList<LintFinding> SqlLinter::lint(const QByteArray &sql, std::optional<SqlSyntaxError> *error)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (error)
        *error = split.error;
    if (!split.ok())
        return {};

    Linter linter(sql);
    for (const SqlStatement &statement : split.statements)
        linter.lintStatement(statement.text, statement.offset, statement.start, 0);
    return linter.findings();
}

} // namespace uaip
