// uaip-migrate ddl as a process against the real sandbox, on the object browser's fixture
// (objectcatalogtestutil.h): the text is the core's DDL (ObjectCatalog) unchanged, names follow
// SQL's identifier rules (unquoted folded, quoted kept, a quoted name with a quote, a
// semicolon, a line feed and a carriage return found), a function's overloads all or one by
// its argument types, a name of two kinds or schemas refused until --kind or the schema says
// which, --json with kind, identity, ddl, uses, used_by and size, --list of the schemas and of
// one schema's objects, and the usage errors with exit 2. A control character in a name or text
// (ESC, BEL, a CR, a bidirectional override) never reaches the terminal raw: printed as an
// escape PostgreSQL reads back (U&"...", E'...'), the text still runs and makes the same
// objects (issue 57, point 10; issue 60, point 6: no C0 byte but a line feed and a tab, a
// CRLF's CR too). A table's parts by their own name, and psql rebuilding control-character
// names: tst_uaipmigrateddlparts.
#include "objectcatalogtestutil.h"
#include "serverbuild.h"
#include "uaipmigratetestutil.h"

#include "objects/objectcatalog.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

Run ddl(const TestDatabase &db, const QStringList &args)
{
    return migrate(db.conninfo(), QStringList{QStringLiteral("ddl")} + args);
}

QString coreText(TestDatabase &db, const QString &schema, const QString &name)
{
    ObjectCatalog catalog(db.witness());
    const Result<QList<CatalogNode>> found = catalog.lookup(schema, name);
    if (!found || found.value().size() != 1)
        qFatal("lookup %s", qPrintable(name));
    const Result<QStringList> statements = catalog.ddl(found.value().first());
    if (!statements)
        qFatal("ddl %s", qPrintable(name));
    return ObjectCatalog::text(statements.value());
}

// The review's cases (issue 46): a partition with its table's index and key, a NOT NULL on an
// inherited column, a typed table, a view's column default, a column's compression, a
// function with named and VARIADIC arguments.
void applyReviewCases(TestDatabase &db)
{
    const PgResult r = db.witness().execScript(R"(
CREATE TABLE pt (id int, ts date, x text) PARTITION BY RANGE (ts);
CREATE TABLE pt_1 PARTITION OF pt FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE INDEX ON pt (ts);
ALTER TABLE pt ADD CONSTRAINT pt_pk PRIMARY KEY (id, ts);
CREATE TABLE p2 (a int, c int);
CREATE TABLE c2 (a int) INHERITS (p2);
ALTER TABLE c2 ALTER COLUMN c SET NOT NULL;
CREATE TABLE p3 (a int NOT NULL);
CREATE TABLE c3 (a int) INHERITS (p3);
CREATE TYPE ct2 AS (a int, b text);
CREATE TABLE typed OF ct2 (a PRIMARY KEY, b DEFAULT 'x');
CREATE TABLE typed2 OF ct2;
CREATE VIEW vv AS SELECT 1 AS a, 2 AS b;
ALTER VIEW vv ALTER COLUMN b SET DEFAULT 42;
CREATE TABLE cmp (a text COMPRESSION pglz, b text);
CREATE FUNCTION f(a integer, VARIADIC b integer[]) RETURNS int LANGUAGE sql AS 'SELECT 1';
)");
    if (!r.ok())
        qFatal("review cases: %s", qPrintable(r.error().toString()));
}

QStringList identities(const QJsonArray &objects)
{
    QStringList out;
    for (const QJsonValue &o : objects)
        out << o.toObject().value(QStringLiteral("identity")).toString();
    return out;
}

// Whether a terminal acts on a character of text: a control or format character other than a
// line feed and a tab (a CR too, even before a line feed).
QString actedOn(const QString &text)
{
    QString found;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool control
            = c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        if (control && c != u'\n' && c != u'\t')
            found += QStringLiteral("U+%1 at %2; ").arg(c.unicode(), 4, 16, QChar(u'0')).arg(i);
    }
    return found;
}

} // namespace

class TestUaipMigrateDdl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void printsTheCoreDdl();
    void identifierRules();
    void overloadsAndArguments();
    void ambiguousNames();
    void json();
    void list();
    void usageErrors();
    void partitionAfterItsTable();
    void whatPgDumpWritesApart();
    void routineIdentitiesRoundTrip();
    void listedNamesReadApart();
    void unwrittenKindsAndLongNames();
    void controlCharactersPrintAsEscapedSql();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestUaipMigrateDdl::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    applyFixture(*m_db);
}

