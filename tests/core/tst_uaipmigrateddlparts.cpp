// uaip-migrate ddl as a process against the real sandbox (issue 60, point 6): a table's index,
// constraint, trigger or policy (as pg_dump writes it) by its own name, bare or as
// schema.table.name (a primary key's index written as its constraint; one trigger name on two
// tables refused until the table is named), and names holding ESC, BEL, a CR, a line feed, a
// quote and a semicolon printed with no C0 byte but line feeds and tabs, which psql -v
// ON_ERROR_STOP=1 runs in a fresh database to build what pg_dump -s shows for the original.
#include "objectcatalogtestutil.h"
#include "uaipmigratetestutil.h"

#include <QTemporaryFile>

using namespace uaip;
using namespace uaip::test;

namespace {

Run ddl(const TestDatabase &db, const QStringList &args)
{
    return migrate(db.conninfo(), QStringList{QStringLiteral("ddl")} + args);
}

// The control and format characters of text other than a line feed and a tab: what a terminal
// would act on.
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

namespace {

// A name with a quote, a semicolon, a line feed and a carriage return.
const QString kPartName = QStringLiteral("tr\"ig;\n\rger");

// text as psql -v ON_ERROR_STOP=1 runs it in db: its error output, empty when it ran.
QString psqlRuns(const TestDatabase &db, const QString &text)
{
    QTemporaryFile file;
    if (!file.open() || file.write(text.toUtf8()) < 0 || !file.flush())
        return QStringLiteral("cannot write the script");
    QProcess p;
    p.start(Sandbox::serverBinDir() + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), db.conninfo(),
             QStringLiteral("-f"), file.fileName()});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("psql did not finish");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode() == 0 ? QString()
                             : QStringLiteral("psql exit %1: %2").arg(p.exitCode()).arg(err);
}

} // namespace

class TestUaipMigrateDdlParts : public QObject
{
    Q_OBJECT

private slots:
    void tablePartsByTheirOwnName();
    void anInvalidIndexIsLeftOut();
    void controlNamesRebuildWithPsql();
};

void TestUaipMigrateDdlParts::anInvalidIndexIsLeftOut()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE agents (id int PRIMARY KEY, name text);\n"
                            "CREATE INDEX agents_name_idx ON agents (lower(name));\n")
                .ok());
    // an index a failed CREATE INDEX CONCURRENTLY left (not valid) is left out, as pg_dump
    // leaves it out: its CREATE UNIQUE INDEX would add a rule the table does not have
    QVERIFY(db.witness().execScript("INSERT INTO agents VALUES (1, 'x'), (2, 'x');").ok());
    QVERIFY(
        !db.witness().exec("CREATE UNIQUE INDEX CONCURRENTLY agents_bad ON agents (name)").ok());
    QCOMPARE(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'agents_bad'::regclass"),
             QStringLiteral("f"));
    const Run table = ddl(db, {QStringLiteral("public.agents")});
    QVERIFY2(table.exitCode == 0 && table.out.contains(QLatin1String("agents_name_idx"))
                 && !table.out.contains(QLatin1String("agents_bad")),
             qPrintable(table.out + table.err));
    const Run bad = ddl(db, {QStringLiteral("agents_bad")});
    QVERIFY2(bad.exitCode != 0 && bad.out.isEmpty()
                 && bad.err.contains(QLatin1String("index public.agents_bad is not valid")),
             qPrintable(bad.out + bad.err));
}

