// A table's parts in the object browser's core (issue 60, point 6) against the real sandbox:
// an index, constraint, trigger or policy found by its own name (ObjectCatalog::lookup, in any
// table or in a named one) and by a search (ObjectCatalog::find), each as the table's children
// read it (kind, parent, definition); what an index and a constraint use and what uses them
// (the table and columns; the index's constraint, the foreign keys on a primary key); and the
// tree's size estimate counting the same relations as the exact size (heap, TOAST table and
// its index, indexes), differing only by the forks relpages leaves out. All of it read while
// another session holds ACCESS EXCLUSIVE on the table, without waiting (issue 60, point 1:
// every catalog read runs with a lock_timeout, so a read that waited would fail).
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "objects/objectcatalog.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// A trigger name with a quote, a semicolon, a line feed and a carriage return.
const QString kOddTrigger = QStringLiteral("tr\"ig;\n\rger");

QByteArray quotedName(const QString &name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return (u'"' + q + u'"').toUtf8();
}

// agents (a primary key orders references, a unique name, an index, a trigger, a policy) and
// orders (the same trigger names: triggers are named per table).
void makeTables(TestDatabase &db)
{
    const QByteArray odd = quotedName(kOddTrigger);
    const PgResult r = db.witness().execScript(
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
        "CREATE TABLE agents (id int PRIMARY KEY, name text COLLATE \"C\" "
        "CONSTRAINT agents_name_key UNIQUE, note text);\n"
        "CREATE INDEX agents_name_idx ON agents (lower(name));\n"
        "CREATE TABLE orders (id int PRIMARY KEY, agent_id int CONSTRAINT orders_agent_fk "
        "REFERENCES agents (id), CONSTRAINT orders_id_check CHECK (id > 0));\n"
        "CREATE TRIGGER agents_touch BEFORE UPDATE ON agents FOR EACH ROW EXECUTE FUNCTION "
        "touch();\n"
        "CREATE TRIGGER "
        + odd
        + " BEFORE INSERT ON agents FOR EACH ROW EXECUTE FUNCTION touch();\n"
          "CREATE TRIGGER "
        + odd
        + " BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();\n"
          "CREATE POLICY agents_own ON agents USING (id > 0);\n");
    if (!r.ok())
        qFatal("tables: %s", qPrintable(r.error().toString()));
}

QList<CatalogNode> lookup(ObjectCatalog &catalog, const std::optional<QString> &schema,
                          const QString &name, const std::optional<QString> &table = std::nullopt)
{
    const Result<QList<CatalogNode>> found = catalog.lookup(schema, name, std::nullopt, table);
    if (!found)
        qFatal("lookup %s: %s", qPrintable(name), qPrintable(found.error().toString()));
    return found.value();
}

QStringList kindsAndIdentities(const QList<CatalogNode> &nodes)
{
    QStringList out;
    for (const CatalogNode &n : nodes)
        out << objectkind::key(n.kind) + u' ' + n.identity + QStringLiteral(" / ") + n.parent;
    return out;
}

QStringList references(const QList<ObjectReference> &refs)
{
    QStringList out;
    for (const ObjectReference &r : refs)
        out << r.type + u' ' + r.identity;
    return out;
}

// The part of table's children of that kind and name.
CatalogNode child(ObjectCatalog &catalog, const QString &table, ObjectKind kind,
                  const QString &name)
{
    const QList<CatalogNode> tables = lookup(catalog, QStringLiteral("public"), table);
    const Result<QList<CatalogNode>> parts = catalog.children(tables.value(0));
    for (const CatalogNode &n : parts ? parts.value() : QList<CatalogNode>())
        if (n.kind == kind && n.name == name)
            return n;
    qFatal("no %s %s on %s", qPrintable(objectkind::key(kind)), qPrintable(name),
           qPrintable(table));
}

ObjectDependencies dependencies(ObjectCatalog &catalog, const CatalogNode &node)
{
    const Result<ObjectDependencies> deps = catalog.dependencies(node);
    if (!deps)
        qFatal("dependencies %s: %s", qPrintable(node.identity),
               qPrintable(deps.error().toString()));
    return deps.value();
}

} // namespace

class TestObjectParts : public QObject
{
    Q_OBJECT

private slots:
    void lookupFindsPartsByTheirOwnName();
    void lookupNamesTheTable();
    void findIncludesParts();
    void indexAndConstraintDependencies();
    void treeEstimateCountsWhatTheExactSizeCounts();
    void partsReadUnderALock();
};

