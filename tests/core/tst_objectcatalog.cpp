// ObjectCatalog (the object browser's reader) against the real sandbox, on a database with one
// object of every kind (objectcatalogtestutil.h): the first level (schemas with their counts),
// a schema's objects of one kind, a table's parts; the DDL of every object equal to what
// pg_dump -s (pg_dumpall --roles-only for the role) prints for it, compared statement by
// statement after libpg_query's deparser has written both back (see the util header for what
// that leaves out); the DDL of every object applied in a fresh database recreates the schema
// (pg_dump of both equal), names with quotes, semicolons, line feeds and carriage returns
// included; functions found by name and by argument types; dependencies both ways; the search
// bounded; a read inside the caller's transaction leaves its search_path as it was.
#include "catalogwitness.h"
#include "objectcatalogtestutil.h"
#include "serverbuild.h"

#include "objects/objectcatalog.h"
#include "objects/objectname.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// What pg_dump prints for the objects of a plain dump's table of contents, by the entries'
// "Type" and "Name" (the header line "-- Name: N; Type: T; Schema: S; Owner: O").
QByteArray tocEntries(const QByteArray &dump, const QList<std::pair<QString, QString>> &wanted)
{
    QByteArray out;
    bool keep = false;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.startsWith("-- Name: ")) {
            const QString header = QString::fromUtf8(line.mid(9));
            const qsizetype type = header.indexOf(QStringLiteral("; Type: "));
            const qsizetype schema = header.indexOf(QStringLiteral("; Schema: "), type);
            const std::pair<QString, QString> entry{header.mid(type + 8, schema - type - 8),
                                                    header.left(type)};
            keep = wanted.contains(entry);
        } else if (keep) {
            out += line + '\n';
        }
    }
    return out;
}

CatalogNode only(ObjectCatalog &catalog, const std::optional<QString> &schema, const QString &name,
                 ObjectKind kind, const std::optional<QString> &arguments = std::nullopt)
{
    const Result<QList<CatalogNode>> found = catalog.lookup(schema, name, arguments);
    if (!found)
        qFatal("lookup %s: %s", qPrintable(name), qPrintable(found.error().toString()));
    QList<CatalogNode> matching;
    for (const CatalogNode &n : found.value())
        if (n.kind == kind)
            matching << n;
    if (matching.size() != 1)
        qFatal("lookup %s: %d matches", qPrintable(name), int(matching.size()));
    return matching.first();
}

QStringList ddlOf(ObjectCatalog &catalog, const CatalogNode &node)
{
    const Result<QStringList> ddl = catalog.ddl(node);
    if (!ddl)
        qFatal("ddl %s: %s", qPrintable(node.identity), qPrintable(ddl.error().toString()));
    return ddl.value();
}

// The schema's relations: what the catalog writes for each against pg_dump -t.
struct Relation
{
    QString name;
    ObjectKind kind;
};

const QList<Relation> kRelations{
    {QStringLiteral("parent"), ObjectKind::Table},
    {QStringLiteral("items"), ObjectKind::Table},
    {QStringLiteral("events"), ObjectKind::Table},
    {QStringLiteral("events_2024"), ObjectKind::Table},
    {kOddTable, ObjectKind::Table},
    {QStringLiteral("item_names"), ObjectKind::View},
    {QStringLiteral("item_counts"), ObjectKind::MaterializedView},
    {QStringLiteral("counter"), ObjectKind::Sequence},
};

// The other objects: what the catalog writes against pg_dump's entries of the same names.
struct Other
{
    std::optional<QString> schema;
    QString name;
    std::optional<QString> arguments;
    ObjectKind kind;
    QList<std::pair<QString, QString>> entries; // (Type, Name) of pg_dump's table of contents
};

