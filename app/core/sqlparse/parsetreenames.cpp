#include "parsetreenames.h"

#include "pgtokens.h"
#include "pgtreewalk.h"

#include <QHash>

#include <mutex>

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

bool ParseTreeNames::isKeywordToQuote(const QString &name)
{
    // Names repeat (a file of 40,000 INSERTs names one table): each is scanned once, up to a
    // bound, so hostile input cannot grow the cache without end.
    static std::mutex mutex;
    static QHash<QString, bool> known;
    {
        const std::lock_guard lock(mutex);
        if (const auto it = known.constFind(name); it != known.constEnd())
            return *it;
    }
    const bool quote = scansAsKeywordToQuote(name);
    const std::lock_guard lock(mutex);
    if (known.size() < 4096)
        known.insert(name, quote);
    return quote;
}

bool ParseTreeNames::scansAsKeywordToQuote(const QString &name)
{
    // not one word the scanner reads: quoted
    const PgTokens tokens(name.toUtf8());
    return tokens.size() != 1
        || (tokens.at(0).keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD
            && tokens.at(0).keyword_kind != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD);
}

QString ParseTreeNames::quoteIdentifier(const QString &name)
{
    if (isPlainIdentifier(name) && !isKeywordToQuote(name))
        return name;
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString ParseTreeNames::quoteIdentifier(const char *name)
{
    return quoteIdentifier(QString::fromUtf8(name ? name : ""));
}

QString ParseTreeNames::qualifiedName(const QStringList &parts)
{
    QStringList quoted;
    for (const QString &part : parts)
        quoted.append(quoteIdentifier(part));
    return quoted.join(u'.');
}

QString ParseTreeNames::relationName(const PgQuery__RangeVar *rangeVar)
{
    if (!rangeVar)
        return {};
    QStringList parts;
    for (const char *part : {rangeVar->catalogname, rangeVar->schemaname, rangeVar->relname}) {
        if (part && *part)
            parts.append(QString::fromUtf8(part));
    }
    return qualifiedName(parts);
}

QString ParseTreeNames::typeNameText(const PgQuery__TypeName *typeName)
{
    if (!typeName)
        return {};
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
    const QStringList names = stringValues(typeName->names, typeName->n_names);
    QString text;
    if (names.size() == 2 && names.first() == u"pg_catalog")
        text = sqlSpelling.value(names.last(), names.last());
    else
        text = qualifiedName(names);
    QStringList modifiers;
    for (size_t i = 0; i < typeName->n_typmods; ++i) {
        const PgQuery__Node *modifier = typeName->typmods[i];
        if (!modifier || modifier->node_case != PG_QUERY__NODE__NODE_A_CONST || !modifier->a_const)
            continue;
        const PgQuery__AConst *constant = modifier->a_const;
        if (constant->val_case == PG_QUERY__A__CONST__VAL_IVAL && constant->ival)
            modifiers.append(QString::number(constant->ival->ival));
        else if (constant->val_case == PG_QUERY__A__CONST__VAL_SVAL && constant->sval)
            modifiers.append(QString::fromUtf8(constant->sval->sval));
    }
    if (!modifiers.isEmpty()) {
        const QString list = u'(' + modifiers.join(u',') + u')';
        const qsizetype with = text.indexOf(QStringLiteral(" with time zone"));
        if (with >= 0) // timestamp(3) with time zone
            text.insert(with, list);
        else
            text += list;
    }
    for (size_t i = 0; i < typeName->n_array_bounds; ++i)
        text += QStringLiteral("[]");
    return text;
}

QString ParseTreeNames::objectNoun(PgQuery__ObjectType objectType)
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
    const QString name = PgTreeWalk::enumName(pg_query__object_type__descriptor, objectType);
    if (const auto it = special.constFind(name); it != special.cend())
        return *it;
    QString noun = name;
    if (noun.startsWith(u"OBJECT_"))
        noun.remove(0, 7);
    return noun.toLower().replace(u'_', u' ');
}

namespace {

QString listName(const PgQuery__List *list, PgQuery__ObjectType objectType)
{
    QStringList names = ParseTreeNames::stringValues(list->items, list->n_items);
    if (size_t(names.size()) != list->n_items) { // e.g. DROP CAST (a AS b)
        QStringList parts;
        for (size_t i = 0; i < list->n_items; ++i)
            parts.append(ParseTreeNames::objectName(list->items[i],
                                                    PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED));
        return u'(' + parts.join(QStringLiteral(" AS ")) + u')';
    }
    if (names.size() >= 2
        && (objectType == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER
            || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY
            || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_RULE)) {
        const QString name = names.takeLast();
        return ParseTreeNames::quoteIdentifier(name) + QStringLiteral(" ON ")
            + ParseTreeNames::qualifiedName(names);
    }
    if (names.size() >= 2
        && (objectType == PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS
            || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY)) {
        const QString method = names.takeFirst();
        return ParseTreeNames::qualifiedName(names) + QStringLiteral(" USING ")
            + ParseTreeNames::quoteIdentifier(method);
    }
    return ParseTreeNames::qualifiedName(names);
}

QString functionName(const PgQuery__ObjectWithArgs *function)
{
    QString name = ParseTreeNames::qualifiedName(
        ParseTreeNames::stringValues(function->objname, function->n_objname));
    if (!function->args_unspecified) {
        QStringList args;
        for (size_t i = 0; i < function->n_objargs; ++i) {
            const PgQuery__Node *arg = function->objargs[i];
            args.append(ParseTreeNames::typeNameText(
                arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? arg->type_name
                                                                        : nullptr));
        }
        name += u'(' + args.join(QStringLiteral(", ")) + u')';
    }
    return name;
}

} // namespace

QString ParseTreeNames::objectName(const PgQuery__Node *node, PgQuery__ObjectType objectType)
{
    if (!node)
        return {};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_STRING:
        return quoteIdentifier(node->string ? node->string->sval : nullptr);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
        return typeNameText(node->type_name);
    case PG_QUERY__NODE__NODE_ROLE_SPEC:
        return quoteIdentifier(node->role_spec ? node->role_spec->rolename : nullptr);
    case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS:
        return node->object_with_args ? functionName(node->object_with_args) : QString();
    case PG_QUERY__NODE__NODE_LIST:
        return node->list ? listName(node->list, objectType) : QString();
    default:
        return {};
    }
}

QStringList ParseTreeNames::stringValues(PgQuery__Node *const *nodes, size_t count)
{
    QStringList values;
    for (size_t i = 0; i < count; ++i) {
        if (nodes[i] && nodes[i]->node_case == PG_QUERY__NODE__NODE_STRING && nodes[i]->string)
            values.append(QString::fromUtf8(nodes[i]->string->sval));
    }
    return values;
}

} // namespace uaip