void TestObjectParts::lookupFindsPartsByTheirOwnName()
{
    TestDatabase db;
    makeTables(db);
    ObjectCatalog catalog(db.witness());
    // a primary key: its constraint and its index, both on agents
    QCOMPARE(kindsAndIdentities(
                 lookup(catalog, QStringLiteral("public"), QStringLiteral("agents_pkey"))),
             (QStringList{QStringLiteral("constraint agents_pkey ON public.agents / public.agents"),
                          QStringLiteral("index public.agents_pkey / public.agents")}));
    // by a bare name, as the table's children read them (definition included)
    for (const auto &[name, kind] : QList<std::pair<QString, ObjectKind>>{
             {QStringLiteral("agents_name_idx"), ObjectKind::Index},
             {QStringLiteral("agents_touch"), ObjectKind::Trigger},
             {QStringLiteral("agents_own"), ObjectKind::Policy},
             {QStringLiteral("orders_id_check"), ObjectKind::Constraint}}) {
        const QList<CatalogNode> found = lookup(catalog, std::nullopt, name);
        QCOMPARE(found.size(), 1);
        const QString table
            = name.startsWith(u'o') ? QStringLiteral("orders") : QStringLiteral("agents");
        const CatalogNode expected = child(catalog, table, kind, name);
        QCOMPARE(found.first().kind, kind);
        QCOMPARE(found.first().oid, expected.oid);
        QCOMPARE(found.first().identity, expected.identity);
        QCOMPARE(found.first().parent, QStringLiteral("public.") + table);
        QCOMPARE(found.first().detail, expected.detail);
        QVERIFY(!found.first().detail.isEmpty());
        QCOMPARE(found.first().comment, expected.comment);
    }
    const QList<CatalogNode> index
        = lookup(catalog, std::nullopt, QStringLiteral("agents_name_idx"));
    QCOMPARE(index.first().detail,
             QStringLiteral("CREATE INDEX agents_name_idx ON public.agents USING btree "
                            "(lower(name))"));
    QVERIFY(index.first().sizeBytes > 0);
    // a part of another schema is not found in this one
    QVERIFY(lookup(catalog, QStringLiteral("nosuch"), QStringLiteral("agents_touch")).isEmpty());
}

void TestObjectParts::lookupNamesTheTable()
{
    TestDatabase db;
    makeTables(db);
    ObjectCatalog catalog(db.witness());
    const QString odd = QString::fromUtf8(quotedName(kOddTrigger));
    // one trigger name on two tables: both, until the table is named
    QCOMPARE(kindsAndIdentities(lookup(catalog, std::nullopt, kOddTrigger)),
             (QStringList{QStringLiteral("trigger %1 ON public.agents / public.agents").arg(odd),
                          QStringLiteral("trigger %1 ON public.orders / public.orders").arg(odd)}));
    const QList<CatalogNode> one
        = lookup(catalog, QStringLiteral("public"), kOddTrigger, QStringLiteral("orders"));
    QCOMPARE(kindsAndIdentities(one),
             QStringList{QStringLiteral("trigger %1 ON public.orders / public.orders").arg(odd)});
    QVERIFY(one.first().detail.startsWith(QStringLiteral("CREATE TRIGGER ") + odd));
    // a named table holds only its parts: not the table, not another table's part
    QVERIFY(lookup(catalog, QStringLiteral("public"), QStringLiteral("agents"),
                   QStringLiteral("agents"))
                .isEmpty());
    QVERIFY(lookup(catalog, QStringLiteral("public"), QStringLiteral("agents_touch"),
                   QStringLiteral("orders"))
                .isEmpty());
}

void TestObjectParts::findIncludesParts()
{
    TestDatabase db;
    makeTables(db);
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> found = catalog.find(QStringLiteral("AGENTS_"));
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    const QStringList got = kindsAndIdentities(found.value());
    for (const QString &expected :
         {QStringLiteral("index public.agents_name_idx / public.agents"),
          QStringLiteral("index public.agents_pkey / public.agents"),
          QStringLiteral("constraint agents_pkey ON public.agents / public.agents"),
          QStringLiteral("constraint agents_name_key ON public.agents / public.agents"),
          QStringLiteral("trigger agents_touch ON public.agents / public.agents"),
          QStringLiteral("policy agents_own ON public.agents / public.agents")})
        QVERIFY2(got.contains(expected), qPrintable(expected + u'\n' + got.join(u'\n')));
    // a found part carries its definition, as its table's children do
    for (const CatalogNode &n : found.value())
        if (n.kind == ObjectKind::Index && n.name == QLatin1String("agents_name_idx"))
            QVERIFY(n.detail.startsWith(QStringLiteral("CREATE INDEX agents_name_idx")));
    const Result<QList<CatalogNode>> trigger = catalog.find(QStringLiteral("ig;\n"));
    QVERIFY(trigger);
    QCOMPARE(trigger.value().size(), 2);
    QCOMPARE(trigger.value().first().kind, ObjectKind::Trigger);
}