QList<Other> others()
{
    const auto e = [](const char *type, const char *name) {
        return std::pair<QString, QString>{QLatin1String(type), QLatin1String(name)};
    };
    const QString app = QStringLiteral("app");
    return {
        {std::nullopt,
         app,
         std::nullopt,
         ObjectKind::Schema,
         {e("SCHEMA", "app"), e("COMMENT", "SCHEMA app")}},
        {std::nullopt,
         QStringLiteral("citext"),
         std::nullopt,
         ObjectKind::Extension,
         {e("EXTENSION", "citext"), e("COMMENT", "EXTENSION citext")}},
        {app,
         QStringLiteral("mood"),
         std::nullopt,
         ObjectKind::Type,
         {e("TYPE", "mood"), e("COMMENT", "TYPE mood")}},
        {app, QStringLiteral("pair"), std::nullopt, ObjectKind::Type, {e("TYPE", "pair")}},
        {app, QStringLiteral("posint"), std::nullopt, ObjectKind::Domain, {e("DOMAIN", "posint")}},
        {app,
         QStringLiteral("add"),
         QStringLiteral("int, int"),
         ObjectKind::Function,
         {e("FUNCTION", "add(integer, integer)"),
          e("COMMENT", "FUNCTION add(a integer, b integer)")}},
        {app,
         QStringLiteral("add"),
         QStringLiteral("text"),
         ObjectKind::Function,
         {e("FUNCTION", "add(text)")}},
        {app,
         QStringLiteral("touch"),
         std::nullopt,
         ObjectKind::Function,
         {e("FUNCTION", "touch()")}},
        {app,
         QStringLiteral("reset"),
         std::nullopt,
         ObjectKind::Procedure,
         {e("PROCEDURE", "reset(integer)")}},
    };
}

// pg_dump's post-data section: what a restore creates after every object (constraints,
// indexes and their attachment, triggers, rules, row-level security, policies, and comments on
// them), so that a partition attached before its table's indexes exist gets them by ALTER
// INDEX ... ATTACH, as in a restore.
bool postData(const QString &statement)
{
    const PgParseTree tree = PgParseTree::parse(statement.toUtf8());
    if (!tree.ok() || tree.statements().size() != 1)
        qFatal("not one statement: %s", qPrintable(statement));
    const PgQuery__Node *node = tree.statements().first().node;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
    case PG_QUERY__NODE__NODE_RULE_STMT:
        return true;
    case PG_QUERY__NODE__NODE_COMMENT_STMT: {
        const PgQuery__ObjectType type = node->comment_stmt->objtype;
        return type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX
            || type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT
            || type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER
            || type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        if (alter->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
            return true;
        const PgQuery__AlterTableType sub = alter->cmds[0]->alter_table_cmd->subtype;
        return sub == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint
            || sub == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity
            || sub == PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity;
    }
    default:
        return false;
    }
}

} // namespace

class TestObjectCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstLevelCountsEachKind();
    void objectsAndChildren();
    void relationDdlEqualsPgDump();
    void otherDdlEqualsPgDump();
    void roleDdlEqualsPgDumpall();
    void ddlRecreatesTheSchema();
    void functionsByNameAndArguments();
    void dependenciesBothWays();
    void findIsBounded();
    void readInsideTransactionKeepsSearchPath();
    void objectNames();

private:
    // the fixture, read by every case but the role's (no case changes it)
    std::unique_ptr<TestDatabase> m_db;
};

void TestObjectCatalog::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    applyFixture(*m_db);
}

void TestObjectCatalog::cleanupTestCase()
{
    m_db.reset();
}

