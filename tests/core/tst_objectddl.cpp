// ObjectCatalog::ddl (ObjectDdl) in pg_dump -s's own form, against the real sandbox: every
// statement's text equal to pg_dump's, in pg_dump's order (not only the same parse tree, as
// tst_objectcatalog compares): functions and procedures as pg_dump writes them (one line of
// attributes, SET lines, COST and ROWS only when not the default, pg_dump's dollar-quote tag,
// a BEGIN ATOMIC body), an index that backs a constraint as that constraint, ownership, GRANT
// and REVOKE against the kind's default (a role whose name holds a quote, a semicolon, a line
// feed and a carriage return; column grants; a grant by another role than the owner), storage
// (options with the TOAST table's, SET STORAGE, SET STATISTICS, column options, REPLICA
// IDENTITY, CLUSTER ON) and the comments of every kind; the public schema's privileges against
// its initial ones. Each case on a database of its own.
#include "objectcatalogtestutil.h"

#include "objects/objectcatalog.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// Two roles of a test's own (roles are the cluster's): an owner and a grantee whose name holds
// a double quote, a semicolon, a line feed and a carriage return. Dropped, with what they own
// and are granted in the database, on destruction (before the database is).
class DdlRoles
{
public:
    explicit DdlRoles(TestDatabase &db)
        : m_db(db)
    {
        const QString tag = QString::number(QRandomGenerator::global()->generate(), 16);
        m_owner = QStringLiteral("od owner ") + tag;
        m_grantee = QStringLiteral("od \"gr\";an\n\rtee ") + tag;
        for (const QString &role : {m_owner, m_grantee}) {
            const PgResult r = m_db.witness().exec("CREATE ROLE " + quoted(role) + " NOLOGIN");
            if (!r.ok())
                qFatal("role: %s", qPrintable(r.error().toString()));
        }
    }
    ~DdlRoles()
    {
        for (const QString &role : {m_grantee, m_owner}) {
            m_db.witness().exec("DROP OWNED BY " + quoted(role));
            m_db.witness().exec("DROP ROLE IF EXISTS " + quoted(role));
        }
    }
    QByteArray owner() const { return quoted(m_owner); }
    QByteArray grantee() const { return quoted(m_grantee); }

private:
    TestDatabase &m_db;
    QString m_owner;
    QString m_grantee;
};

