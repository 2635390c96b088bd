#include "ddlcommands.h"

#include "clicontext.h"
#include "clitext.h"

#include "objects/objectcatalog.h"
#include "objects/objectname.h"
#include "sqlparse/visiblesql.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace uaip {

namespace {

QJsonArray referencesJson(const QList<ObjectReference> &refs)
{
    QJsonArray out;
    for (const ObjectReference &r : refs)
        out.append(QJsonObject{{QStringLiteral("type"), r.type},
                               {QStringLiteral("identity"), r.identity}});
    return out;
}

QJsonValue sizeJson(qint64 bytes)
{
    return bytes < 0 ? QJsonValue() : QJsonValue(bytes);
}

QJsonObject nodeJson(const CatalogNode &n)
{
    return {{QStringLiteral("kind"), objectkind::key(n.kind)},
            {QStringLiteral("schema"), n.schema},
            {QStringLiteral("name"), n.name},
            {QStringLiteral("identity"), n.identity},
            {QStringLiteral("parent"), n.parent},
            {QStringLiteral("size_bytes"), sizeJson(n.sizeBytes)},
            {QStringLiteral("size_estimated"), n.sizeEstimated},
            {QStringLiteral("table_bytes"), sizeJson(n.tableBytes)},
            {QStringLiteral("index_bytes"), sizeJson(n.indexBytes)},
            {QStringLiteral("comment"), n.comment},
            {QStringLiteral("detail"), n.detail}};
}

// A name as --list's text prints it: control characters escaped (\\n, \\r, \\t, \\xNN) and a
// backslash doubled, so that two names never read the same (CliText::oneLine would make a line
// feed a blank); cut at max characters.
QString listed(const QString &text, int max)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped = CliText::printable(escaped);
    if (escaped.size() > max)
        escaped = escaped.left(max - 1) + QChar(0x2026);
    return escaped;
}

bool routine(ObjectKind kind)
{
    return kind == ObjectKind::Function || kind == ObjectKind::Procedure;
}

// A table's part, named per table (ddl schema.table.name).
bool part(ObjectKind kind)
{
    return kind == ObjectKind::Index || kind == ObjectKind::Constraint
        || kind == ObjectKind::Trigger || kind == ObjectKind::Policy;
}

// The objects found that are of kind (a partition also for --kind partition); without a kind, a
// primary key's, unique or exclusion constraint's index is its constraint (the same name on
// the same table: one object to the user, written as the constraint).
QList<CatalogNode> wanted(const QList<CatalogNode> &found, std::optional<ObjectKind> kind)
{
    QList<CatalogNode> out;
    for (const CatalogNode &n : found) {
        if (kind && n.kind != *kind
            && !(*kind == ObjectKind::Partition && n.detail == u"partition"))
            continue;
        const auto itsConstraint = [&n](const CatalogNode &c) {
            return c.kind == ObjectKind::Constraint && c.name == n.name && c.parent == n.parent;
        };
        if (!kind && n.kind == ObjectKind::Index
            && std::any_of(found.cbegin(), found.cend(), itsConstraint))
            continue;
        out << n;
    }
    return out;
}

} // namespace

int DdlCommands::run(CliContext &ctx)
{
    std::optional<ObjectKind> kind;
    if (ctx.parser().isSet(QStringLiteral("kind"))) {
        const QString text = ctx.parser().value(QStringLiteral("kind"));
        kind = objectkind::fromKey(text);
        if (!kind)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--kind \"%1\" is none of: %2")
                                      .arg(text, objectkind::keys().join(QStringLiteral(", "))),
                                  {{QStringLiteral("option"), QStringLiteral("kind")}}));
    }
    if (ctx.parser().isSet(QStringLiteral("list")))
        return list(ctx, kind);
    return show(ctx, kind);
}

QString DdlCommands::ambiguity(const QString &name, const QList<CatalogNode> &found)
{
    bool oneRoutine = true;
    for (const CatalogNode &n : found)
        oneRoutine = oneRoutine && routine(n.kind) && n.schema == found.first().schema;
    if (found.size() < 2 || oneRoutine)
        return {};
    QStringList what;
    bool sameKind = true;
    bool parts = true;
    for (const CatalogNode &n : found) {
        what << objectkind::key(n.kind) + u' ' + VisibleText::escaped(n.identity);
        sameKind = sameKind && n.kind == found.first().kind;
        parts = parts && part(n.kind);
    }
    const QString hint = !sameKind ? tr("pass --kind or name the schema")
        : parts                    ? tr("name the table as schema.table.name")
                                   : tr("name the schema");
    //: %1 the count, %2 the name, %3 the objects ("table app.x and function public.x()")
    return tr("%1 objects named %2: %3; %4")
        .arg(found.size())
        .arg(VisibleText::escaped(name), what.join(tr(" and ")), hint);
}