void TestObjectCatalog::firstLevelCountsEachKind()
{
    TestDatabase &db = *m_db;
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> schemas = catalog.schemas();
    QVERIFY2(schemas.ok(), qPrintable(schemas.ok() ? QString() : schemas.error().toString()));
    QStringList names;
    for (const CatalogNode &s : schemas.value())
        names << s.name;
    QCOMPARE(names, (QStringList{QStringLiteral("app"), QStringLiteral("public")}));
    const CatalogNode &app = schemas.value().first();
    QCOMPARE(app.comment, QStringLiteral("the app's schema"));
    // parent, items, events and the odd one; the partition is events' child
    QCOMPARE(app.counts.value(ObjectKind::Table), 4);
    QCOMPARE(app.counts.value(ObjectKind::View), 1);
    QCOMPARE(app.counts.value(ObjectKind::MaterializedView), 1);
    // counter, and the sequences of parent's serial and items' identity column
    QCOMPARE(app.counts.value(ObjectKind::Sequence), 3);
    QCOMPARE(app.counts.value(ObjectKind::Function), 3);
    QCOMPARE(app.counts.value(ObjectKind::Procedure), 1);
    QCOMPARE(app.counts.value(ObjectKind::Type), 2);
    QCOMPARE(app.counts.value(ObjectKind::Domain), 1);
    QCOMPARE(app.childCount, 16);
    // citext's functions and types are the extension's, not public's
    QCOMPARE(schemas.value().last().childCount, 0);
}

