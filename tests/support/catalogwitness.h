#pragma once

// A schema as the server itself describes it, for comparing two databases where no pg_dump of
// the server's major is at hand (the server matrix: npm's builds have no client programs): one
// sorted line per fact, written by the server's own functions (pg_get_constraintdef,
// pg_get_indexdef, pg_get_triggerdef, pg_get_viewdef, pg_get_functiondef, format_type,
// pg_get_expr) from its catalogs, never by the console's code under test. Owners, privileges,
// comments, settings and every kind of object a migration or the DDL makes: relations and their
// columns (type, NOT NULL, default, generation, identity, collation, storage, statistics),
// constraints, indexes, triggers, rules, policies, sequences, views, functions, types, domains,
// enums, extensions. Object identifiers and the names PostgreSQL gives NOT NULL constraints
// (18) are left out: they differ between two databases built the same way. A privilege list
// that is the default is written as the default (acldefault), its items in order, as pg_dump
// reads it: a GRANT of what the default gives changes nothing.

#include "db/pgconnection.h"
#include "db/pgresult.h"

#include <QByteArray>
#include <QString>

namespace uaip::test {

inline QString catalogWitness(PgConnection &c, const QString &schemaPattern = QStringLiteral("%"))
{
    const PgResult r = c.exec(
        "WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname LIKE $1 "
        "              AND nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        "              AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' "
        "              AND nspname <> 'uaip_ledger'), "
        "rel AS (SELECT c.*, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace "
        "         WHERE c.relkind IN ('r','p','v','m','S','f','c','i','I') "
        "           AND c.relname NOT LIKE 'uaip\\_%') "
        "SELECT line FROM ("
        " SELECT format('schema %I owner %s acl %s comment %s', nspname, "
        "   pg_get_userbyid(n.nspowner), (SELECT array_agg(a::text ORDER BY a::text) FROM "
        "unnest(coalesce(n.nspacl, acldefault('n'::\"char\", n.nspowner))) AS a), "
        "   obj_description(n.oid, 'pg_namespace')) AS line "
        "   FROM pg_namespace n JOIN ns USING (nspname) "
        " UNION ALL SELECT format('relation %I.%I kind %s owner %s acl %s options %s persistence "
        "%s "
        "   rls %s/%s partition %s comment %s', nspname, relname, relkind, "
        "   pg_get_userbyid(relowner), (SELECT array_agg(a::text ORDER BY a::text) FROM "
        "unnest(coalesce(relacl, acldefault(CASE relkind WHEN 'S' THEN 's' "
        "   ELSE 'r' END::\"char\", relowner))) AS a), reloptions, relpersistence, relrowsecurity, "
        "   relforcerowsecurity, pg_get_expr(relpartbound, oid), obj_description(oid, 'pg_class')) "
        "   FROM rel WHERE relkind <> 'i' AND relkind <> 'I' "
        " UNION ALL SELECT format('column %I.%I.%I %s notnull %s default %s generated %s "
        "   identity %s collation %s storage %s stattarget %s acl %s comment %s', r.nspname, "
        "   r.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "   pg_get_expr(d.adbin, d.adrelid), a.attgenerated, a.attidentity, "
        "   CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text "
        "END, "
        "   CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END, "
        "   coalesce(a.attstattarget::int, -1), a.attacl, col_description(r.oid, a.attnum)) "
        "   FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 "
        "   AND NOT a.attisdropped JOIN pg_type t ON t.oid = a.atttypid "
        "   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "   WHERE r.relkind NOT IN ('i', 'I', 'S') "
        " UNION ALL SELECT format('constraint %I.%I %s %s %s deferrable %s/%s valid %s "
        "   comment %s', r.nspname, r.relname, CASE WHEN x.contype = 'n' THEN '' ELSE "
        "   quote_ident(x.conname) END, x.contype, pg_get_constraintdef(x.oid), x.condeferrable, "
        "   x.condeferred, x.convalidated, obj_description(x.oid, 'pg_constraint')) "
        "   FROM pg_constraint x JOIN rel r ON r.oid = x.conrelid "
        " UNION ALL SELECT format('index %I.%I %s valid %s clustered %s comment %s', r.nspname, "
        "   r.relname, pg_get_indexdef(i.indexrelid), i.indisvalid, i.indisclustered, "
        "   obj_description(i.indexrelid, 'pg_class')) "
        "   FROM pg_index i JOIN rel r ON r.oid = i.indexrelid "
        " UNION ALL SELECT format('trigger %s enabled %s comment %s', "
        "   pg_get_triggerdef(g.oid), g.tgenabled, obj_description(g.oid, 'pg_trigger')) "
        "   FROM pg_trigger g JOIN rel r ON r.oid = g.tgrelid WHERE NOT g.tgisinternal "
        " UNION ALL SELECT format('rule %s', pg_get_ruledef(w.oid)) FROM pg_rewrite w "
        "   JOIN rel r ON r.oid = w.ev_class WHERE w.rulename <> '_RETURN' "
        " UNION ALL SELECT format('policy %I.%I %I %s %s roles %s using %s check %s', schemaname, "
        "   tablename, policyname, permissive, cmd, roles, qual, with_check) FROM pg_policies "
        "   WHERE schemaname IN (SELECT nspname FROM ns) "
        " UNION ALL SELECT format('sequence %I.%I %s %s %s %s %s %s cycle %s owned by %s', "
        "   r.nspname, r.relname, s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqmax, "
        "   s.seqmin, s.seqcache, s.seqcycle, (SELECT format('%I.%I', c2.relname, a2.attname) "
        "   FROM pg_depend dp JOIN pg_class c2 ON c2.oid = dp.refobjid JOIN pg_attribute a2 "
        "   ON a2.attrelid = dp.refobjid AND a2.attnum = dp.refobjsubid WHERE dp.objid = r.oid "
        "   AND dp.classid = 'pg_class'::regclass AND dp.deptype IN ('a', 'i'))) "
        "   FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid "
        " UNION ALL SELECT format('view %I.%I %s', nspname, relname, pg_get_viewdef(oid)) "
        "   FROM rel WHERE relkind IN ('v', 'm') "
        " UNION ALL SELECT format('function owner %s acl %s comment %s %s', "
        "   pg_get_userbyid(p.proowner), (SELECT array_agg(a::text ORDER BY a::text) FROM "
        "unnest(coalesce(p.proacl, acldefault('f'::\"char\", p.proowner))) AS a), "
        "   obj_description(p.oid, 'pg_proc'), "
        "   CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) "
        "   ELSE format('%I.%I(%s) kind %s', ns.nspname, p.proname, "
        "   pg_get_function_identity_arguments(p.oid), p.prokind) END) "
        "   FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace "
        "   WHERE NOT EXISTS (SELECT FROM pg_depend e WHERE e.objid = p.oid "
        "   AND e.classid = 'pg_proc'::regclass AND e.deptype = 'e') "
        " UNION ALL SELECT format('type %I.%I kind %s owner %s acl %s base %s notnull %s "
        "   default %s labels %s comment %s', ns.nspname, t.typname, t.typtype, "
        "   pg_get_userbyid(t.typowner), (SELECT array_agg(a::text ORDER BY a::text) FROM "
        "unnest(coalesce(t.typacl, acldefault('T'::\"char\", t.typowner))) AS a), "
        "   CASE WHEN t.typbasetype <> 0 THEN format_type(t.typbasetype, t.typtypmod) END, "
        "   t.typnotnull, t.typdefault, (SELECT string_agg(quote_literal(enumlabel), ',' "
        "   ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), "
        "   obj_description(t.oid, 'pg_type')) "
        "   FROM pg_type t JOIN ns ON ns.oid = t.typnamespace "
        "   WHERE t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND EXISTS (SELECT FROM "
        "   pg_class k WHERE k.oid = t.typrelid AND k.relkind = 'c')) "
        " UNION ALL SELECT format('domain constraint %I.%I %I %s valid %s', ns.nspname, "
        "   t.typname, x.conname, pg_get_constraintdef(x.oid), x.convalidated) "
        "   FROM pg_constraint x JOIN pg_type t ON t.oid = x.contypid "
        "   JOIN ns ON ns.oid = t.typnamespace WHERE x.contype <> 'n' "
        " UNION ALL SELECT format('extension %I in %I', e.extname, ns.nspname) "
        "   FROM pg_extension e JOIN ns ON ns.oid = e.extnamespace "
        ") AS facts ORDER BY line COLLATE \"C\"",
        {schemaPattern});
    if (!r.ok())
        return QStringLiteral("(the catalog witness failed: %1)").arg(r.error().toString());
    QStringList lines;
    for (int i = 0; i < r.rows(); ++i)
        lines << r.value(i, 0);
    return lines.join(u'\n');
}

} // namespace uaip::test