// Functions and procedures with every attribute pg_dump writes, tables, views, a materialized
// view, a sequence, a type and a domain with owners, privileges, storage settings and comments.
QByteArray fixture(const DdlRoles &roles)
{
    QByteArray s = R"(
CREATE SCHEMA s;
ALTER SCHEMA s OWNER TO @O;
COMMENT ON SCHEMA s IS 'the schema';
GRANT USAGE ON SCHEMA s TO PUBLIC;
CREATE FUNCTION s.f1(a integer, b text DEFAULT 'x') RETURNS integer LANGUAGE sql IMMUTABLE STRICT
    LEAKPROOF PARALLEL SAFE SECURITY DEFINER COST 5 SET search_path = pg_catalog, s
    SET work_mem = '64MB' AS $$ SELECT a + length(b) $$;
ALTER FUNCTION s.f1(integer, text) OWNER TO @O;
COMMENT ON FUNCTION s.f1(integer, text) IS 'adds a length';
CREATE FUNCTION s.f2(n integer) RETURNS SETOF integer LANGUAGE sql STABLE ROWS 10
    AS $f$ SELECT n + length($$x$$) $f$;
CREATE FUNCTION s.f3(n integer) RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT n + 1; END;
CREATE FUNCTION s.f4(n integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN $1; END $$;
REVOKE EXECUTE ON FUNCTION s.f4(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION s.f4(integer) TO @G;
CREATE PROCEDURE s.p1(IN n integer, INOUT m integer) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = '' AS $$ BEGIN m := n; END $$;
CREATE PROCEDURE s.p2(n integer) LANGUAGE sql BEGIN ATOMIC SELECT n; END;
COMMENT ON PROCEDURE s.p2(integer) IS 'atomic';
CREATE TABLE s.t (id integer PRIMARY KEY, u text UNIQUE, r int4range, big text,
                  EXCLUDE USING gist (r WITH &&))
    WITH (fillfactor = 70, toast.autovacuum_enabled = false);
ALTER TABLE s.t ALTER COLUMN big SET STORAGE EXTERNAL, ALTER COLUMN u SET STATISTICS 500,
    ALTER COLUMN u SET (n_distinct = 10);
ALTER TABLE s.t REPLICA IDENTITY FULL;
ALTER TABLE s.t CLUSTER ON t_u_key;
ALTER TABLE s.t OWNER TO @O;
GRANT SELECT, INSERT ON s.t TO @G;
GRANT UPDATE ON s.t TO @G WITH GRANT OPTION;
GRANT SELECT (u), UPDATE (u, big) ON s.t TO PUBLIC;
COMMENT ON TABLE s.t IS 'the table';
COMMENT ON COLUMN s.t.u IS 'unique';
COMMENT ON INDEX s.t_pkey IS 'pk index';
COMMENT ON CONSTRAINT t_pkey ON s.t IS 'pk';
CREATE FUNCTION s.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_touch BEFORE UPDATE ON s.t FOR EACH ROW EXECUTE FUNCTION s.touch();
ALTER TABLE s.t DISABLE TRIGGER t_touch;
COMMENT ON TRIGGER t_touch ON s.t IS 'touches';
CREATE TABLE s.t2 (id integer NOT NULL, t_id integer CONSTRAINT t2_fk REFERENCES s.t (id));
CREATE UNIQUE INDEX t2_id ON s.t2 (id);
ALTER TABLE s.t2 REPLICA IDENTITY USING INDEX t2_id;
ALTER TABLE s.t2 CLUSTER ON t2_id;
COMMENT ON CONSTRAINT t2_fk ON s.t2 IS 'fk';
REVOKE ALL ON s.t2 FROM CURRENT_USER;
CREATE VIEW s.v WITH (security_barrier) AS SELECT id, u FROM s.t;
GRANT SELECT ON s.v TO PUBLIC;
GRANT SELECT ON s.v TO @O WITH GRANT OPTION;
SET ROLE @O;
GRANT SELECT ON s.v TO @G;
RESET ROLE;
COMMENT ON VIEW s.v IS 'the view';
COMMENT ON COLUMN s.v.u IS 'a view column';
CREATE MATERIALIZED VIEW s.mv WITH (fillfactor = 50) AS SELECT id FROM s.t WITH NO DATA;
ALTER MATERIALIZED VIEW s.mv OWNER TO @O;
CREATE INDEX mv_id ON s.mv (id);
COMMENT ON INDEX s.mv_id IS 'mv index';
ALTER MATERIALIZED VIEW s.mv CLUSTER ON mv_id;
CREATE SEQUENCE s.sq;
ALTER SEQUENCE s.sq OWNER TO @O;
GRANT USAGE ON SEQUENCE s.sq TO PUBLIC;
COMMENT ON SEQUENCE s.sq IS 'a sequence';
CREATE TYPE s.ty AS ENUM ('a');
REVOKE USAGE ON TYPE s.ty FROM PUBLIC;
COMMENT ON TYPE s.ty IS 'a type';
CREATE DOMAIN s.dm AS integer CONSTRAINT dm_positive CHECK (VALUE > 0);
ALTER DOMAIN s.dm OWNER TO @O;
GRANT USAGE ON DOMAIN s.dm TO @G;
COMMENT ON CONSTRAINT dm_positive ON DOMAIN s.dm IS 'positive';
CREATE TABLE s.t3 (id serial, x integer GENERATED BY DEFAULT AS IDENTITY);
GRANT SELECT ON SEQUENCE s.t3_id_seq TO PUBLIC;
GRANT UPDATE ON SEQUENCE s.t3_x_seq TO PUBLIC;
COMMENT ON COLUMN s.t3.x IS 'identity';
)";
    s.replace("@O", roles.owner());
    s.replace("@G", roles.grantee());
    return s;
}

// A database with the fixture and its roles, for one case.
struct Fixture
{
    TestDatabase db;
    DdlRoles roles{db};

    Fixture()
    {
        const PgResult r = db.witness().execScript(fixture(roles));
        if (!r.ok())
            qFatal("fixture: %s", qPrintable(r.error().toString()));
    }
};

// The statements of a script as written, each trimmed, in their order; pg_dump's session
// settings (SET, set_config; not SET SESSION AUTHORIZATION), its comment lines and psql's
// meta-commands (\restrict) left out.
QStringList statementsOf(const QByteArray &script)
{
    QByteArray sql;
    for (const QByteArray &line : script.split('\n'))
        if (!line.startsWith('\\') && !line.startsWith("--"))
            sql += line + '\n';
    PgQueryParseResult parsed = pg_query_parse(sql.constData());
    if (parsed.error)
        qFatal("cannot parse: %s\n%s", parsed.error->message, sql.constData());
    const QJsonArray stmts = QJsonDocument::fromJson(parsed.parse_tree)
                                 .object()
                                 .value(QStringLiteral("stmts"))
                                 .toArray();
    pg_query_free_parse_result(parsed);
    QStringList out;
    for (const QJsonValue &v : stmts) {
        const QJsonObject raw = v.toObject();
        const int at = raw.value(QStringLiteral("stmt_location")).toInt();
        const int length = raw.value(QStringLiteral("stmt_len")).toInt();
        const QString text
            = QString::fromUtf8(length ? sql.mid(at, length) : sql.mid(at)).trimmed() + u';';
        const bool setting
            = (text.startsWith(u"SET ") && !text.startsWith(u"SET SESSION AUTHORIZATION "))
            || text.startsWith(u"SELECT pg_catalog.set_config(");
        if (!setting)
            out << text;
    }
    return out;
}

// pg_dump's entries of a plain dump by their table of contents' "Type" and "Name" (the header
// "-- Name: N; Type: T; Schema: S; Owner: O"), in the dump's order.
QByteArray tocEntries(const QByteArray &dump, const QList<std::pair<QString, QString>> &wanted)
{
    QByteArray out;
    bool keep = false;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.startsWith("-- Name: ")) {
            const QString header = QString::fromUtf8(line.mid(9));
            const qsizetype type = header.indexOf(QStringLiteral("; Type: "));
            const qsizetype schema = header.indexOf(QStringLiteral("; Schema: "), type);
            keep = wanted.contains({header.mid(type + 8, schema - type - 8), header.left(type)});
        } else if (keep) {
            out += line + '\n';
        }
    }
    return out;
}

