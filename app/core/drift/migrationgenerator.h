#pragma once

#include "ddlcatalog.h"
#include "generatedscript.h"

#include <QCoreApplication>
#include <QSet>

namespace uaip {

// Writes the SQL that turns one schema into another: what is only in 'to' is created, what
// is only in 'from' dropped, what differs altered (a column's type, default, NOT NULL,
// identity; a sequence's options; an enum's new values) or dropped and created again (a
// view, a constraint, an index, a trigger), with the views that depend on a rebuilt object
// and the comments, grants and owners of a rebuilt object created again; a foreign key whose
// columns or referenced columns change type is dropped and created again. Drops run first
// (dependents before what they depend on), then creates in dependency order (schemas,
// types, sequences, functions, tables, columns, keys, indexes, foreign keys, views in the
// order they read each other, triggers, comments, owners, grants); a type that is gone is
// dropped after the column changes (a column may change from it), a schema after that.
//
// Destructive steps are held back (written commented out): dropping a table, a column, a
// sequence, a type, a schema or an extension, a type change that may not keep every value,
// removing enum values, changing a generated column's expression. A column dropped and one
// added to the same table with the same definition at the same position is taken as a
// rename (RENAME COLUMN, with a note); a dropped and an added table with the same columns
// get a note.
class MigrationGenerator
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationGenerator)

public:
    enum Phase {
        DropTrigger = 10,
        DropRuleOrPolicy,
        DropView,
        DropForeignKey,
        DropIndex,
        DropConstraint,
        DropColumn,
        DropTable,
        DropSequence,
        DropFunction,
        DropType,
        DropExtension,
        DropSchema,
        CreateSchema = 30,
        CreateExtension,
        CreateType,
        CreateDomainConstraint,
        CreateSequence,
        CreateFunction,
        CreateTable,
        AlterTable,
        AlterColumn,
        // A type that is gone, after the columns that change from it to another type; then a
        // schema that is gone, after everything in it.
        DropRemovedType,
        DropRemovedSchema,
        CreateFunctionAfterTables,
        CreateConstraint,
        CreateIndex,
        SequenceOwnedBy,
        CreateForeignKey,
        CreateView,
        CreateViewIndex,
        CreateTrigger,
        CreateRuleOrPolicy,
        Comment,
        Revoke,
        Grant,
        // last: a non-superuser may hand an object only to a role with CREATE on its schema,
        // which a grant above may give (the proof runs as the sandbox's scratch login)
        Owner,
    };

    // up: 'from' is what the migrations make, 'to' the live database; destructive steps are
    // held back. down: the other way round; a step is held back where up's step for the same
    // object was ('heldInUp' = up's leftAsIs).
    static GeneratedScript up(const DdlCatalog &from, const DdlCatalog &to);
    static GeneratedScript down(const DdlCatalog &from, const DdlCatalog &to,
                                const QSet<QString> &heldInUp);

    // Whether a column of type 'before' keeps every value as type 'after' (int -> bigint,
    // varchar(10) -> varchar(20) or text, numeric(8,2) -> numeric(10,2), anything -> text).
    static bool widens(const QString &before, const QString &after);
};

} // namespace uaip
