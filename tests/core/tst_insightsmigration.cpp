// uaip-migrate insights migrate against the real sandbox, each case in a fresh database whose
// events table a migration folder makes:
// - a proposed index becomes a no-transaction migration, proved on a scratch database of the
//   sandbox, that `up` applies (the index built, the advice gone) and `down` undoes; where an
//   index of its name was made by hand meanwhile, `up` fails and leaves that index alone;
// - a covered index the migrations made becomes its DROP INDEX CONCURRENTLY, whose down builds
//   the same definition again; one only the live database has is drift and refused, and so is
//   one whose covering index only the live database has; an unused one waits until its scans
//   have been counted for 7 days; a name with a quote, ';' and a line break stays one statement;
// - nothing is written with --dry-run, nor when the database is behind its folder, nor for a
//   name nothing has, nor when another folder appeared meanwhile; the ledger's own indexes are
//   never findings; a scratch database a killed run left is dropped by the next proof.
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include "db/sandbox.h"
#include "ledger/migrationscaffold.h"
#include "ledger/migrationsource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kEventsUp
    = "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, kind text, "
      "created_at timestamptz NOT NULL, payload text);\n"
      "CREATE INDEX events_kind_unused ON events (kind);\n";
// An index the hot statement uses, and one it covers, with a hostile name.
const QByteArray kCoveredUp = kEventsUp
    + "CREATE INDEX events_agent_created ON events (agent_id, created_at);\n"
      "CREATE INDEX \"we\"\"ird;\nidx\" ON events (agent_id);\n";

