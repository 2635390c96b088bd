#pragma once

#include "sqlparse/textposition.h"

#include <QString>

#include <optional>

namespace uaip {

// One destructive or risky statement that SqlLinter found in a migration.
struct LintFinding
{
    enum class Severity {
        Warning, // risky: takes strong locks, may fail, or breaks code that uses an old name
        Danger, // destroys or overwrites data
    };

    enum class Kind {
        DropTable, // DROP TABLE / FOREIGN TABLE
        DropColumn, // ALTER TABLE ... DROP COLUMN, ALTER TYPE ... DROP ATTRIBUTE
        DropSchema,
        DropType, // DROP TYPE / DOMAIN
        DropDatabase,
        DropIndex,
        DropConstraint,
        DropOther, // views, sequences, functions, triggers, extensions, roles, ...
        Truncate,
        DeleteWithoutWhere,
        UpdateWithoutWhere,
        AlterColumnType,
        SetNotNull,
        AddNotNullWithoutDefault,
        AddConstraintWithoutNotValid, // FOREIGN KEY / CHECK that scans the table under lock
        RenameTable,
        RenameColumn,
        RenameOther,
        CreateIndexWithoutConcurrently, // also ADD PRIMARY KEY / UNIQUE without USING INDEX
        NotChecked, // too deeply nested for the linter to look inside: review by hand
        SetsLockTimeout, // SET lock_timeout / statement_timeout: overrides the runner's attempts
        AddColumnRewritesTable, // ADD COLUMN with a volatile default, serial, identity, STORED
        ValidateInSameTransaction, // VALIDATE CONSTRAINT in the transaction of its NOT VALID add
        ReindexWithoutConcurrently,
        DetachPartitionWithoutConcurrently,
        CreateDomainWithConstraint,
        AlterDomainAddConstraint, // without NOT VALID
        VacuumFull,
        Cluster,
        RefusedInTransactionBlock, // CONCURRENTLY (and the like) inside an explicit BEGIN
        // issue 59: every statement up refuses on a big table is a finding
        RewritesTable, // SET LOGGED / UNLOGGED / TABLESPACE / ACCESS METHOD
        AddExclusionConstraint, // ADD CONSTRAINT ... EXCLUDE: builds its index under lock
        BlocksWhileWorking, // any other scan or rewrite under a blocking lock (lock forecast)
        // squawk's rules, with squawk's ids
        BanDropNotNull,
        PreferRobustStmts,
        PreferTextField,
        PreferTimestamptz,
        PreferIdentity,
        PreferBigintOverInt,
        BanCharField,
        RequireEnumValueOrdering,
        UnusedAllow, // -- uaip:allow RULE that matches no finding of its statement
    };

    Severity severity = Severity::Warning;
    Kind kind = Kind::DropOther;
    QString object; // qualified as written, quoted where needed, e.g. public.users.email
    // The relation whose table the statement locks, as written (a table, or an index: its
    // table); empty when none. A lint against a database adds its live size (RelationSizes).
    QString relation;
    QString message; // one sentence for a DBA
    int offset = 0; // byte offset of the statement's first token
    TextPosition position; // line:column of the statement's first token
    // SET NOT NULL: the column, unquoted (a validated CHECK on the live table may spare its scan)
    QString column;
    // -- uaip:allow RULE REASON above the statement: the finding is listed as suppressed, with
    // the reason, and counts neither as danger nor as warning.
    bool suppressed = false;
    QString allowReason;
    // Suppressed not by -- uaip:allow but by the database: lint --db found a validated CHECK
    // (column IS NOT NULL) that spares SET NOT NULL its scan (allowReason says so).
    bool sparedByCheck = false;