void TestUaipMigrateDdl::cleanupTestCase()
{
    m_db.reset();
}

void TestUaipMigrateDdl::printsTheCoreDdl()
{
    const Run run = ddl(*m_db, {QStringLiteral("app.items")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(run.out, coreText(*m_db, QStringLiteral("app"), QStringLiteral("items")) + u'\n');
    QVERIFY(run.out.startsWith(QStringLiteral("CREATE TABLE app.items (\n")));
}

void TestUaipMigrateDdl::identifierRules()
{
    // unquoted: folded to lower case
    QCOMPARE(ddl(*m_db, {QStringLiteral("APP.Items")}).exitCode, 0);
    // quoted: kept as written
    const Run upper = ddl(*m_db, {QStringLiteral("\"APP\".items")});
    QCOMPARE(upper.exitCode, 2);
    QVERIFY2(upper.err.contains(QStringLiteral("no object named items in schema APP")),
             qPrintable(upper.err));
    const QString odd = QStringLiteral("app.") + QString::fromUtf8(quoted(kOddTable));
    const Run run = ddl(*m_db, {odd});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // the name's lone CR (a terminal would go back to the line's start) as a Unicode escape of
    // the quoted name, the column's CRLF's CR too, and a CR in a text as E''s \x0d; a line feed
    // as it is
    const QString core = coreText(*m_db, QStringLiteral("app"), kOddTable);
    // (also in the primary key's name, which begins with the table's)
    QCOMPARE(run.out,
             QString(core)
                     .replace(QStringLiteral("\"we\"\"ird;\n\rname"),
                              QStringLiteral("U&\"we\"\"ird;\n\\000dname"))
                     .replace(QStringLiteral("\"co\"\"l;\r\n\""),
                              QStringLiteral("U&\"co\"\"l;\\000d\n\""))
                     .replace(QStringLiteral("'a\r\nb;'"), QStringLiteral("E'a\\x0d\nb;'"))
                     .replace(QStringLiteral("'odd\r\none'"), QStringLiteral("E'odd\\x0d\none'"))
                 + u'\n');
    QVERIFY2(actedOn(run.out).isEmpty(), qPrintable(actedOn(run.out)));
    // what it printed makes the table again in a fresh database
    TestDatabase fresh;
    QVERIFY(fresh.witness().exec("CREATE SCHEMA app").ok());
    const PgResult made = fresh.witness().execScript(run.out.toUtf8());
    QVERIFY2(made.ok(), qPrintable(made.error().toString()));
    QCOMPARE(fresh.scalar("SELECT count(*) FROM pg_class WHERE relname = $1", {kOddTable}),
             QStringLiteral("1"));
}

void TestUaipMigrateDdl::overloadsAndArguments()
{
    const Run both = ddl(*m_db, {QStringLiteral("app.add")});
    QVERIFY2(both.exitCode == 0, qPrintable(both.err));
    QCOMPARE(both.out.count(QStringLiteral("CREATE FUNCTION app.add(")), 2);
    const Run one = ddl(*m_db, {QStringLiteral("app.add(integer, int4)")});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    QCOMPARE(one.out.count(QStringLiteral("CREATE FUNCTION")), 1);
    QVERIFY(one.out.startsWith(QStringLiteral("CREATE FUNCTION app.add(a integer, b integer")));
    const Run none = ddl(*m_db, {QStringLiteral("app.add(date)")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("no object named add in schema app")),
             qPrintable(none.err));
    const Run procedure = ddl(
        *m_db, {QStringLiteral("reset"), QStringLiteral("--kind"), QStringLiteral("procedure")});
    QVERIFY2(procedure.exitCode == 0, qPrintable(procedure.err));
    QVERIFY(procedure.out.startsWith(QStringLiteral("CREATE PROCEDURE app.reset(IN n integer)")));
}

void TestUaipMigrateDdl::ambiguousNames()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE thing (id int); CREATE FUNCTION thing() RETURNS int "
                            "LANGUAGE sql AS 'SELECT 1'; CREATE SCHEMA other; "
                            "CREATE TABLE other.thing (id int);")
                .ok());
    const Run two = ddl(db, {QStringLiteral("public.thing")});
    QCOMPARE(two.exitCode, 2);
    QVERIFY2(two.err.contains(QStringLiteral("2 objects named public.thing: function "
                                             "public.thing() and table public.thing; pass --kind")),
             qPrintable(two.err));
    const Run function = ddl(
        db, {QStringLiteral("public.thing"), QStringLiteral("--kind"), QStringLiteral("function")});
    QVERIFY2(function.exitCode == 0, qPrintable(function.err));
    const Run schemas
        = ddl(db, {QStringLiteral("thing"), QStringLiteral("--kind"), QStringLiteral("table")});
    QCOMPARE(schemas.exitCode, 2);
    QVERIFY2(schemas.err.contains(QStringLiteral("2 objects named thing: table other.thing and "
                                                 "table public.thing; name the schema")),
             qPrintable(schemas.err));
}

