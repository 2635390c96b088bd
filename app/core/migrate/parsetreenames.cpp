#include "parsetreenames.h"

#include "parsetree.h"
#include "parsetreenode.h"

#include <QHash>
#include <QJsonArray>

namespace uaip {

bool ParseTreeNames::isPlainIdentifier(const QString &name)
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

QString ParseTreeNames::quoteIdentifier(const QString &name)
{
    if (isPlainIdentifier(name))
        return name;
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString ParseTreeNames::qualifiedName(const QStringList &parts)
{
    QStringList quoted;
    for (const QString &part : parts)
        quoted.append(quoteIdentifier(part));
    return quoted.join(u'.');
}

QString ParseTreeNames::relationName(const QJsonObject &rangeVar)
{
    QStringList parts;
    for (const QStringView key : {u"catalogname", u"schemaname", u"relname"}) {
        const QString part = rangeVar.value(key).toString();
        if (!part.isEmpty())
            parts.append(part);
    }
    return qualifiedName(parts);
}

QString ParseTreeNames::typeNameText(const QJsonObject &typeName)
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
    QStringList names = ParseTree::stringValues(typeName.value(u"names").toArray());
    QString text;
    if (names.size() == 2 && names.first() == u"pg_catalog")
        text = sqlSpelling.value(names.last(), names.last());
    else
        text = qualifiedName(names);
    QStringList modifiers;
    for (const QJsonValue &value : typeName.value(u"typmods").toArray()) {
        const ParseTreeNode modifier = ParseTree::nodeOf(value);
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

QString ParseTreeNames::objectNoun(const QString &objectType)
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

QString ParseTreeNames::objectName(const QJsonValue &value, const QString &objectType)
{
    const ParseTreeNode node = ParseTree::nodeOf(value);
    if (node.type == u"String")
        return quoteIdentifier(node.fields.value(u"sval").toString());
    if (node.type == u"TypeName")
        return typeNameText(node.fields);
    if (node.type == u"RoleSpec")
        return quoteIdentifier(node.fields.value(u"rolename").toString());
    if (node.type == u"ObjectWithArgs") {
        QString name
            = qualifiedName(ParseTree::stringValues(node.fields.value(u"objname").toArray()));
        if (!node.fields.value(u"args_unspecified").toBool()) {
            QStringList args;
            for (const QJsonValue &arg : node.fields.value(u"objargs").toArray())
                args.append(typeNameText(ParseTree::nodeOf(arg).fields));
            name += u'(' + args.join(QStringLiteral(", ")) + u')';
        }
        return name;
    }
    if (node.type == u"List") {
        const QJsonArray items = node.fields.value(u"items").toArray();
        QStringList names = ParseTree::stringValues(items);
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

} // namespace uaip