    // Stable keys for JSON output and tests, e.g. "drop_table"; squawk's rules by squawk's
    // kebab-case ids, e.g. "prefer-text-field". -- uaip:allow names a finding by this key.
    static QString kindName(Kind kind);
    // The kind of a key; nullopt for none.
    static std::optional<Kind> kindOf(const QString &name);
    static QString severityName(Severity severity);
};

inline QString LintFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::DropTable:
        return QStringLiteral("drop_table");
    case Kind::DropColumn:
        return QStringLiteral("drop_column");
    case Kind::DropSchema:
        return QStringLiteral("drop_schema");
    case Kind::DropType:
        return QStringLiteral("drop_type");
    case Kind::DropDatabase:
        return QStringLiteral("drop_database");
    case Kind::DropIndex:
        return QStringLiteral("drop_index");
    case Kind::DropConstraint:
        return QStringLiteral("drop_constraint");
    case Kind::DropOther:
        return QStringLiteral("drop_other");
    case Kind::Truncate:
        return QStringLiteral("truncate");
    case Kind::DeleteWithoutWhere:
        return QStringLiteral("delete_without_where");
    case Kind::UpdateWithoutWhere:
        return QStringLiteral("update_without_where");
    case Kind::AlterColumnType:
        return QStringLiteral("alter_column_type");
    case Kind::SetNotNull:
        return QStringLiteral("set_not_null");
    case Kind::AddNotNullWithoutDefault:
        return QStringLiteral("add_not_null_without_default");
    case Kind::AddConstraintWithoutNotValid:
        return QStringLiteral("add_constraint_without_not_valid");
    case Kind::RenameTable:
        return QStringLiteral("rename_table");
    case Kind::RenameColumn:
        return QStringLiteral("rename_column");
    case Kind::RenameOther:
        return QStringLiteral("rename_other");
    case Kind::CreateIndexWithoutConcurrently:
        return QStringLiteral("create_index_without_concurrently");
    case Kind::NotChecked:
        return QStringLiteral("not_checked");
    case Kind::SetsLockTimeout:
        return QStringLiteral("sets_lock_timeout");
    case Kind::AddColumnRewritesTable:
        return QStringLiteral("add_column_rewrites_table");
    case Kind::ValidateInSameTransaction:
        return QStringLiteral("validate_in_same_transaction");
    case Kind::ReindexWithoutConcurrently:
        return QStringLiteral("reindex_without_concurrently");
    case Kind::DetachPartitionWithoutConcurrently:
        return QStringLiteral("detach_partition_without_concurrently");
    case Kind::CreateDomainWithConstraint:
        return QStringLiteral("create_domain_with_constraint");
    case Kind::AlterDomainAddConstraint:
        return QStringLiteral("alter_domain_add_constraint");
    case Kind::VacuumFull:
        return QStringLiteral("vacuum_full");
    case Kind::Cluster:
        return QStringLiteral("cluster");
    case Kind::RefusedInTransactionBlock:
        return QStringLiteral("refused_in_transaction_block");
    case Kind::RewritesTable:
        return QStringLiteral("rewrites_table");
    case Kind::AddExclusionConstraint:
        return QStringLiteral("add_exclusion_constraint");
    case Kind::BlocksWhileWorking:
        return QStringLiteral("blocks_while_working");
    case Kind::BanDropNotNull:
        return QStringLiteral("ban-drop-not-null");
    case Kind::PreferRobustStmts:
        return QStringLiteral("prefer-robust-stmts");
    case Kind::PreferTextField:
        return QStringLiteral("prefer-text-field");
    case Kind::PreferTimestamptz:
        return QStringLiteral("prefer-timestamp-tz"); // squawk 2.66 spells it so
    case Kind::PreferIdentity:
        return QStringLiteral("prefer-identity");
    case Kind::PreferBigintOverInt:
        return QStringLiteral("prefer-bigint-over-int");
    case Kind::BanCharField:
        return QStringLiteral("ban-char-field");
    case Kind::RequireEnumValueOrdering:
        return QStringLiteral("require-enum-value-ordering");
    case Kind::UnusedAllow:
        return QStringLiteral("unused_allow");
    }
    return QStringLiteral("unknown");
}

inline std::optional<LintFinding::Kind> LintFinding::kindOf(const QString &name)
{
    for (int i = 0; i <= static_cast<int>(Kind::UnusedAllow); ++i)
        if (kindName(static_cast<Kind>(i)) == name)
            return static_cast<Kind>(i);
    return std::nullopt;
}

inline QString LintFinding::severityName(Severity severity)
{
    return severity == Severity::Danger ? QStringLiteral("danger") : QStringLiteral("warning");
}

} // namespace uaip
