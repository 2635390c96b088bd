// The engine's own SQL under a hostile search_path (issue 33): a non-owner role whose
// search_path is `evil, pg_catalog`, where evil has its own now(), clock_timestamp(),
// set_config(), =(text, text) and >=(int, int), each logging its call. An up and a down (one
// migration in a transaction, one without) call none of them: the ledger's writes run with
// search_path pinned to pg_catalog for their transaction, the runner's session statements are
// schema-qualified. The ledger's times are the server's now.
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kRole = "uaip_shadow_app";

const char *const kEvil[] = {
    "CREATE SCHEMA evil",
    "CREATE TABLE evil.calls (what text, query text)",
    "GRANT USAGE ON SCHEMA evil TO PUBLIC",
    "GRANT INSERT ON evil.calls TO PUBLIC",
    "CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$"
    " INSERT INTO evil.calls VALUES ('now', pg_catalog.current_query());"
    " SELECT timestamptz '1999-01-01 00:00:00+00' $$",
    "CREATE FUNCTION evil.clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$"
    " INSERT INTO evil.calls VALUES ('clock_timestamp', pg_catalog.current_query());"
    " SELECT timestamptz '1999-01-01 00:00:00+00' $$",
    "CREATE FUNCTION evil.set_config(text, text, boolean) RETURNS text LANGUAGE sql VOLATILE "
    "AS $$ INSERT INTO evil.calls VALUES ('set_config', pg_catalog.current_query());"
    " SELECT pg_catalog.set_config($1, $2, $3) $$",
    "CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE sql VOLATILE AS $$"
    " INSERT INTO evil.calls VALUES ('=', pg_catalog.current_query());"
    " SELECT pg_catalog.texteq($1, $2) $$",
    "CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq)",
    "CREATE FUNCTION evil.int_ge(integer, integer) RETURNS boolean LANGUAGE sql VOLATILE AS $$"
    " INSERT INTO evil.calls VALUES ('>=', pg_catalog.current_query());"
    " SELECT pg_catalog.int4ge($1, $2) $$",
    "CREATE OPERATOR evil.>= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_ge)",
};

bool makeShadowedRole(TestDatabase &db)
{
    PgConnection &w = db.witness();
    if (!w.execScript(QByteArray("DO $$ BEGIN CREATE ROLE ") + kRole
                      + " LOGIN PASSWORD 'uaip-test-login' NOSUPERUSER NOCREATEDB NOCREATEROLE; "
                        "EXCEPTION WHEN duplicate_object "
                        "OR unique_violation THEN NULL; END $$")
             .ok())
        return false;
    QList<QByteArray> all;
    for (const char *sql : kEvil)
        all << sql;
    const QByteArray database = '"' + db.name().toUtf8() + '"';
    all << "GRANT CREATE ON DATABASE " + database + " TO " + kRole
        << QByteArray("GRANT CREATE, USAGE ON SCHEMA public TO ") + kRole
        << "ALTER ROLE " + QByteArray(kRole) + " IN DATABASE " + database
            + " SET search_path = evil, pg_catalog";
    for (const QByteArray &sql : all)
        if (PgResult r = w.execScript(sql); !r.ok()) {
            qWarning("%s: %s", sql.constData(), qPrintable(r.error().toString()));
            return false;
        }
    return true;
}

QString calls(TestDatabase &db)
{
    return db.scalar(
        "SELECT coalesce(string_agg(c, E'\\n'), '') FROM (SELECT DISTINCT what || ' <- ' || "
        "left(regexp_replace(query, '^(\\s*--[^\\n]*\\n)+', ''), 90) AS c FROM evil.calls) x");
}

} // namespace

