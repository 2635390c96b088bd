#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

class PgConnection;

// What an online change (OnlineChangeWriter) reads of its table on a database where the
// project's migrations are applied: app/core/online/sql/*.sql, one statement each, values
// bound. Names come back unquoted, as the catalog spells them.
class OnlineCatalog
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineCatalog)

public:
    struct Table
    {
        QString oid;
        QString schema;
        QString name;
        char kind = 'r'; // pg_class.relkind
        bool partition = false;
        bool inherits = false; // has inheritance parents or children
        bool hasPrimaryKey = false;
        bool columnGrants = false; // a column has grants of its own
        // Its own enabled row triggers on INSERT or UPDATE, in firing order (by name): BEFORE
        // or AFTER.
        struct Trigger
        {
            QString name;
            bool before = false;
        };
        QList<Trigger> rowTriggers;
    };
    struct Column
    {
        QString name;
        int number = 0;
        QString type; // format_type: modifiers included
        QString collation; // quoted, qualified; empty: the type's
        bool notNull = false;
        std::optional<QString> defaultExpr; // pg_get_expr
        bool identity = false;
        bool generated = false;
        std::optional<QString> comment;
        char typeKind = 'b'; // pg_type.typtype
        int statistics = -1; // its SET STATISTICS target; -1: the default
    };
    struct Index
    {
        QString name;
        bool unique = false;
        bool valid = true;
        bool plain = false; // one key column (the column), no INCLUDE, expression or predicate
        bool expressions = false;
        bool partial = false;
        QString method; // pg_am.amname
        QString opclass; // quoted, qualified; empty: the type's default
        QString collation; // quoted, qualified; empty: the column's
        bool descending = false;
        bool nullsFirst = false;
        QStringList options; // storage parameters, "name=value"
        QString tablespace; // empty: the database's default
        bool nullsNotDistinct = false;
        bool replicaIdentity = false; // REPLICA IDENTITY USING INDEX names it
    };
    // An object that depends on a column (online_column_uses.sql).
    struct Use
    {
        QString object; // as the server describes it: "constraint users_email_key on table users"
        QString
            kind; // a pg_constraint contype (p, f, c, u, x), "view", "rule", "generated", "other"
    };
    struct Grant
    {
        QString grantee; // unquoted; empty: PUBLIC
        QString privilege; // SELECT, INSERT, ...
        bool grantable = false;
    };

    // The table as written ([schema.]table, quoted where needed); NotFound when there is none.
    static Result<Table> table(PgConnection &catalog, const QString &written);
    // Whether a relation or type of that name is in the schema.
    static Result<bool> nameTaken(PgConnection &catalog, const QString &schema,
                                  const QString &name);
    // The column; nullopt when the table has none of that name.
    static Result<std::optional<Column>> column(PgConnection &catalog, const Table &table,
                                                const QString &name);
    static Result<QList<Index>> indexes(PgConnection &catalog, const Table &table,
                                        const Column &column);
    static Result<QList<Use>> uses(PgConnection &catalog, const Table &table, const Column &column);
    static Result<QList<Grant>> grants(PgConnection &catalog, const Table &table);
    // The column's own grants (GRANT SELECT (c) ...), to roles other than the table's owner.
    static Result<QList<Grant>> columnGrants(PgConnection &catalog, const Table &table,
                                             const Column &column);
};

} // namespace uaip