std::pair<QString, QString> entry(const char *type, const char *name)
{
    return {QLatin1String(type), QLatin1String(name)};
}

CatalogNode only(ObjectCatalog &catalog, const std::optional<QString> &schema, const QString &name,
                 ObjectKind kind)
{
    const Result<QList<CatalogNode>> found = catalog.lookup(schema, name);
    if (!found)
        qFatal("lookup %s: %s", qPrintable(name), qPrintable(found.error().toString()));
    for (const CatalogNode &n : found.value())
        if (n.kind == kind)
            return n;
    qFatal("lookup %s: not found", qPrintable(name));
    return {};
}

// A table's part (children()) by kind and name.
CatalogNode part(ObjectCatalog &catalog, const CatalogNode &table, ObjectKind kind,
                 const QString &name)
{
    const Result<QList<CatalogNode>> parts = catalog.children(table);
    if (!parts)
        qFatal("children %s: %s", qPrintable(table.identity), qPrintable(parts.error().toString()));
    for (const CatalogNode &n : parts.value())
        if (n.kind == kind && n.name == name)
            return n;
    qFatal("no part %s of %s", qPrintable(name), qPrintable(table.identity));
    return {};
}

QStringList ddlOf(ObjectCatalog &catalog, const CatalogNode &node)
{
    const Result<QStringList> ddl = catalog.ddl(node);
    if (!ddl)
        qFatal("ddl %s: %s", qPrintable(node.identity), qPrintable(ddl.error().toString()));
    return ddl.value();
}

// Whether the lists are equal, statement by statement; if not, a warning shows both.
bool sameText(const QString &what, const QStringList &ours, const QStringList &theirs)
{
    if (ours == theirs)
        return true;
    qWarning().noquote() << what << "differs\n--- ours:\n"
                         << ours.join(QStringLiteral("\n")) << "\n--- pg_dump:\n"
                         << theirs.join(QStringLiteral("\n"));
    return false;
}

} // namespace

class TestObjectDdl : public QObject
{
    Q_OBJECT

private slots:
    void functionsAsPgDumpWritesThem();
    void constraintIndexesAndOtherParts();
    void relationsWithOwnersPrivilegesAndStorage();
    void typesAndSchemaWithOwnersPrivilegesAndComments();
    void ddlRecreatesOwnersAndPrivileges();
};