void TestUaipMigrateDdl::json()
{
    const Run run = ddl(*m_db, {QStringLiteral("--json"), QStringLiteral("app.items")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(QStringLiteral("command")).toString(), QStringLiteral("ddl"));
    const QJsonArray objects = doc.value(QStringLiteral("objects")).toArray();
    QCOMPARE(objects.size(), 1);
    const QJsonObject items = objects.first().toObject();
    QCOMPARE(items.value(QStringLiteral("kind")).toString(), QStringLiteral("table"));
    QCOMPARE(items.value(QStringLiteral("identity")).toString(), QStringLiteral("app.items"));
    QCOMPARE(items.value(QStringLiteral("ddl")).toString(),
             coreText(*m_db, QStringLiteral("app"), QStringLiteral("items")));
    QVERIFY(items.value(QStringLiteral("size_bytes")).toInteger() > 0);
    QCOMPARE(identities(items.value(QStringLiteral("used_by")).toArray()),
             (QStringList{QStringLiteral("app.item_counts"), QStringLiteral("app.item_names")}));
    QVERIFY(identities(items.value(QStringLiteral("uses")).toArray())
                .contains(QStringLiteral("app.parent")));
    const Run view = ddl(*m_db, {QStringLiteral("--json"), QStringLiteral("app.item_names")});
    const QJsonObject v = view.json().value(QStringLiteral("objects")).toArray().first().toObject();
    QCOMPARE(v.value(QStringLiteral("kind")).toString(), QStringLiteral("view"));
    QVERIFY(v.value(QStringLiteral("size_bytes")).isNull());
    QCOMPARE(identities(v.value(QStringLiteral("uses")).toArray()),
             QStringList{QStringLiteral("app.items")});
}

void TestUaipMigrateDdl::list()
{
    const Run schemas = ddl(*m_db, {QStringLiteral("--json"), QStringLiteral("--list")});
    QVERIFY2(schemas.exitCode == 0, qPrintable(schemas.err));
    const QJsonObject app
        = schemas.json().value(QStringLiteral("schemas")).toArray().first().toObject();
    QCOMPARE(app.value(QStringLiteral("name")).toString(), QStringLiteral("app"));
    QCOMPARE(app.value(QStringLiteral("counts")).toObject().value(QStringLiteral("table")).toInt(),
             4);
    const Run tables
        = ddl(*m_db,
              {QStringLiteral("--json"), QStringLiteral("--list"), QStringLiteral("app"),
               QStringLiteral("--kind"), QStringLiteral("table")});
    QVERIFY2(tables.exitCode == 0, qPrintable(tables.err));
    QCOMPARE(identities(tables.json().value(QStringLiteral("objects")).toArray()).size(), 4);
    const Run text = ddl(*m_db, {QStringLiteral("--list"), QStringLiteral("app")});
    QVERIFY2(text.out.contains(QStringLiteral("procedure          app.reset(IN n integer)")),
             qPrintable(text.out));
    const Run extensions = ddl(
        *m_db, {QStringLiteral("--list"), QStringLiteral("--kind"), QStringLiteral("extension")});
    QVERIFY2(extensions.out.contains(QStringLiteral("extension          citext")),
             qPrintable(extensions.out));
}

void TestUaipMigrateDdl::usageErrors()
{
    const auto refused = [this](const QStringList &args, const QString &message) {
        const Run run = ddl(*m_db, args);
        if (run.exitCode != 2 || !run.err.contains(message))
            qWarning().noquote() << args << run.exitCode << run.err;
        return run.exitCode == 2 && run.err.contains(message);
    };
    QVERIFY(refused({}, QStringLiteral("usage: uaip-migrate ddl")));
    QVERIFY(refused({QStringLiteral("nosuch")}, QStringLiteral("no object named nosuch")));
    QVERIFY(refused({QStringLiteral("app.items"), QStringLiteral("--kind"), QStringLiteral("x")},
                    QStringLiteral("--kind \"x\" is none of")));
    QVERIFY(refused({QStringLiteral("app.\"items")},
                    QStringLiteral("a quoted name has no closing double quote")));
    QVERIFY(
        refused({QStringLiteral("a.b.c.d")}, QStringLiteral("more than schema, table and name")));
    QVERIFY(refused({QStringLiteral("a.b.c")}, QStringLiteral("no object named c on table a.b")));
    QVERIFY(refused({QStringLiteral("--list"), QStringLiteral("--kind"), QStringLiteral("index")},
                    QStringLiteral("--list lists")));
    const Run json = ddl(*m_db, {QStringLiteral("--json"), QStringLiteral("nosuch")});
    QCOMPARE(json.exitCode, 2);
    QCOMPARE(json.json().value(QStringLiteral("ok")).toBool(true), false);
}

void TestUaipMigrateDdl::partitionAfterItsTable()
{
    TestDatabase db;
    UAIP_REQUIRE_PG_DUMP(db.witness());
    applyReviewCases(db);
    TestDatabase fresh;
    // the table's DDL (its index ON ONLY, its key), then the partition's: attaching it must not
    // make the partition's index before the partition's own CREATE INDEX does
    for (const char *table : {"public.pt", "public.pt_1"}) {
        const Run run = ddl(db, {QLatin1String(table)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const PgResult made = fresh.witness().execScript(run.out.toUtf8());
        QVERIFY2(made.ok(), qPrintable(QLatin1String(table) + u' ' + made.error().toString()));
    }
    const QStringList tables{QStringLiteral("-t"), QStringLiteral("public.pt"),
                             QStringLiteral("-t"), QStringLiteral("public.pt_1")};
    QVERIFY(sameStatements(QStringLiteral("pt and pt_1 recreated"), normalized(dumpSchema(fresh)),
                           normalized(dumpSchema(db, tables))));
}

void TestUaipMigrateDdl::whatPgDumpWritesApart()
{
    TestDatabase db;
    UAIP_REQUIRE_PG_DUMP(db.witness());
    applyReviewCases(db);
    // the partition's statements are pg_dump's (in another order); a NOT NULL on an inherited
    // column, a typed table, a view's column default and a column's compression as pg_dump
    // writes them
    for (const char *object : {"pt_1", "c2", "c3", "typed", "typed2", "vv", "cmp"}) {
        const Run run = ddl(db, {QStringLiteral("public.") + QLatin1String(object)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray dump = dumpSchema(
            db,
            {QStringLiteral("-t"), dumpPattern(QStringLiteral("public"), QLatin1String(object))});
        QVERIFY2(
            sameStatements(QLatin1String(object), normalized(run.out.toUtf8()), normalized(dump)),
            object);
    }
}

void TestUaipMigrateDdl::routineIdentitiesRoundTrip()
{
    TestDatabase db;
    applyReviewCases(db);
    const Run listed
        = ddl(db,
              {QStringLiteral("--json"), QStringLiteral("--list"), QStringLiteral("public"),
               QStringLiteral("--kind"), QStringLiteral("function")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    const QStringList printed
        = identities(listed.json().value(QStringLiteral("objects")).toArray());
    QCOMPARE(printed, QStringList{QStringLiteral("public.f(a integer, VARIADIC b integer[])")});
    // what --list prints, and the same typed by hand, name the function
    for (const QString &name : {printed.first(), QStringLiteral("f(int, variadic int[])"),
                                QStringLiteral("F(IN x int4, VARIADIC _int4)"),
                                QStringLiteral("public.f(integer, integer[], OUT r int)")}) {
        const Run run = ddl(db, {name});
        QVERIFY2(run.exitCode == 0, qPrintable(name + u' ' + run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("CREATE FUNCTION public.f(a integer, VARIADIC")),
                 qPrintable(run.out));
    }
    // a list that is none: a usage error naming it, before any server reads it
    for (const char *bad : {"f(int,)", "f(int) cascade)", "f(a int default 1)", "f(x.y%TYPE)",
                            "f(int); DROP TABLE cmp; SELECT (1)"}) {
        const Run run = ddl(db, {QLatin1String(bad)});
        QVERIFY2(run.exitCode == 2, qPrintable(QLatin1String(bad) + u' ' + run.err));
        QVERIFY2(run.err.contains(QStringLiteral("argument list")), qPrintable(run.err));
    }
    // a type that does not exist: no such object
    const Run none = ddl(db, {QStringLiteral("f(nosuchtype)")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("no object named f")), qPrintable(none.err));
}

void TestUaipMigrateDdl::listedNamesReadApart()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE \"line\nbreak\" (); CREATE TABLE \"line break\" (); "
                            "CREATE TABLE \"line\\nbreak\" ();")
                .ok());
    const Run run = ddl(db,
                        {QStringLiteral("--list"), QStringLiteral("public"),
                         QStringLiteral("--kind"), QStringLiteral("table")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.section(QStringLiteral("  ("), 0, 0); // the size
    lines.sort();
    QCOMPARE(lines,
             (QStringList{QStringLiteral("table              public.\"line break\""),
                          QStringLiteral("table              public.\"line\\\\nbreak\""),
                          QStringLiteral("table              public.\"line\\nbreak\"")}));
}

void TestUaipMigrateDdl::unwrittenKindsAndLongNames()
{
    TestDatabase db;
    const QString name63 = QString(63, u'l');
    QVERIFY(db.witness()
                .execScript(
                    "CREATE AGGREGATE ag(int) (SFUNC = int4pl, STYPE = int); "
                    "CREATE FOREIGN DATA WRAPPER fw; CREATE SERVER srv FOREIGN DATA WRAPPER fw; "
                    "CREATE TABLE "
                    + name63.toUtf8() + " (id int);")
                .ok());
    // an object of a kind ddl does not write: said so, not "no object"
    const QList<std::pair<QString, QString>> unwritten{
        {QStringLiteral("ag"), QStringLiteral("aggregate public.ag(integer)")},
        {QStringLiteral("srv"), QStringLiteral("foreign server srv")},
        {QStringLiteral("fw"), QStringLiteral("foreign-data wrapper fw")}};
    for (const auto &[object, what] : unwritten) {
        const Run run = ddl(db, {object});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(what + QStringLiteral(" exists, but ddl does not")),
                 qPrintable(run.err));
    }
    // a name longer than an identifier is truncated as the server truncates it
    const Run run = ddl(db, {QString(66, u'L')});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(QStringLiteral("CREATE TABLE public.") + name63 + u' '));
    QVERIFY2(run.err.contains(QStringLiteral("will be truncated to \"%1\"").arg(name63)),
             qPrintable(run.err));
}

namespace {

// Names with control characters: ESC (colour, title, clear screen), BEL, a bidirectional
// override, and a lone CR (back to the line's start) with bidirectional controls (Trojan
// Source).
struct ControlNames
{
    QString schema;
    QString table;
    QString column;
    QString function;
    QString view;
    QString lone;
};

ControlNames controlNames()
{
    const QChar esc(0x1b);
    const QChar bel(0x07);
    const QChar rlo(0x202e);
    ControlNames n;
    n.schema = QStringLiteral("s") + esc + QStringLiteral("[31m");
    n.table = QStringLiteral("t") + esc + QStringLiteral("]0;pwned") + bel + QStringLiteral("\\x");
    n.column = QStringLiteral("c") + esc + QStringLiteral("[2J");
    n.function = QStringLiteral("f") + esc;
    n.view = QStringLiteral("v") + rlo;
    n.lone = QStringLiteral("ctl\rover") + rlo + QStringLiteral("x") + QChar(0x2066) + u'y'
        + QChar(0x2069);
    return n;
}

// The objects of those names in their schema, with control characters in a CHECK, defaults,
// function bodies, a view's text and column, and comments (the lone CR and the bidirectional
// controls in a name and in a comment).
QByteArray controlObjectsScript(const ControlNames &n)
{
    const QChar bel(0x07);
    const QChar rlo(0x202e);
    const QByteArray s = quoted(n.schema);
    return "CREATE SCHEMA " + s + ";\nCREATE TABLE " + s + '.' + quoted(n.table) + " ("
        + quoted(n.column) + " text CHECK (" + quoted(n.column)
        + " <> E'\\x1b[5m\\\\'), d text DEFAULT E'\\u202ex''y', e text DEFAULT 'a\rb');\n"
        + "COMMENT ON TABLE " + s + '.' + quoted(n.table) + " IS E'hidden\\rvisible\\r\\nok';\n"
        + "CREATE FUNCTION " + s + '.' + quoted(n.function)
        + "() RETURNS text LANGUAGE sql AS $$SELECT '\x07it''s \\'::text -- c\x1b\n$$;\n"
        + "CREATE FUNCTION " + s
        + ".g() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT '\x1bx\\'::text; END;\n"
        + "CREATE VIEW " + s + '.' + quoted(n.view) + " AS SELECT 'x\x1b[1m'::text AS "
        + quoted(QStringLiteral("x") + bel) + ";\nCREATE TABLE " + s + '.' + quoted(n.lone)
        + " (a int);\nCOMMENT ON TABLE " + s + '.' + quoted(n.lone)
        + " IS E'seen\\rhidden\\u202egnp.exe\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068 "
          "ok\\r\\n';\nCOMMENT ON COLUMN "
        + s + '.' + quoted(n.lone) + ".a IS 'x\r" + QString(rlo).toUtf8() + "y';\n";
}

} // namespace

void TestUaipMigrateDdl::controlCharactersPrintAsEscapedSql()
{
    const QChar esc(0x1b);
    const ControlNames n = controlNames();
    const QString &schema = n.schema;
    const QString &lone = n.lone;
    const QByteArray s = quoted(schema);
    TestDatabase db;
    const PgResult made = db.witness().execScript(controlObjectsScript(n));
    QVERIFY2(made.ok(), qPrintable(made.error().toString()));
    TestDatabase fresh;
    QVERIFY(fresh.witness().exec("CREATE SCHEMA " + s).ok());
    for (const QString &name : {n.table, n.function, QStringLiteral("g"), n.view, lone}) {
        const QString object = QString::fromUtf8(s + '.' + quoted(name));
        const Run run = ddl(db, {object});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(actedOn(run.out).isEmpty(), qPrintable(actedOn(run.out)));
        QVERIFY2(!run.out.contains(u'\r'), qPrintable(run.out));
        for (const char16_t bidi :
             {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069})
            QVERIFY2(!run.out.contains(QChar(bidi)), qPrintable(run.out));
        QVERIFY2(actedOn(run.err).isEmpty(), qPrintable(actedOn(run.err)));
        QVERIFY2(run.err.contains(QStringLiteral("NOTICE: control characters in a name or text")),
                 qPrintable(run.err));
        // it runs as it is and makes the same object: its DDL in a fresh database is the
        // original's
        const PgResult again = fresh.witness().execScript(run.out.toUtf8());
        QVERIFY2(again.ok(), qPrintable(again.error().toString() + u'\n' + run.out));
        QCOMPARE(coreText(fresh, schema, name), coreText(db, schema, name));
        // --json keeps the server's text (JSON escapes it)
        const Run json = ddl(db, {object, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json()
                     .value(QStringLiteral("objects"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("ddl"))
                     .toString(),
                 coreText(db, schema, name));
    }
    // the lone CR and the overrides as escapes: \XXXX in the name, \xNN and \uXXXX in the
    // comment's E'' string (a CRLF's CR too)
    const Run ctl = ddl(db, {QString::fromUtf8(s + '.' + quoted(lone))});
    QVERIFY2(ctl.out.contains(QStringLiteral("U&\"ctl\\000dover\\202ex\\2066y\\2069\"")),
             qPrintable(ctl.out));
    QVERIFY2(ctl.out.contains(QStringLiteral("E'seen\\x0dhidden\\u202egnp.exe\\u202a\\u202b"
                                             "\\u202c\\u202d\\u2067\\u2068 ok\\x0d\n'")),
             qPrintable(ctl.out));
    QVERIFY2(ctl.out.contains(QStringLiteral("E'x\\x0d\\u202ey'")), qPrintable(ctl.out));
    // a name in an error: escaped too
    const Run none
        = ddl(db, {QString::fromUtf8(s + '.' + quoted(QStringLiteral("no") + esc + u'e'))});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(actedOn(none.err).isEmpty(), qPrintable(actedOn(none.err)));
    QVERIFY2(none.err.contains(QStringLiteral("no object named no\\u001be in schema s\\u001b[31m")),
             qPrintable(none.err));
}

QTEST_GUILESS_MAIN(TestUaipMigrateDdl)
#include "tst_uaipmigrateddl.moc"