int DdlCommands::show(CliContext &ctx, std::optional<ObjectKind> kind)
{
    if (ctx.args().size() != 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate ddl [schema.[table.]]name[(argument types)] "
                                 "[--kind KIND] | ddl --list [SCHEMA] [--kind KIND]")));
    const Result<ObjectName> name = ObjectName::parse(ctx.args().first());
    if (!name)
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("cannot read \"%1\" as [schema.[table.]]name: %2")
                      .arg(CliText::oneLine(ctx.args().first(), 80), name.error().toString()),
                  {{QStringLiteral("name"), ctx.args().first()}}));
    for (const QString &note : name->notes)
        ctx.out().error(tr("NOTICE: %1").arg(VisibleText::escaped(note)));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    ObjectCatalog catalog(*c);
    const Result<QList<CatalogNode>> found
        = catalog.lookup(name->schema, name->name, name->arguments, name->table);
    if (!found)
        return ctx.fail(1, found.error());
    const QList<CatalogNode> objects = wanted(found.value(), kind);
    const QString shown = name->display();
    if (objects.isEmpty() && !kind && !name->table) {
        const Result<QStringList> unwritten = catalog.unwritten(name->schema, name->name);
        if (!unwritten)
            return ctx.fail(1, unwritten.error());
        if (!unwritten.value().isEmpty())
            //: %1 what exists ("aggregate public.ag(integer)", joined by "and")
            return ctx.fail(
                2,
                Error(ErrorCode::Refused,
                      tr("%1 exists, but ddl does not write that kind of object")
                          .arg(VisibleText::escaped(unwritten.value().join(tr(" and ")))),
                      {{QStringLiteral("name"), shown}}));
    }
    if (objects.isEmpty()) {
        const QString what = kind ? objectkind::key(*kind) : tr("object");
        const QString shownName = VisibleText::escaped(name->name);
        const QString message = name->table
            ? tr("no %1 named %2 on table %3.%4")
                  .arg(what, shownName, VisibleText::escaped(*name->schema),
                       VisibleText::escaped(*name->table))
            : name->schema ? tr("no %1 named %2 in schema %3")
                                 .arg(what, shownName, VisibleText::escaped(*name->schema))
                           : tr("no %1 named %2").arg(what, shownName);
        return ctx.fail(2, Error(ErrorCode::NotFound, message, {{QStringLiteral("name"), shown}}));
    }
    if (const QString why = ambiguity(shown, objects); !why.isEmpty())
        return ctx.fail(2, Error(ErrorCode::BadInput, why, {{QStringLiteral("name"), shown}}));
    return print(ctx, catalog, objects);
}

int DdlCommands::print(CliContext &ctx, ObjectCatalog &catalog, const QList<CatalogNode> &objects)
{
    QJsonArray documents;
    QStringList texts;
    for (const CatalogNode &n : objects) {
        const Result<QStringList> ddl = catalog.ddl(n);
        if (!ddl)
            return ctx.fail(1, ddl.error());
        texts << ObjectCatalog::text(ddl.value());
        if (!ctx.out().json())
            continue;
        const Result<ObjectDependencies> deps = catalog.dependencies(n);
        if (!deps)
            return ctx.fail(1, deps.error());
        QJsonObject o = nodeJson(n);
        o.insert(QStringLiteral("ddl"), texts.last());
        o.insert(QStringLiteral("statements"), QJsonArray::fromStringList(ddl.value()));
        o.insert(QStringLiteral("uses"), referencesJson(deps.value().uses));
        o.insert(QStringLiteral("used_by"), referencesJson(deps.value().usedBy));
        documents.append(o);
    }
    if (!ctx.out().json()) {
        if (const int code = printText(ctx, texts.join(QStringLiteral("\n\n"))))
            return code;
    }
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("ddl")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("objects"), documents}});
    return 0;
}