void TestObjectDdl::functionsAsPgDumpWritesThem()
{
    Fixture f;
    ObjectCatalog catalog(f.db.witness());
    const QByteArray dump = dumpSchema(f.db);
    const struct
    {
        const char *name;
        ObjectKind kind;
        QList<std::pair<QString, QString>> entries;
    } routines[] = {
        {"f1",
         ObjectKind::Function,
         {entry("FUNCTION", "f1(integer, text)"),
          entry("COMMENT", "FUNCTION f1(a integer, b text)")}},
        {"f2", ObjectKind::Function, {entry("FUNCTION", "f2(integer)")}},
        {"f3", ObjectKind::Function, {entry("FUNCTION", "f3(integer)")}},
        {"f4",
         ObjectKind::Function,
         {entry("FUNCTION", "f4(integer)"), entry("ACL", "FUNCTION f4(n integer)")}},
        {"p1", ObjectKind::Procedure, {entry("PROCEDURE", "p1(integer, integer)")}},
        {"p2",
         ObjectKind::Procedure,
         {entry("PROCEDURE", "p2(integer)"), entry("COMMENT", "PROCEDURE p2(IN n integer)")}},
    };
    for (const auto &r : routines) {
        const CatalogNode node = only(catalog, QStringLiteral("s"), QLatin1String(r.name), r.kind);
        const QStringList theirs = statementsOf(tocEntries(dump, r.entries));
        QVERIFY2(!theirs.isEmpty(), r.name);
        QVERIFY2(sameText(node.identity, ddlOf(catalog, node), theirs), r.name);
    }
    // the forms themselves, as pg_dump writes them
    const QStringList f2 = ddlOf(
        catalog, only(catalog, QStringLiteral("s"), QStringLiteral("f2"), ObjectKind::Function));
    QVERIFY2(f2.first().endsWith(u"AS $_$ SELECT n + length($$x$$) $_$;"), qPrintable(f2.first()));
}

void TestObjectDdl::constraintIndexesAndOtherParts()
{
    Fixture f;
    ObjectCatalog catalog(f.db.witness());
    const QByteArray dump = dumpSchema(f.db);
    const CatalogNode t
        = only(catalog, QStringLiteral("s"), QStringLiteral("t"), ObjectKind::Table);
    const CatalogNode t2
        = only(catalog, QStringLiteral("s"), QStringLiteral("t2"), ObjectKind::Table);
    const struct
    {
        const CatalogNode &table;
        ObjectKind kind;
        const char *name;
        QList<std::pair<QString, QString>> entries;
    } parts[] = {
        {t,
         ObjectKind::Index,
         "t_pkey",
         {entry("CONSTRAINT", "t t_pkey"), entry("COMMENT", "CONSTRAINT t_pkey ON t"),
          entry("COMMENT", "INDEX t_pkey")}},
        {t, ObjectKind::Index, "t_u_key", {entry("CONSTRAINT", "t t_u_key")}},
        {t, ObjectKind::Index, "t_r_excl", {entry("CONSTRAINT", "t t_r_excl")}},
        {t,
         ObjectKind::Constraint,
         "t_pkey",
         {entry("CONSTRAINT", "t t_pkey"), entry("COMMENT", "CONSTRAINT t_pkey ON t"),
          entry("COMMENT", "INDEX t_pkey")}},
        {t2, ObjectKind::Index, "t2_id", {entry("INDEX", "t2_id")}},
        {t2,
         ObjectKind::Constraint,
         "t2_fk",
         {entry("FK CONSTRAINT", "t2 t2_fk"), entry("COMMENT", "CONSTRAINT t2_fk ON t2")}},
        {t,
         ObjectKind::Trigger,
         "t_touch",
         {entry("TRIGGER", "t t_touch"), entry("COMMENT", "TRIGGER t_touch ON t")}},
    };
    for (const auto &p : parts) {
        const CatalogNode node = part(catalog, p.table, p.kind, QLatin1String(p.name));
        const QStringList theirs = statementsOf(tocEntries(dump, p.entries));
        QVERIFY2(!theirs.isEmpty(), p.name);
        QVERIFY2(sameText(node.identity, ddlOf(catalog, node), theirs), p.name);
    }
}

void TestObjectDdl::relationsWithOwnersPrivilegesAndStorage()
{
    Fixture f;
    ObjectCatalog catalog(f.db.witness());
    const struct
    {
        const char *name;
        ObjectKind kind;
    } relations[] = {
        {"t", ObjectKind::Table},
        {"t2", ObjectKind::Table},
        {"t3", ObjectKind::Table},
        {"v", ObjectKind::View},
        {"mv", ObjectKind::MaterializedView},
        {"sq", ObjectKind::Sequence},
    };
    for (const auto &r : relations) {
        const CatalogNode node = only(catalog, QStringLiteral("s"), QLatin1String(r.name), r.kind);
        const QStringList theirs = statementsOf(dumpSchema(
            f.db, {QStringLiteral("-t"), dumpPattern(QStringLiteral("s"), QLatin1String(r.name))}));
        QVERIFY2(!theirs.isEmpty(), r.name);
        QVERIFY2(sameText(node.identity, ddlOf(catalog, node), theirs), r.name);
    }
}