void TestUaipMigrateDdlParts::tablePartsByTheirOwnName()
{
    TestDatabase db;
    const QByteArray odd = quoted(kPartName);
    QVERIFY(db.witness()
                .execScript("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$BEGIN RETURN NEW; END$$;\n"
                            "CREATE TABLE agents (id int PRIMARY KEY, name text);\n"
                            "CREATE INDEX agents_name_idx ON agents (lower(name));\n"
                            "CREATE TABLE orders (id int PRIMARY KEY, CONSTRAINT orders_id_check "
                            "CHECK (id > 0));\n"
                            "CREATE TRIGGER agents_touch BEFORE UPDATE ON agents FOR EACH ROW "
                            "EXECUTE FUNCTION touch();\n"
                            "CREATE TRIGGER "
                            + odd
                            + " BEFORE INSERT ON agents FOR EACH ROW EXECUTE FUNCTION touch();\n"
                            + "CREATE TRIGGER " + odd
                            + " BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();\n"
                            + "CREATE POLICY agents_own ON agents AS RESTRICTIVE FOR UPDATE TO "
                              "PUBLIC USING (id > 0) WITH CHECK (name IS NOT NULL);\n"
                              "COMMENT ON POLICY agents_own ON agents IS 'one''s own';\n")
                .ok());
    const QList<std::pair<QString, QString>> cases{
        // a primary key's index is its constraint
        {QStringLiteral("public.agents_pkey"),
         QStringLiteral("ADD CONSTRAINT agents_pkey PRIMARY KEY (id);\n")},
        {QStringLiteral("agents_name_idx"),
         QStringLiteral("CREATE INDEX agents_name_idx ON public.agents USING btree "
                        "(lower(name));\n")},
        {QStringLiteral("orders_id_check"),
         QStringLiteral("ADD CONSTRAINT orders_id_check CHECK ((id > 0));\n")},
        {QStringLiteral("public.agents.agents_touch"),
         QStringLiteral("CREATE TRIGGER agents_touch BEFORE UPDATE ON public.agents FOR EACH ROW "
                        "EXECUTE FUNCTION public.touch();\n")},
        {QStringLiteral("agents_touch"),
         QStringLiteral("CREATE TRIGGER agents_touch BEFORE UPDATE ON public.agents FOR EACH ROW "
                        "EXECUTE FUNCTION public.touch();\n")},
        // a policy as pg_dump writes it, with its comment
        {QStringLiteral("public.agents.agents_own"),
         QStringLiteral("CREATE POLICY agents_own ON public.agents AS RESTRICTIVE FOR UPDATE "
                        "USING ((id > 0)) WITH CHECK ((name IS NOT NULL));\n\n"
                        "COMMENT ON POLICY agents_own ON public.agents IS 'one''s own';\n")}};
    for (const auto &[name, text] : cases) {
        const Run run = ddl(db, {name});
        QVERIFY2(run.exitCode == 0, qPrintable(name + u' ' + run.err));
        QVERIFY2(run.out.contains(text), qPrintable(run.out));
    }
    // the index itself when asked for
    const Run index = ddl(
        db, {QStringLiteral("agents_pkey"), QStringLiteral("--kind"), QStringLiteral("index")});
    QVERIFY2(index.exitCode == 0, qPrintable(index.err));
    // one trigger name on two tables: which one, until the table is named
    const Run two = ddl(db, {QString::fromUtf8(odd)});
    QCOMPARE(two.exitCode, 2);
    QVERIFY2(two.err.contains(QStringLiteral("2 objects named "))
                 && two.err.contains(QStringLiteral("; name the table as schema.table.name")),
             qPrintable(two.err));
    QVERIFY2(actedOn(two.err).isEmpty(), qPrintable(actedOn(two.err)));
    const Run one = ddl(db, {QStringLiteral("public.orders.") + QString::fromUtf8(odd)});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    QVERIFY2(one.out.startsWith(QStringLiteral("CREATE TRIGGER U&\"tr\"\"ig;\n\\000dger\" BEFORE "
                                               "INSERT ON public.orders ")),
             qPrintable(one.out));
    QVERIFY2(actedOn(one.out).isEmpty(), qPrintable(actedOn(one.out)));
    const Run none = ddl(db, {QStringLiteral("public.orders.agents_touch")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("no object named agents_touch on table "
                                              "public.orders")),
             qPrintable(none.err));
}

// A table, a function and a trigger whose names hold ESC, BEL, a CR, a line feed, a quote and a
// semicolon (a column and the function's CRLF body too): ddl prints no C0 byte but line feeds
// and tabs, and psql -v ON_ERROR_STOP=1 running the text in a fresh database builds what
// pg_dump -s shows for the original.
void TestUaipMigrateDdlParts::controlNamesRebuildWithPsql()
{
    const QChar esc(0x1b);
    const QChar bel(0x07);
    const QString table
        = QStringLiteral("t") + esc + QStringLiteral("[31m") + bel + QStringLiteral("\"q;\r\nx");
    const QString function
        = QStringLiteral("f") + esc + QStringLiteral("]0;") + bel + QStringLiteral("\"q;\r\n");
    const QString trigger = QStringLiteral("g") + esc + bel + QStringLiteral("\r\n\";x");
    const QString column = QStringLiteral("c\r") + esc;
    const QByteArray t = "public." + quoted(table);
    const QByteArray f = "public." + quoted(function);
    TestDatabase db;
    const PgResult made = db.witness().execScript(
        "CREATE FUNCTION " + f
        + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN\r\n  -- \x1b[2J\x07\r\n"
          "  RETURN NEW;\r\nEND$$;\nCREATE TABLE "
        + t + " (" + quoted(column) + " text DEFAULT E'\\x1b\\r\\n', id int);\nCREATE TRIGGER "
        + quoted(trigger) + " BEFORE INSERT ON " + t + " FOR EACH ROW EXECUTE FUNCTION " + f
        + "();\n");
    QVERIFY2(made.ok(), qPrintable(made.error().toString()));
    QStringList texts;
    for (const QByteArray &name : {f, t, t + '.' + quoted(trigger), quoted(trigger)}) {
        const Run run = ddl(db, {QString::fromUtf8(name)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(actedOn(run.out).isEmpty(), qPrintable(actedOn(run.out)));
        QVERIFY2(actedOn(run.err).isEmpty(), qPrintable(actedOn(run.err)));
        texts << run.out;
    }
    QCOMPARE(texts.at(3), texts.at(2));
    // the function, then the table (with its trigger) in a fresh database
    TestDatabase fresh;
    QString failed = psqlRuns(fresh, texts.at(0) + texts.at(1));
    QVERIFY2(failed.isEmpty(), qPrintable(failed + u'\n' + texts.at(0) + texts.at(1)));
    QVERIFY(sameStatements(QStringLiteral("rebuilt"), normalized(dumpSchema(fresh)),
                           normalized(dumpSchema(db))));
    // the trigger alone, again
    QVERIFY(fresh.witness().exec("DROP TRIGGER " + quoted(trigger) + " ON " + t).ok());
    failed = psqlRuns(fresh, texts.at(2));
    QVERIFY2(failed.isEmpty(), qPrintable(failed + u'\n' + texts.at(2)));
    QVERIFY(sameStatements(QStringLiteral("trigger rebuilt"), normalized(dumpSchema(fresh)),
                           normalized(dumpSchema(db))));
}

QTEST_GUILESS_MAIN(TestUaipMigrateDdlParts)
#include "tst_uaipmigrateddlparts.moc"