int DdlCommands::printText(CliContext &ctx, const QString &ddl)
{
    const VisibleSql::Printable shown = VisibleSql::of(ddl);
    // not SQL (exit 1): a CRLF's CR, which VisibleText keeps, escaped too
    ctx.out().line(shown.valid ? shown.text
                               : QString(shown.text).replace(u'\r', QStringLiteral("\\u000d")));
    if (!shown.valid)
        return ctx.fail(
            1,
            Error(ErrorCode::Refused,
                  tr("the DDL holds a control character where no escape keeps its meaning: "
                     "printed with \\uXXXX in its place, which is not the object's SQL "
                     "(--json has the server's text)")));
    if (shown.escaped)
        ctx.out().error(tr("NOTICE: control characters in a name or text (ESC, BEL, a CR, a "
                           "bidirectional override, ...) are printed as "
                           "escapes PostgreSQL reads as the same characters "
                           "(U&\"...\\XXXX...\" for a name, E'...\\xNN...' for a text); the "
                           "SQL runs as it is, and --json has the server's text"));
    return 0;
}

int DdlCommands::list(CliContext &ctx, std::optional<ObjectKind> kind)
{
    if (ctx.args().size() > 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate ddl --list [SCHEMA] [--kind KIND]")));
    const bool databaseKind = kind
        && (*kind == ObjectKind::Extension || *kind == ObjectKind::Role
            || *kind == ObjectKind::Schema);
    if (kind && !databaseKind && !objectkind::schemaKinds().contains(*kind))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--list lists schemas, extensions, roles and a schema's %1")
                                  .arg(QStringLiteral("table, view, materialized_view, sequence, "
                                                      "function, procedure, type, domain")),
                              {{QStringLiteral("option"), QStringLiteral("kind")}}));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    ObjectCatalog catalog(*c);
    if (ctx.args().isEmpty() && (!kind || *kind == ObjectKind::Schema))
        return listSchemas(ctx, catalog);
    if (ctx.args().isEmpty() && !databaseKind)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--list --kind %1 needs a schema").arg(objectkind::key(*kind)),
                              {{QStringLiteral("option"), QStringLiteral("list")}}));
    return listObjects(ctx, catalog, ctx.args().value(0), kind);
}

int DdlCommands::listSchemas(CliContext &ctx, ObjectCatalog &catalog)
{
    const Result<QList<CatalogNode>> schemas = catalog.schemas();
    if (!schemas)
        return ctx.fail(1, schemas.error());
    QJsonArray rows;
    for (const CatalogNode &s : schemas.value()) {
        QJsonObject counts;
        QStringList parts;
        for (auto it = s.counts.cbegin(); it != s.counts.cend(); ++it) {
            counts.insert(objectkind::key(it.key()), it.value());
            if (it.value() > 0)
                parts << QStringLiteral("%1 %2").arg(it.value()).arg(objectkind::key(it.key()));
        }
        rows.append(QJsonObject{{QStringLiteral("name"), s.name},
                                {QStringLiteral("identity"), s.identity},
                                {QStringLiteral("comment"), s.comment},
                                {QStringLiteral("counts"), counts}});
        ctx.out().line(
            QStringLiteral("%1  %2")
                .arg(listed(s.identity, 30), -30)
                .arg(parts.isEmpty() ? tr("(empty)") : parts.join(QStringLiteral(", "))));
    }
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("ddl")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("schemas"), rows}});
    return 0;
}

int DdlCommands::listObjects(CliContext &ctx, ObjectCatalog &catalog, const QString &schema,
                             std::optional<ObjectKind> kind)
{
    const QList<ObjectKind> kinds = kind ? QList<ObjectKind>{*kind} : objectkind::schemaKinds();
    QJsonArray rows;
    for (const ObjectKind k : kinds) {
        const Result<QList<CatalogNode>> objects = catalog.objects(schema, k);
        if (!objects)
            return ctx.fail(1, objects.error());
        for (const CatalogNode &n : objects.value()) {
            rows.append(nodeJson(n));
            ctx.out().line(
                QStringLiteral("%1  %2%3")
                    .arg(objectkind::key(n.kind), -17)
                    .arg(listed(n.identity, 200),
                         n.sizeBytes < 0
                             ? QString()
                             : QStringLiteral("  (%1%2)")
                                   .arg(n.sizeEstimated ? QStringLiteral("~") : QString(),
                                        QLocale::c().formattedDataSize(n.sizeBytes))));
        }
    }
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("ddl")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("objects"), rows}});
    return 0;
}

} // namespace uaip