void TestObjectDdl::typesAndSchemaWithOwnersPrivilegesAndComments()
{
    Fixture f;
    // against public's initial privileges (pg_init_privs), not its kind's default
    QVERIFY(f.db.witness()
                .execScript("REVOKE USAGE ON SCHEMA public FROM PUBLIC;"
                            "GRANT CREATE ON SCHEMA public TO PUBLIC;")
                .ok());
    ObjectCatalog catalog(f.db.witness());
    const QByteArray dump = dumpSchema(f.db);
    const QStringList publicAcl = statementsOf(tocEntries(dump, {entry("ACL", "SCHEMA public")}));
    QCOMPARE(publicAcl.size(), 2);
    const QStringList publicDdl
        = ddlOf(catalog, only(catalog, std::nullopt, QStringLiteral("public"), ObjectKind::Schema));
    QCOMPARE(publicDdl.mid(publicDdl.size() - 2), publicAcl);
    // initdb's public schema is not created (pg_dump's words), nor its default owner written
    QCOMPARE(publicDdl.size(), 3);
    QCOMPARE(publicDdl.first(),
             QStringLiteral("-- *not* creating schema, since initdb creates it"));
    const struct
    {
        std::optional<QString> schema;
        const char *name;
        ObjectKind kind;
        QList<std::pair<QString, QString>> entries;
    } others[] = {
        {std::nullopt,
         "s",
         ObjectKind::Schema,
         {entry("SCHEMA", "s"), entry("COMMENT", "SCHEMA s"), entry("ACL", "SCHEMA s")}},
        {QStringLiteral("s"),
         "ty",
         ObjectKind::Type,
         {entry("TYPE", "ty"), entry("COMMENT", "TYPE ty"), entry("ACL", "TYPE ty")}},
        {QStringLiteral("s"),
         "dm",
         ObjectKind::Domain,
         {entry("DOMAIN", "dm"), entry("COMMENT", "CONSTRAINT dm_positive ON DOMAIN dm"),
          entry("ACL", "TYPE dm")}},
    };
    for (const auto &o : others) {
        const CatalogNode node = only(catalog, o.schema, QLatin1String(o.name), o.kind);
        const QStringList theirs = statementsOf(tocEntries(dump, o.entries));
        QVERIFY2(!theirs.isEmpty(), o.name);
        QVERIFY2(sameText(node.identity, ddlOf(catalog, node), theirs), o.name);
    }
}

void TestObjectDdl::ddlRecreatesOwnersAndPrivileges()
{
    Fixture f;
    ObjectCatalog catalog(f.db.witness());
    // the objects in an order that creates each after what it needs
    QStringList statements;
    statements << ddlOf(catalog,
                        only(catalog, std::nullopt, QStringLiteral("s"), ObjectKind::Schema));
    for (const char *name : {"f1", "f2", "f3", "f4", "touch"})
        statements << ddlOf(
            catalog, only(catalog, QStringLiteral("s"), QLatin1String(name), ObjectKind::Function));
    for (const char *name : {"p1", "p2"})
        statements << ddlOf(
            catalog,
            only(catalog, QStringLiteral("s"), QLatin1String(name), ObjectKind::Procedure));
    statements << ddlOf(catalog,
                        only(catalog, QStringLiteral("s"), QStringLiteral("ty"), ObjectKind::Type));
    statements << ddlOf(
        catalog, only(catalog, QStringLiteral("s"), QStringLiteral("dm"), ObjectKind::Domain));
    statements << ddlOf(
        catalog, only(catalog, QStringLiteral("s"), QStringLiteral("sq"), ObjectKind::Sequence));
    for (const char *name : {"t", "t2", "t3"})
        statements << ddlOf(
            catalog, only(catalog, QStringLiteral("s"), QLatin1String(name), ObjectKind::Table));
    statements << ddlOf(catalog,
                        only(catalog, QStringLiteral("s"), QStringLiteral("v"), ObjectKind::View));
    statements << ddlOf(
        catalog,
        only(catalog, QStringLiteral("s"), QStringLiteral("mv"), ObjectKind::MaterializedView));
    TestDatabase copy;
    for (const QString &statement : statements) {
        const PgResult r = copy.witness().exec(statement.toUtf8());
        QVERIFY2(r.ok(), qPrintable(statement + u'\n' + r.error().toString()));
    }
    // the same dump, owners and privileges included
    QCOMPARE(statementsOf(dumpSchema(copy)), statementsOf(dumpSchema(f.db)));
}

QTEST_GUILESS_MAIN(TestObjectDdl)
#include "tst_objectddl.moc"