void TestObjectCatalog::objectsAndChildren()
{
    TestDatabase &db = *m_db;
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> tables
        = catalog.objects(QStringLiteral("app"), ObjectKind::Table);
    QVERIFY(tables.ok());
    QStringList identities;
    for (const CatalogNode &t : tables.value())
        identities << t.identity;
    QCOMPARE(
        identities,
        (QStringList{QStringLiteral("app.events"), QStringLiteral("app.items"),
                     QStringLiteral("app.parent"), QString::fromUtf8("app." + quoted(kOddTable))}));
    const CatalogNode items = tables.value().at(1);
    QCOMPARE(items.comment, QStringLiteral("the items"));
    // the listing's size is the catalog's estimate (the indexes' metapages here), lookup's exact
    QVERIFY(items.sizeEstimated);
    QVERIFY(items.sizeBytes > 0);
    const CatalogNode exact
        = only(catalog, QStringLiteral("app"), QStringLiteral("items"), ObjectKind::Table);
    QVERIFY(!exact.sizeEstimated);
    QCOMPARE(exact.sizeBytes, db.scalar("SELECT pg_total_relation_size('app.items')").toLongLong());
    QVERIFY(items.hasChildren());
    const Result<QList<CatalogNode>> parts = catalog.children(items);
    QVERIFY(parts.ok());
    QMap<ObjectKind, QStringList> byKind;
    for (const CatalogNode &p : parts.value())
        byKind[p.kind] << p.name;
    QCOMPARE(byKind.value(ObjectKind::Column).size(), 8);
    QCOMPARE(byKind.value(ObjectKind::Constraint).size(), 5);
    QCOMPARE(byKind.value(ObjectKind::Index).size(), 3);
    QCOMPARE(byKind.value(ObjectKind::Trigger), QStringList{QStringLiteral("items_touch")});
    QCOMPARE(byKind.value(ObjectKind::Policy).size(), 2);
    const Result<QList<CatalogNode>> eventParts = catalog.children(tables.value().first());
    QVERIFY(eventParts.ok());
    QList<CatalogNode> partitions;
    for (const CatalogNode &p : eventParts.value())
        if (p.kind == ObjectKind::Partition)
            partitions << p;
    QCOMPARE(partitions.size(), 1);
    QCOMPARE(partitions.first().identity, QStringLiteral("app.events_2024"));
    QCOMPARE(partitions.first().detail,
             QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
    const Result<QList<CatalogNode>> roles = catalog.objects({}, ObjectKind::Role);
    QVERIFY(roles.ok() && !roles.value().isEmpty());
}

void TestObjectCatalog::relationDdlEqualsPgDump()
{
    TestDatabase &db = *m_db;
    UAIP_REQUIRE_PG_DUMP(db.witness());
    ObjectCatalog catalog(db.witness());
    for (const Relation &r : kRelations) {
        const CatalogNode node = only(catalog, QStringLiteral("app"), r.name, r.kind);
        const QList<Statement> ours
            = normalized(ObjectCatalog::text(ddlOf(catalog, node)).toUtf8());
        const QList<Statement> dump = normalized(
            dumpSchema(db, {QStringLiteral("-t"), dumpPattern(QStringLiteral("app"), r.name)}));
        QVERIFY2(!dump.isEmpty(), qPrintable(node.identity));
        QVERIFY2(sameStatements(node.identity, ours, dump), qPrintable(node.identity));
    }
}

void TestObjectCatalog::otherDdlEqualsPgDump()
{
    TestDatabase &db = *m_db;
    UAIP_REQUIRE_PG_DUMP(db.witness());
    ObjectCatalog catalog(db.witness());
    const QByteArray dump = dumpSchema(db);
    for (const Other &o : others()) {
        const CatalogNode node = only(catalog, o.schema, o.name, o.kind, o.arguments);
        const QList<Statement> ours
            = normalized(ObjectCatalog::text(ddlOf(catalog, node)).toUtf8());
        const QList<Statement> theirs = normalized(tocEntries(dump, o.entries));
        QVERIFY2(!theirs.isEmpty(), qPrintable(node.identity));
        QVERIFY2(sameStatements(node.identity, ours, theirs), qPrintable(node.identity));
    }
}

void TestObjectCatalog::roleDdlEqualsPgDumpall()
{
    TestDatabase db;
    UAIP_REQUIRE_PG_DUMP(db.witness());
    FixtureRole role(db);
    ObjectCatalog catalog(db.witness());
    const CatalogNode node = only(catalog, std::nullopt, role.name(), ObjectKind::Role);
    const QList<Statement> ours = normalized(ObjectCatalog::text(ddlOf(catalog, node)).toUtf8());
    QCOMPARE(ours.size(), 3);
    // pg_dumpall's statements about this role: those that begin as ours do
    const QList<Statement> all
        = normalized(runTool(QStringLiteral("pg_dumpall"),
                             {QStringLiteral("--roles-only"), QStringLiteral("--no-role-passwords"),
                              QStringLiteral("-d"), db.conninfo()}));
    // pg_dumpall's statements about this role: those whose tree names it (as a JSON string)
    const QString name
        = QString::fromUtf8(QJsonDocument(QJsonArray{role.name()}).toJson(QJsonDocument::Compact));
    const QString needle = name.mid(1, name.size() - 2);
    QList<Statement> theirs;
    for (const Statement &s : all)
        if (s.tree.contains(needle))
            theirs << s;
    QVERIFY(sameStatements(node.identity, ours, theirs));
}

void TestObjectCatalog::ddlRecreatesTheSchema()
{
    TestDatabase &original = *m_db;
    ObjectCatalog catalog(original.witness());
    QStringList preData;
    QStringList post;
    const auto add = [&](const CatalogNode &node) {
        for (const QString &statement : ddlOf(catalog, node))
            (postData(statement) ? post : preData) << statement;
    };
    for (const Other &o : others())
        add(only(catalog, o.schema, o.name, o.kind, o.arguments));
    for (const Relation &r : kRelations)
        add(only(catalog, QStringLiteral("app"), r.name, r.kind));
    TestDatabase copy;
    for (const QString &statement : preData + post) {
        const PgResult r = copy.witness().exec(statement.toUtf8());
        QVERIFY2(r.ok(), qPrintable(statement + u'\n' + r.error().toString()));
    }
    // the server's own description of both (every major), and pg_dump's where the server's
    // major has one here
    const QString was = catalogWitness(original.witness(), QStringLiteral("app"));
    const QString now = catalogWitness(copy.witness(), QStringLiteral("app"));
    QVERIFY2(was.count(u'\n') > 20, qPrintable(was));
    QCOMPARE(now, was);
    if (!pgDumpFor(original.witness()).isEmpty())
        QVERIFY(sameStatements(QStringLiteral("the recreated schema"), normalized(dumpSchema(copy)),
                               normalized(dumpSchema(original))));
    // the odd names came through as they are
    QCOMPARE(copy.scalar("SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass "
                         "AND attnum = 1",
                         {QString::fromUtf8("app." + quoted(kOddTable))}),
             kOddColumn);
}

void TestObjectCatalog::functionsByNameAndArguments()
{
    TestDatabase &db = *m_db;
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> overloads
        = catalog.lookup(QStringLiteral("app"), QStringLiteral("add"));
    QVERIFY(overloads.ok());
    QStringList identities;
    for (const CatalogNode &n : overloads.value())
        identities << n.identity;
    QCOMPARE(identities,
             (QStringList{QStringLiteral("app.add(a integer, b integer)"),
                          QStringLiteral("app.add(a text)")}));
    const Result<QList<CatalogNode>> one
        = catalog.lookup(QStringLiteral("app"), QStringLiteral("add"), QStringLiteral("text"));
    QVERIFY(one.ok());
    QCOMPARE(one.value().size(), 1);
    QCOMPARE(one.value().first().detail, QStringLiteral("text"));
    const Result<QList<CatalogNode>> none
        = catalog.lookup(QStringLiteral("app"), QStringLiteral("add"), QStringLiteral("date"));
    QVERIFY(none.ok() && none.value().isEmpty());
    // without a schema: every schema, and schemas, extensions and roles too
    const Result<QList<CatalogNode>> schema = catalog.lookup(std::nullopt, QStringLiteral("app"));
    QVERIFY(schema.ok());
    QCOMPARE(schema.value().size(), 1);
    QCOMPARE(schema.value().first().kind, ObjectKind::Schema);
    const Result<QList<CatalogNode>> odd = catalog.lookup(std::nullopt, kOddTable);
    QVERIFY(odd.ok());
    QCOMPARE(odd.value().size(), 1);
    QCOMPARE(odd.value().first().name, kOddTable);
}

void TestObjectCatalog::dependenciesBothWays()
{
    TestDatabase &db = *m_db;
    ObjectCatalog catalog(db.witness());
    const Result<ObjectDependencies> items = catalog.dependencies(
        only(catalog, QStringLiteral("app"), QStringLiteral("items"), ObjectKind::Table));
    QVERIFY(items.ok());
    const auto ref = [](const char *type, const char *identity) {
        return ObjectReference{QLatin1String(type), QLatin1String(identity)};
    };
    QCOMPARE(items.value().uses,
             (QList<ObjectReference>{ref("function", "app.touch()"), ref("table", "app.parent"),
                                     ref("type", "app.mood"), ref("type", "app.posint"),
                                     ref("type", "public.citext")}));
    QCOMPARE(items.value().usedBy,
             (QList<ObjectReference>{ref("materialized view", "app.item_counts"),
                                     ref("view", "app.item_names")}));
    const Result<ObjectDependencies> view = catalog.dependencies(
        only(catalog, QStringLiteral("app"), QStringLiteral("item_names"), ObjectKind::View));
    QVERIFY(view.ok());
    QCOMPARE(view.value().uses, QList<ObjectReference>{ref("table", "app.items")});
    QVERIFY(view.value().usedBy.isEmpty());
    const Result<ObjectDependencies> touch = catalog.dependencies(
        only(catalog, QStringLiteral("app"), QStringLiteral("touch"), ObjectKind::Function));
    QVERIFY(touch.ok());
    QCOMPARE(touch.value().usedBy, QList<ObjectReference>{ref("table", "app.items")});
}

void TestObjectCatalog::findIsBounded()
{
    TestDatabase &db = *m_db;
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> all = catalog.find(QStringLiteral("ITEM"));
    QVERIFY(all.ok());
    QStringList identities;
    for (const CatalogNode &n : all.value())
        if (n.parent.isEmpty()) // a table's parts are found too (tst_objectparts)
            identities << n.identity;
    QCOMPARE(identities,
             (QStringList{QStringLiteral("app.item_counts"), QStringLiteral("app.item_names"),
                          QStringLiteral("app.items"), QStringLiteral("app.items_id_seq")}));
    const Result<QList<CatalogNode>> two = catalog.find(QStringLiteral("item"), 2);
    QVERIFY(two.ok());
    QCOMPARE(two.value().size(), 2);
    // the exact name first, whatever the case
    const Result<QList<CatalogNode>> exact = catalog.find(QStringLiteral("ITEMS"));
    QVERIFY(exact.ok() && !exact.value().isEmpty());
    QCOMPARE(exact.value().first().identity, QStringLiteral("app.items"));
    // the text is a value, not a pattern
    const Result<QList<CatalogNode>> percent = catalog.find(QStringLiteral("%"));
    QVERIFY(percent.ok() && percent.value().isEmpty());
}

void TestObjectCatalog::readInsideTransactionKeepsSearchPath()
{
    TestDatabase &db = *m_db;
    PgConnection &c = db.witness();
    ObjectCatalog catalog(c);
    QVERIFY(c.exec("BEGIN").ok());
    QVERIFY(c.exec("SET LOCAL search_path = app, public").ok());
    const CatalogNode view
        = only(catalog, QStringLiteral("app"), QStringLiteral("item_names"), ObjectKind::View);
    const QStringList ddl = ddlOf(catalog, view);
    QVERIFY2(ddl.first().contains(QStringLiteral("FROM app.items")), qPrintable(ddl.first()));
    QCOMPARE(c.scalar("SELECT current_setting('search_path')"), QStringLiteral("app, public"));
    QVERIFY(c.exec("ROLLBACK").ok());
    // on an idle connection: a transaction of its own, over when the read is
    QVERIFY(catalog.schemas().ok());
    QCOMPARE(c.transactionState(), PgConnection::TransactionState::Idle);
    QCOMPARE(c.scalar("SELECT current_setting('search_path')"),
             QStringLiteral("\"$user\", public"));
}

void TestObjectCatalog::objectNames()
{
    Result<ObjectName> n = ObjectName::parse(QStringLiteral("App.Items"));
    QVERIFY(n);
    QCOMPARE(n->schema.value_or(QString()), QStringLiteral("app"));
    QCOMPARE(n->name, QStringLiteral("items"));
    QVERIFY(!n->arguments);
    n = ObjectName::parse(QStringLiteral("\"My \"\"S\"\".\".\"a.b(c)\""));
    QVERIFY(n);
    QCOMPARE(n->schema.value_or(QString()), QStringLiteral("My \"S\"."));
    QCOMPARE(n->name, QStringLiteral("a.b(c)"));
    QCOMPARE(n->display(), QStringLiteral("\"My \"\"S\"\".\".\"a.b(c)\""));
    n = ObjectName::parse(QStringLiteral("ADD(Integer, text)"));
    QVERIFY(n);
    QVERIFY(!n->schema);
    QCOMPARE(n->name, QStringLiteral("add"));
    QCOMPARE(n->arguments.value_or(QString()), QStringLiteral("Integer, text"));
    n = ObjectName::parse(QStringLiteral("f()"));
    QVERIFY(n && n->arguments && n->arguments->isEmpty());
    for (const char *bad :
         {"", "a.", ".a", "\"a", "a.b.c.d", "a.b.c(d)", "a(b", "\"\"", "a\"b\"", "f(t.c%TYPE)"}) {
        const Result<ObjectName> refused = ObjectName::parse(QLatin1String(bad));
        QVERIFY2(!refused, bad);
        QCOMPARE(refused.error().code(), ErrorCode::BadInput);
        QCOMPARE(refused.error().arg(QStringLiteral("name")).toString(), QLatin1String(bad));
    }
}

QTEST_GUILESS_MAIN(TestObjectCatalog)
#include "tst_objectcatalog.moc"