QStringList folders(const QString &dir)
{
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestInsightsMigration : public QObject
{
    Q_OBJECT

    // The database at 0001 (the events table of 40,000 rows, two unused indexes) with the hot
    // statement run 30 times.
    void prepare(TestDatabase &db, MigrationFolder &f, const QByteArray &events = kEventsUp)
    {
        f.add(QStringLiteral("0001_events"), events, "DROP TABLE events;\n");
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;")
                    .ok());
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QVERIFY(db.witness()
                    .execScript("INSERT INTO events (agent_id, kind, created_at, payload) SELECT "
                                "g % 400, 'k' || (g % 7), timestamptz '2026-01-01' + g * "
                                "interval '1 s', 'x' FROM generate_series(1, 40000) g; "
                                "ANALYZE events;")
                    .ok());
        runHot(db.conninfo(), 30);
    }

    QStringList withSandbox(const TestDatabase &db, const MigrationFolder &f)
    {
        return on(db, f.path()) << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                                << QStringLiteral("--json") << QStringLiteral("insights")
                                << QStringLiteral("migrate");
    }

private slots:
    void aProposedIndexBecomesAProvedMigration()
    {
        TestDatabase db;
        MigrationFolder f;
        prepare(db, f);
        const Run advice = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        const QJsonArray proposed = advice.json().value(QStringLiteral("advice")).toArray();
        QVERIFY2(proposed.size() == 1, qPrintable(advice.out + advice.err));
        const QString name = proposed.at(0)[QStringLiteral("index")].toString();
        QCOMPARE(name, QStringLiteral("events_agent_id_created_at_idx"));

        const Run made = migrate(withSandbox(db, f) << name);
        QVERIFY2(made.exitCode == 0, qPrintable(made.out + made.err));
        const QJsonObject doc = made.json();
        QCOMPARE(doc.value(QStringLiteral("action")).toString(), QStringLiteral("create"));
        QCOMPARE(folders(f.path()),
                 (QStringList{QStringLiteral("0001_events"),
                              QStringLiteral("0002_add_events_agent_id_created_at_idx")}));
        const QString folder
            = f.path() + QStringLiteral("/0002_add_events_agent_id_created_at_idx");
        // made as any folder is: the umask decides who may read it (not a private temporary's)
        QVERIFY(QDir().mkpath(f.path() + QStringLiteral("/.probe")));
        QCOMPARE(QFileInfo(folder).permissions(),
                 QFileInfo(f.path() + QStringLiteral("/.probe")).permissions());
        const QByteArray up = read(folder + QStringLiteral("/up.sql"));
        QVERIFY2(up.startsWith("-- uaip:no-transaction\n"), up.constData());
        QVERIFY2(up.contains("\nCREATE INDEX CONCURRENTLY events_agent_id_created_at_idx ON "
                             "public.events (agent_id, created_at);\n"),
                 up.constData());
        QVERIFY(up.contains("-- cost ") && up.contains("SELECT id, kind FROM events"));
        QVERIFY(read(folder + QStringLiteral("/down.sql"))
                    .contains("\nDROP INDEX CONCURRENTLY IF EXISTS "
                              "public.events_agent_id_created_at_idx;\n"));
        QVERIFY(doc.value(QStringLiteral("proof")).toString().contains(QLatin1String("0001")));
        // nothing was written to the live database
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = "
                           "'events_agent_id_created_at_idx'"),
                 QStringLiteral("0"));

        const Run apply = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.out + apply.err));
        QCOMPARE(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                           "'public.events_agent_id_created_at_idx'::regclass"),
                 QStringLiteral("t"));
        const Run again = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY(again.json().value(QStringLiteral("advice")).toArray().isEmpty());
        const Run back = migrate(on(db, f.path()) << QStringLiteral("down"));
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        QCOMPARE(db.scalar("SELECT to_regclass('public.events_agent_id_created_at_idx') IS NULL"),
                 QStringLiteral("t"));

        // an index of that name made by hand before up (another definition): up fails saying so,
        // rather than pass over it as applied (its down.sql would then drop the hand-made one)
        QVERIFY(
            db.witness().exec("CREATE INDEX events_agent_id_created_at_idx ON events (kind)").ok());
        const Run taken
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QVERIFY2(taken.exitCode != 0, qPrintable(taken.out + taken.err));
        const QJsonObject failure = taken.json().value(QStringLiteral("failure")).toObject();
        QCOMPARE(failure.value(QStringLiteral("sqlstate")).toString(),
                 QStringLiteral("42P07")); // duplicate_table: the name is taken
        QVERIFY2(failure.value(QStringLiteral("file")).toString().contains(QLatin1String("0002_")),
                 qPrintable(taken.out + taken.err));
        QVERIFY(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations WHERE version = "
                          "'0002'")
                != QLatin1String("applied"));
        QCOMPARE(db.scalar("SELECT pg_get_indexdef('public.events_agent_id_created_at_idx'::"
                           "regclass)"),
                 QStringLiteral("CREATE INDEX events_agent_id_created_at_idx ON public.events "
                                "USING btree (kind)"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indrelid = "
                           "'public.events'::regclass"),
                 QStringLiteral("0"));
    }

    void aCoveredIndexBecomesItsDrop()
    {
        TestDatabase db;
        MigrationFolder f;
        prepare(db, f, kCoveredUp);
        const QString hostile = QStringLiteral("public.we\"ird;\nidx");
        const QString definition = db.scalar("SELECT pg_get_indexdef(c.oid) FROM pg_class c "
                                             "WHERE relname = $1",
                                             {QStringLiteral("we\"ird;\nidx")});
        const Run dry = migrate(withSandbox(db, f) << hostile << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.out + dry.err));
        QCOMPARE(folders(f.path()).size(), 1);
        QCOMPARE(dry.json().value(QStringLiteral("action")).toString(), QStringLiteral("drop"));

        const Run made = migrate(withSandbox(db, f) << hostile);
        QVERIFY2(made.exitCode == 0, qPrintable(made.out + made.err));
        QCOMPARE(folders(f.path()).value(1), QStringLiteral("0002_drop_we_ird_idx"));
        const QByteArray up = read(f.path() + QStringLiteral("/0002_drop_we_ird_idx/up.sql"));
        QVERIFY2(up.contains("\nDROP INDEX CONCURRENTLY IF EXISTS public.\"we\"\"ird;\nidx\";\n"),
                 up.constData());
        QVERIFY(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode == 0);
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname = $1",
                           {QStringLiteral("we\"ird;\nidx")}),
                 QStringLiteral("0"));
        QVERIFY(migrate(on(db, f.path()) << QStringLiteral("down")).exitCode == 0);
        QCOMPARE(db.scalar("SELECT pg_get_indexdef(c.oid) FROM pg_class c WHERE relname = $1",
                           {QStringLiteral("we\"ird;\nidx")}),
                 definition);
        // unused since the server started minutes ago: not dropped yet
        const Run unused = migrate(withSandbox(db, f) << QStringLiteral("events_kind_unused"));
        QCOMPARE(unused.exitCode, 3);
        QVERIFY2((unused.out + unused.err).contains(QLatin1String("counted only since")),
                 qPrintable(unused.out + unused.err));
        QCOMPARE(folders(f.path()).size(), 2);
    }

    void driftIsRefused()
    {
        TestDatabase db;
        MigrationFolder f;
        // the migrations make events_agent; the index covering it is made by hand
        prepare(db, f, kEventsUp + "CREATE INDEX events_agent ON events (agent_id);\n");
        QVERIFY(db.witness()
                    .execScript("CREATE INDEX events_agent_created_hand ON events (agent_id, "
                                "created_at);")
                    .ok());
        runHot(db.conninfo(), 10);
        const Run kept = migrate(withSandbox(db, f) << QStringLiteral("events_agent"));
        QCOMPARE(kept.exitCode, 3);
        QVERIFY2((kept.out + kept.err)
                     .contains(QLatin1String("do not make public.events_agent_created_hand")),
                 qPrintable(kept.out + kept.err));
        // an index only the live database has
        QVERIFY(
            db.witness().execScript("CREATE INDEX events_agent_hand ON events (agent_id);").ok());
        const Run drift = migrate(withSandbox(db, f) << QStringLiteral("events_agent_hand"));
        QCOMPARE(drift.exitCode, 3);
        QVERIFY2((drift.out + drift.err)
                     .contains(QLatin1String("do not make the index public.events_agent_hand: "
                                             "it is drift")),
                 qPrintable(drift.out + drift.err));
        QCOMPARE(folders(f.path()).size(), 1);
    }

    void nothingIsWrittenWhenItCannotHold()
    {
        TestDatabase db;
        MigrationFolder f;
        prepare(db, f);
        // the ledger's indexes are the console's, never the DBA's findings
        const Run health = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        for (const QJsonValue &v : health.json().value(QStringLiteral("findings")).toArray())
            QVERIFY2(v[QStringLiteral("schema")].toString() != QLatin1String("uaip_ledger"),
                     qPrintable(health.out));
        QCOMPARE(migrate(withSandbox(db, f) << QStringLiteral("uaip_migration_events_version_idx"))
                     .exitCode,
                 2);
        const Run none = migrate(withSandbox(db, f) << QStringLiteral("no_such_index"));
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(
            (none.out + none.err).contains(QLatin1String("no finding and no proposed index names")),
            qPrintable(none.out + none.err));
        // a folder the database has not applied yet
        f.add(QStringLiteral("0002_later"), "SELECT 1;\n", "SELECT 1;\n");
        const Run behind
            = migrate(withSandbox(db, f) << QStringLiteral("events_agent_id_created_at_idx"));
        QCOMPARE(behind.exitCode, 3);
        QVERIFY2((behind.out + behind.err).contains(QLatin1String("0002_later is not applied yet")),
                 qPrintable(behind.out + behind.err));
        QCOMPARE(folders(f.path()).size(), 2);
        // without --dir the bundled migrations are read-only
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("migrate"),
                          QStringLiteral("events_kind_unused")})
                     .exitCode,
                 2);
    }

    // A migration versioned in the future (applied): the next version in the folder's style
    // would not come last, and that is said before any proof (it failed as "need attention").
    void aVersionInTheFutureIsSaidFirst()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("20991231000000_events"), kEventsUp, "DROP TABLE events;\n");
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;")
                    .ok());
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QVERIFY(db.witness()
                    .execScript("INSERT INTO events (agent_id, kind, created_at, payload) SELECT "
                                "g % 400, 'k', timestamptz '2026-01-01' + g * interval '1 s', 'x' "
                                "FROM generate_series(1, 40000) g; ANALYZE events;")
                    .ok());
        runHot(db.conninfo(), 30);
        const Run r
            = migrate(withSandbox(db, f) << QStringLiteral("events_agent_id_created_at_idx"));
        QVERIFY2(r.exitCode != 0
                     && (r.out + r.err).contains(QLatin1String("does not come after the last one")),
                 qPrintable(r.out + r.err));
        QCOMPARE(folders(f.path()).size(), 1);
    }

    void leftoversAndRacesAreHandled()
    {
        // a scratch database a killed run left (made at second 1) is dropped by the next proof
        Sandbox &sandbox = TestCluster::sandbox();
        const QString left = QStringLiteral("uaip_index_00000001_deadbeef");
        const Status made = sandbox.createDatabase(left);
        QVERIFY2(made, qPrintable(made.error().toString()));
        TestDatabase db;
        MigrationFolder f;
        prepare(db, f);
        const Run dry
            = migrate(withSandbox(db, f) << QStringLiteral("events_agent_id_created_at_idx")
                                         << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.out + dry.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_database WHERE datname = $1", {left}),
                 QStringLiteral("0"));

        // a folder that appeared after the migrations were read: nothing is written
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        f.add(QStringLiteral("0002_meanwhile"), "SELECT 1;\n", "SELECT 1;\n");
        const Result<QString> written = MigrationScaffold::create(
            f.path(), source.migrations(), QStringLiteral("mine"), QDateTime::currentDateTimeUtc(),
            "SELECT 1;\n", "SELECT 1;\n");
        QVERIFY(!written);
        QCOMPARE(written.error().code(), ErrorCode::Conflict);
        QCOMPARE(written.error().arg(QStringLiteral("names")).toStringList(),
                 QStringList{QStringLiteral("0002_meanwhile")});
        QCOMPARE(folders(f.path()),
                 (QStringList{QStringLiteral("0001_events"), QStringLiteral("0002_meanwhile")}));
        // nor a hidden staging folder
        QCOMPARE(QDir(f.path()).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot).size(),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestInsightsMigration)
#include "tst_insightsmigration.moc"
