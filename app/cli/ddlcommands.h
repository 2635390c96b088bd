#pragma once

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace uaip {

class CliContext;
class ObjectCatalog;
struct CatalogNode;
enum class ObjectKind;

// ddl OBJECT [--kind KIND] [--json]: the statements that create an object, as the object
// browser's core writes them (ObjectCatalog: the server's pg_get_*def, in pg_dump -s's order and
// form). OBJECT is [schema.]name with SQL's identifier rules (a quoted part keeps its case), a
// function optionally with its argument types ("app.add(int, text)"; without them every
// overload); a table's index, constraint, trigger or policy by its own name, or as
// schema.table.name (a primary key's or unique constraint's index is its constraint). --json adds
// kind, identity, uses, used_by and size. ddl --list [SCHEMA] [--kind KIND]: the schemas with their
// objects per kind, or one schema's objects (extensions and roles with --kind and no schema). The
// text never holds a control character a terminal acts on (VisibleSql: written as escapes
// PostgreSQL reads back, so that it still runs as it is; said on stderr). Exit codes: 0 printed, 1
// the catalog could not be read (or a control character could not be escaped as SQL: printed
// escaped, not to be run), 2 bad usage, no such object, or a name that names objects of different
// kinds or schemas.
class DdlCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DdlCommands)

public:
    static int run(CliContext &ctx);

private:
    static int show(CliContext &ctx, std::optional<ObjectKind> kind);
    static int list(CliContext &ctx, std::optional<ObjectKind> kind);
    static int listSchemas(CliContext &ctx, ObjectCatalog &catalog);
    static int listObjects(CliContext &ctx, ObjectCatalog &catalog, const QString &schema,
                           std::optional<ObjectKind> kind);
    // Prints the objects' DDL (text) or their documents (--json); the exit code.
    static int print(CliContext &ctx, ObjectCatalog &catalog, const QList<CatalogNode> &objects);
    // The text of print(), its control characters escaped (VisibleSql); the exit code.
    static int printText(CliContext &ctx, const QString &ddl);
    // Why the objects a name found are not one object: empty when they are (one, or the
    // overloads of one function).
    static QString ambiguity(const QString &name, const QList<CatalogNode> &found);
};

} // namespace uaip