void TestObjectParts::indexAndConstraintDependencies()
{
    TestDatabase db;
    makeTables(db);
    ObjectCatalog catalog(db.witness());
    const CatalogNode pkeyIndex = child(catalog, QStringLiteral("agents"), ObjectKind::Index,
                                        QStringLiteral("agents_pkey"));
    ObjectDependencies deps = dependencies(catalog, pkeyIndex);
    QCOMPARE(references(deps.uses),
             (QStringList{QStringLiteral("table public.agents"),
                          QStringLiteral("table column public.agents.id")}));
    QCOMPARE(references(deps.usedBy),
             (QStringList{QStringLiteral("table constraint agents_pkey on public.agents"),
                          QStringLiteral("table constraint orders_agent_fk on public.orders")}));
    // an expression index: its table and the column it reads, used by nothing
    deps = dependencies(catalog,
                        child(catalog, QStringLiteral("agents"), ObjectKind::Index,
                              QStringLiteral("agents_name_idx")));
    QCOMPARE(references(deps.uses),
             (QStringList{QStringLiteral("table public.agents"),
                          QStringLiteral("table column public.agents.name")}));
    QVERIFY(deps.usedBy.isEmpty());
    // the primary key: its table, column and index; the foreign key on it
    deps = dependencies(catalog,
                        child(catalog, QStringLiteral("agents"), ObjectKind::Constraint,
                              QStringLiteral("agents_pkey")));
    QVERIFY2(references(deps.uses).contains(QStringLiteral("index public.agents_pkey"))
                 && references(deps.uses).contains(QStringLiteral("table public.agents")),
             qPrintable(references(deps.uses).join(u'\n')));
    QCOMPARE(references(deps.usedBy),
             QStringList{QStringLiteral("table constraint orders_agent_fk on public.orders")});
    // the foreign key: its own table and the referenced table's column and index
    deps = dependencies(catalog,
                        child(catalog, QStringLiteral("orders"), ObjectKind::Constraint,
                              QStringLiteral("orders_agent_fk")));
    for (const char *used : {"table public.orders", "table column public.agents.id",
                             "index public.agents_pkey", "table column public.orders.agent_id"})
        QVERIFY2(references(deps.uses).contains(QLatin1String(used)),
                 qPrintable(references(deps.uses).join(u'\n')));
    // a trigger: its table and function
    deps = dependencies(catalog,
                        child(catalog, QStringLiteral("agents"), ObjectKind::Trigger,
                              QStringLiteral("agents_touch")));
    QCOMPARE(references(deps.uses),
             (QStringList{QStringLiteral("function public.touch()"),
                          QStringLiteral("table public.agents")}));
}