class TestMigrationShadowPath : public QObject
{
    Q_OBJECT

private slots:
    void upAndDownCallNothingOfTheShadowingSchema()
    {
        TestDatabase db;
        QVERIFY(makeShadowedRole(db));
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), "CREATE TABLE public.a (id int, t text);\n",
              "DROP TABLE public.a;\n");
        f.add(QStringLiteral("0002_a_index"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY a_t ON public.a (t);\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY public.a_t;\n");
        f.add(QStringLiteral("0003_b"), "CREATE TABLE public.b (id int);\n",
              "DROP TABLE public.b;\n");
        Engine e(f.path(), db.conninfo() + QStringLiteral(" user=") + QLatin1String(kRole));
        QCOMPARE(e.connection.scalar("SHOW search_path"), QStringLiteral("evil, pg_catalog"));

        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up) + u'\n' + calls(db)));
        QVERIFY2(calls(db).isEmpty(), qPrintable(calls(db)));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE "
                           "applied_at > now() - interval '5 minutes' AND state = 'applied'"),
                 QStringLiteral("3"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE "
                           "duration_ms BETWEEN 0 AND 60000"),
                 QStringLiteral("3"));

        const RunResult down = e.runner->down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(describe(down) + u'\n' + calls(db)));
        QVERIFY2(calls(db).isEmpty(), qPrintable(calls(db)));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE "
                           "happened_at > now() - interval '5 minutes' AND outcome = 'ok' "
                           "AND duration_ms BETWEEN 0 AND 60000"),
                 QStringLiteral("6"));
        QVERIFY(!tableExists(db, "public.a"));
        // the role's own search_path is untouched after the run
        QCOMPARE(e.connection.scalar("SHOW search_path"), QStringLiteral("evil, pg_catalog"));
    }

    // The whole plan in one transaction (the ledger written once, at its end), with a deferred
    // trigger: it fires at COMMIT, after the ledger's statements, and sees the role's
    // search_path, not the one pinned for the ledger; nothing of evil is called.
    void oneTransactionAndADeferredTrigger()
    {
        TestDatabase db;
        QVERIFY(makeShadowedRole(db));
        MigrationFolder f;
        f.add(QStringLiteral("0001_seen"),
              "CREATE TABLE public.seen (path text);\n"
              "CREATE FUNCTION public.log_path() RETURNS trigger LANGUAGE plpgsql AS $$\n"
              "BEGIN INSERT INTO public.seen VALUES (pg_catalog.current_setting('search_path'));\n"
              "RETURN NULL; END $$;\n"
              "CREATE TABLE public.t (id int);\n"
              "CREATE CONSTRAINT TRIGGER later AFTER INSERT ON public.t DEFERRABLE INITIALLY "
              "DEFERRED FOR EACH ROW EXECUTE FUNCTION public.log_path();\n",
              "DROP TABLE public.t;\nDROP FUNCTION public.log_path();\nDROP TABLE public.seen;\n");
        f.add(QStringLiteral("0002_row"), "INSERT INTO public.t VALUES (2);\n",
              "DELETE FROM public.t;\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo() + QStringLiteral(" user=") + QLatin1String(kRole),
                       QStringLiteral("tst_migrationshadowpath")));
        MigrationRunner::Options options{5000, 5000, QStringLiteral("tst_migrationshadowpath"),
                                         std::nullopt};
        options.singleTransaction = true;
        MigrationRunner runner(c, source.migrations(), options);
        const RunResult up = runner.up();
        QVERIFY2(up.ok(), qPrintable(describe(up) + u'\n' + calls(db)));
        QVERIFY2(calls(db).isEmpty(), qPrintable(calls(db)));
        QCOMPARE(db.scalar("SELECT string_agg(path, '|') FROM public.seen"),
                 QStringLiteral("evil, pg_catalog"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE "
                           "applied_at > now() - interval '5 minutes'"),
                 QStringLiteral("2"));
        const RunResult down = runner.down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(describe(down) + u'\n' + calls(db)));
        QVERIFY2(calls(db).isEmpty(), qPrintable(calls(db)));
    }
};

QTEST_GUILESS_MAIN(TestMigrationShadowPath)
#include "tst_migrationshadowpath.moc"