void TestObjectParts::treeEstimateCountsWhatTheExactSizeCounts()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    // rows long enough to be stored out of line: a TOAST table with rows and an index
    QVERIFY(w.execScript("CREATE TABLE big (id int PRIMARY KEY, body text);"
                         "ALTER TABLE big ALTER body SET STORAGE EXTERNAL;"
                         "INSERT INTO big SELECT g, repeat(md5(g::text), 200) "
                         "FROM generate_series(1, 300) g;"
                         "CREATE INDEX big_body ON big (left(body, 10));"
                         "DELETE FROM big WHERE id > 250;")
                .ok());
    // dead rows and INDEX_CLEANUP ON: the VACUUM scans every index (the TOAST table's too) and
    // writes its relpages, never skipping an index it finds nothing to delete in
    QVERIFY(w.exec("VACUUM (ANALYZE, INDEX_CLEANUP ON) big").ok());
    // the relations pg_total_relation_size counts, with their main forks and other forks
    const QByteArray relations
        = "SELECT r FROM (SELECT 'big'::regclass::oid AS r UNION ALL SELECT reltoastrelid FROM "
          "pg_class WHERE oid = 'big'::regclass UNION ALL SELECT indexrelid FROM pg_index WHERE "
          "indrelid IN ('big'::regclass, (SELECT reltoastrelid FROM pg_class "
          "WHERE oid = 'big'::regclass))) x";
    QCOMPARE(db.scalar("SELECT count(*) FROM (" + relations + ") y").toInt(), 5);
    QVERIFY(db.scalar("SELECT c.relpages FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid "
                      "WHERE i.indrelid = (SELECT reltoastrelid FROM pg_class "
                      "WHERE oid = 'big'::regclass)")
                .toLongLong()
            > 0);
    const qint64 main
        = db.scalar("SELECT sum(pg_relation_size(r, 'main')) FROM (" + relations + ") y")
              .toLongLong();
    const qint64 forks = db.scalar("SELECT sum(pg_relation_size(r, 'fsm') + pg_relation_size(r, "
                                   "'vm') + pg_relation_size(r, 'init')) FROM ("
                                   + relations + ") y")
                             .toLongLong();
    ObjectCatalog catalog(w);
    const Result<QList<CatalogNode>> tree
        = catalog.objects(QStringLiteral("public"), ObjectKind::Table);
    QVERIFY(tree && tree.value().size() == 1);
    const CatalogNode estimated = tree.value().first();
    QVERIFY(estimated.sizeEstimated);
    // the estimate: every relation's main fork, as of the VACUUM just run
    QCOMPARE(estimated.sizeBytes, main);
    QCOMPARE(estimated.tableBytes + estimated.indexBytes, estimated.sizeBytes);
    const CatalogNode exact
        = lookup(catalog, QStringLiteral("public"), QStringLiteral("big")).value(0);
    QVERIFY(!exact.sizeEstimated);
    QCOMPARE(exact.sizeBytes, db.scalar("SELECT pg_total_relation_size('big')").toLongLong());
    QCOMPARE(exact.tableBytes, db.scalar("SELECT pg_table_size('big')").toLongLong());
    QCOMPARE(exact.indexBytes, db.scalar("SELECT pg_indexes_size('big')").toLongLong());
    QCOMPARE(exact.tableBytes + exact.indexBytes, exact.sizeBytes);
    // the two differ by the free-space and visibility maps alone
    QCOMPARE(exact.sizeBytes - estimated.sizeBytes, forks);
}

void TestObjectParts::partsReadUnderALock()
{
    TestDatabase db;
    makeTables(db);
    PgConnection holder;
    QVERIFY(holder.open(db.conninfo(), QStringLiteral("holder")));
    QVERIFY(holder.exec("BEGIN").ok());
    QVERIFY(holder.exec("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE").ok());
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> index
        = catalog.lookup(std::nullopt, QStringLiteral("agents_name_idx"));
    QVERIFY2(index, qPrintable(index ? QString() : index.error().toString()));
    QCOMPARE(index.value().size(), 1);
    // its definition would wait (pg_get_indexdef opens the table): not read, its size estimated
    QVERIFY(index.value().first().detailLocked);
    QVERIFY(index.value().first().sizeEstimated);
    const Result<QList<CatalogNode>> found = catalog.find(QStringLiteral("agents_"));
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QVERIFY(found.value().size() >= 6);
    const Result<ObjectDependencies> deps = catalog.dependencies(index.value().first());
    QVERIFY2(deps, qPrintable(deps ? QString() : deps.error().toString()));
    QVERIFY(!deps.value().uses.isEmpty());
    const Result<QList<CatalogNode>> tree
        = catalog.objects(QStringLiteral("public"), ObjectKind::Table);
    QVERIFY2(tree, qPrintable(tree ? QString() : tree.error().toString()));
    const QList<CatalogNode> agents
        = lookup(catalog, QStringLiteral("public"), QStringLiteral("agents"));
    QCOMPARE(agents.size(), 1);
    QVERIFY(agents.first().sizeEstimated);
    QVERIFY(agents.first().tableBytes >= 0 && agents.first().indexBytes >= 0);
    QCOMPARE(agents.first().tableBytes + agents.first().indexBytes, agents.first().sizeBytes);
    QVERIFY(holder.inTransaction());
    holder.exec("ROLLBACK");
}

QTEST_GUILESS_MAIN(TestObjectParts)
#include "tst_objectparts.moc"
