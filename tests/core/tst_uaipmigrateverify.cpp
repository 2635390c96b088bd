// uaip-migrate checking migrations: validate and lint, verify's round trips and drift (also as
// a unified diff), and broken scripts listed as failed round trips. It runs in the test's
// process (InProcessCli): what it prints and its exit code are what is checked.
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

class TestUaipMigrateVerify : public QObject
{
    Q_OBJECT

private slots:
    void validateAndLintFindProblems()
    {
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_drop"),
              "ALTER TABLE posts DROP COLUMN user_id;\nDROP TABLE users;\n", "SELECT 1;");
        f.add(QStringLiteral("0004_typo"), "SELECT 1;\n\nCREATE TABEL x (id int);\n", "SELECT 1;");
        const Run validate
            = migrateInProcess({QStringLiteral("--dir"), f.path(), QStringLiteral("validate"),
                                QStringLiteral("--offline")});
        QCOMPARE(validate.exitCode, 3);
        QVERIFY2(validate.out.contains(QStringLiteral("0004_typo/up.sql:3:8")),
                 qPrintable(validate.out));
        const Run lint = migrateInProcess({QStringLiteral("--dir"), f.path(),
                                           QStringLiteral("--json"), QStringLiteral("lint"),
                                           QStringLiteral("--fail-on"), QStringLiteral("danger")});
        QCOMPARE(lint.exitCode, 3);
        QStringList kinds;
        for (const auto &v : lint.json().value(QStringLiteral("findings")).toArray())
            kinds << v[QStringLiteral("kind")].toString();
        QVERIFY2(kinds.contains(QStringLiteral("drop_column")), qPrintable(kinds.join(u',')));
        QVERIFY(kinds.contains(QStringLiteral("drop_table")));
    }

    // Issue 19, point 11: lint names what the plan check would refuse, as the dry run does.
    void lintNamesStatementsThatCannotRunInATransaction()
    {
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), "CREATE TABLE t (a int);\nVACUUM t;\n", "DROP TABLE t;\n");
        const Run lint
            = migrateInProcess({QStringLiteral("--dir"), f.path(), QStringLiteral("lint"),
                                QStringLiteral("--fail-on"), QStringLiteral("danger")});
        QCOMPARE(lint.exitCode, 3);
        QVERIFY2(lint.out.contains(QStringLiteral("0001_t/up.sql:2:1: danger [refused] VACUUM")),
                 qPrintable(lint.out));
    }

    void verifyFindsBadDownAndDrift()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_index"), "CREATE INDEX posts_user_idx ON posts (user_id);\n",
              "SELECT 1; -- forgot to drop the index\n");
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--to")
                                                   << QStringLiteral("2"))
                     .exitCode,
                 0);
        QVERIFY(db.witness().exec("ALTER TABLE users ADD COLUMN added_by_hand text").ok());
        const Run r = migrateInProcess(
            on(db, f.path()) << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                             << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 3);
        const QJsonObject doc = r.json();
        const QJsonArray trips = doc.value(QStringLiteral("round_trips")).toArray();
        QCOMPARE(trips.size(), 3);
        QVERIFY(trips[0][QStringLiteral("ok")].toBool());
        QVERIFY(!trips[2][QStringLiteral("ok")].toBool());
        QVERIFY(trips[2][QStringLiteral("differences")][0].toString().contains(
            QStringLiteral("posts_user_idx")));
        QCOMPARE(doc.value(QStringLiteral("target_level")).toString(), QStringLiteral("0002"));
        const QJsonArray drift = doc.value(QStringLiteral("drift")).toArray();
        QCOMPARE(drift.size(), 1);
        QVERIFY(drift[0].toString().contains(QStringLiteral("users.added_by_hand")));
    }

    // Issue 19, point 9: the newest applied version without a folder (renamed or deleted) no
    // longer skips the drift check: the drift at the level below is shown, and the missing
    // migration is named (exit 3).
    void verifyChecksDriftWhenTheNewestAppliedFolderIsGone()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        MigrationFolder g;
        g.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
              "DROP TABLE users;\n");
        QVERIFY(db.witness().exec("ALTER TABLE users ADD COLUMN added_by_hand text").ok());
        const Run r = migrateInProcess(
            on(db, g.path()) << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                             << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 3);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("target_level")).toString(), QStringLiteral("0001"));
        const QJsonArray problems = doc.value(QStringLiteral("target_problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].toString().contains(QStringLiteral("0002_posts")));
        const QString drift = QJsonDocument(doc.value(QStringLiteral("drift")).toArray()).toJson();
        QVERIFY2(drift.contains(QStringLiteral("users.added_by_hand")), qPrintable(drift));
    }

    // Issue 19, point 10: kinds of drift verify used to miss are in its text and --json.
    void verifyReportsEveryKindOfDrift()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QVERIFY(db.witness()
                    .execScript("ALTER TABLE users ENABLE ROW LEVEL SECURITY;\n"
                                "CREATE POLICY mine ON users USING (id > 0);\n"
                                "ALTER TABLE posts ALTER COLUMN user_id SET STATISTICS 200;\n"
                                "GRANT SELECT ON posts TO PUBLIC;\n")
                    .ok());
        const QStringList args = on(db, f.path())
            << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir();
        const Run text = migrateInProcess(args + QStringList{QStringLiteral("verify")});
        QCOMPARE(text.exitCode, 3);
        for (const QString &line :
             {QStringLiteral("(at version 0002) from the migrations: 4 difference(s)"),
              QStringLiteral("    ~ column public.posts.user_id: 1 line(s) removed, 1 added"),
              QStringLiteral("      +#2 integer STATISTICS 200"),
              QStringLiteral("    + grants on table public.posts"),
              QStringLiteral("      +PUBLIC: SELECT"),
              QStringLiteral("    + policy public.users.mine"),
              QStringLiteral("    ~ table public.users: 0 line(s) removed, 1 added"),
              QStringLiteral("      +ROW LEVEL SECURITY")})
            QVERIFY2(text.out.contains(line),
                     qPrintable(line + QStringLiteral(" in:\n") + text.out));
        const Run json = migrateInProcess(
            args + QStringList{QStringLiteral("--json"), QStringLiteral("verify")});
        QCOMPARE(json.exitCode, 3);
        QStringList objects;
        for (const auto &d : json.json().value(QStringLiteral("drift_details")).toArray())
            objects << d[QStringLiteral("object")].toString();
        objects.sort();
        QCOMPARE(objects,
                 QStringList({QStringLiteral("column public.posts.user_id"),
                              QStringLiteral("grants on table public.posts"),
                              QStringLiteral("policy public.users.mine"),
                              QStringLiteral("table public.users")}));
    }

    // Issue 32, point 9: the kinds verify reported no drift for, each in --json's drift.
    void verifyReportsStorageReplicationAndCatalogObjects()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"),
              "CREATE TABLE users (id int PRIMARY KEY, email text, created date) PARTITION BY "
              "RANGE (id);\n"
              "CREATE TABLE users_1 PARTITION OF users FOR VALUES FROM (0) TO (1000);\n"
              "CREATE TABLE notes (id int, body text);\n",
              "DROP TABLE notes;\nDROP TABLE users;\n");
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QVERIFY(
            db.witness()
                .execScript("ALTER TABLE users DETACH PARTITION users_1;\n"
                            "ALTER TABLE users ATTACH PARTITION users_1 FOR VALUES FROM (0) TO "
                            "(500);\n"
                            "ALTER TABLE notes ALTER COLUMN body TYPE text COLLATE \"C\";\n"
                            "ALTER TABLE notes SET (fillfactor = 70);\n"
                            "ALTER TABLE notes REPLICA IDENTITY FULL;\n"
                            "CREATE STATISTICS notes_st ON id, body FROM notes;\n"
                            "CREATE PUBLICATION uaip_verify_pub FOR TABLE notes;\n"
                            "CREATE FUNCTION etf() RETURNS event_trigger LANGUAGE plpgsql AS $$ "
                            "BEGIN END $$;\n"
                            "CREATE EVENT TRIGGER uaip_verify_et ON sql_drop EXECUTE FUNCTION "
                            "etf();\n"
                            "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', "
                            "deterministic = false);\n"
                            "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = "
                            "int4eq);\n")
                .ok());
        // JIT off for the target's sessions: with the publication, the drift snapshot's plan is
        // estimated at ~3 million (pg_publication, never analyzed, guessed at 77 rows), and the
        // server would spend ~5 s compiling it; what the snapshot returns is the same
        QVERIFY(db.witness()
                    .exec("ALTER DATABASE " + db.witness().quoteIdentifier(db.name())
                          + " SET jit = off")
                    .ok());
        const Run json = migrateInProcess(
            on(db, f.path()) << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                             << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(json.exitCode, 3);
        QStringList objects;
        for (const auto &d : json.json().value(QStringLiteral("drift_details")).toArray())
            objects << d[QStringLiteral("object")].toString();
        objects.sort();
        QCOMPARE(objects,
                 QStringList({QStringLiteral("collation public.ci"),
                              QStringLiteral("column public.notes.body"),
                              QStringLiteral("event trigger uaip_verify_et"),
                              QStringLiteral("function public.etf()"),
                              QStringLiteral("operator public.===(integer, integer)"),
                              QStringLiteral("publication uaip_verify_pub"),
                              QStringLiteral("replica identity public.notes"),
                              QStringLiteral("statistics public.notes_st"),
                              QStringLiteral("storage parameters table public.notes"),
                              QStringLiteral("table public.users_1")}));
    }

    // Issue 19, point 10: a down.sql that fails or does not restore (so up.sql fails when run
    // again) does not stop the later round trips; each failure is listed. A failing up.sql
    // still stops: what comes after it depends on it.
    void verifyRunsEveryRoundTrip()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
              "SELECT 1; -- forgot to drop users\n");
        f.add(QStringLiteral("0002_posts"),
              "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n",
              "DROP TABLE posts;\n");
        f.add(QStringLiteral("0003_tags"), "CREATE TABLE tags (id int);\n",
              "DROP TABLE no_such_table;\n");
        f.add(QStringLiteral("0004_notes"), "CREATE TABLE notes (id int);\n",
              "DROP TABLE notes;\n");
        f.add(QStringLiteral("0005_bad"), "ALTER TABLE no_such_table ADD COLUMN x int;\n",
              "SELECT 1;\n");
        f.add(QStringLiteral("0006_never"), "CREATE TABLE never (id int);\n",
              "DROP TABLE never;\n");
        const Run r = migrateInProcess(
            on(db, f.path()) << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                             << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 3);
        const QJsonArray trips = r.json().value(QStringLiteral("round_trips")).toArray();
        QStringList seen;
        for (const auto &t : trips)
            seen << t[QStringLiteral("migration")].toString() + u'='
                    + (t[QStringLiteral("ok")].toBool() ? u'1' : u'0');
        QCOMPARE(seen,
                 QStringList({QStringLiteral("0001_users=0"), QStringLiteral("0002_posts=1"),
                              QStringLiteral("0003_tags=0"), QStringLiteral("0004_notes=1"),
                              QStringLiteral("0005_bad=0")}));
        // up.sql again after a down.sql that dropped nothing: duplicate_table, as the error
        // shows it (a round trip's error is its words only: no sqlstate field of its own)
        QVERIFY2(trips[0][QStringLiteral("error")].toString().contains(QStringLiteral("42P07")),
                 qPrintable(trips[0][QStringLiteral("error")].toString()));
        QVERIFY(
            trips[2][QStringLiteral("error")].toString().contains(QStringLiteral("no_such_table")));
    }

    // Issue 36, point 12: scripts with syntax errors are failed round trips, each named with
    // file:line:col, not a reason to stop before anything ran. A broken down.sql is not run
    // and the round trips go on; a broken up.sql ends them, and later broken scripts are
    // still listed.
    void verifyListsBrokenScriptsAsFailedRoundTrips()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_index"), "CREATE INDEX posts_user_idx ON posts (user_id);\n",
              "DROP INDEXX posts_user_idx;\n");
        f.add(QStringLiteral("0004_tags"), "CREATE TABLE tags (id int);\n", "DROP TABLE tags;\n");
        f.add(QStringLiteral("0005_more"), "CREATE TABLEX more (id int);\n", "DROP TABLE more;\n");
        f.add(QStringLiteral("0006_never"), "CREATE TABLE never (id int);\n",
              "DROP TABLE never;\n");
        f.add(QStringLiteral("0007_last"), "CREATE TABLE last (id int);\n", "DROP TABLE last,;\n");
        const QStringList args = on(db, f.path())
            << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir();
        const Run r = migrateInProcess(QStringList(args)
                                       << QStringLiteral("--json") << QStringLiteral("verify"));
        QCOMPARE(r.exitCode, 3);
        const QJsonArray trips = r.json().value(QStringLiteral("round_trips")).toArray();
        QStringList seen;
        for (const auto &t : trips)
            seen << t[QStringLiteral("migration")].toString() + u'='
                    + (t[QStringLiteral("ok")].toBool() ? u'1' : u'0');
        QCOMPARE(seen,
                 QStringList({QStringLiteral("0001_users=1"), QStringLiteral("0002_posts=1"),
                              QStringLiteral("0003_index=0"), QStringLiteral("0004_tags=1"),
                              QStringLiteral("0005_more=0"), QStringLiteral("0007_last=0")}));
        const auto error = [&](int i) { return trips[i][QStringLiteral("error")].toString(); };
        QVERIFY2(error(2).contains(QStringLiteral("0003_index/down.sql:1:6:")),
                 qPrintable(error(2)));
        QVERIFY2(error(4).contains(QStringLiteral("0005_more/up.sql:1:8:")), qPrintable(error(4)));
        QVERIFY2(error(5).contains(QStringLiteral("0007_last/down.sql:1:17:")),
                 qPrintable(error(5)));
        // The text output names each one too.
        const Run text = migrateInProcess(QStringList(args) << QStringLiteral("verify"));
        QCOMPARE(text.exitCode, 3); // it ran (2: it could not)
        for (const QString &line :
             {QStringLiteral("0003_index/down.sql:1:6:"), QStringLiteral("0005_more/up.sql:1:8:"),
              QStringLiteral("0007_last/down.sql:1:17:")})
            QVERIFY2(text.out.contains(line), qPrintable(text.out + text.err));
    }

    void verifyPrintsDriftAsUnifiedDiff()
    {
        // A view re-created on the target with another date literal (tests/core/data/driftcli):
        // verify prints the hunk, not both whole definitions, and says only a literal differs.
        TestDatabase db;
        const QString data = TestCluster::sourceDir() + QStringLiteral("/tests/core/data/driftcli");
        const QString dir = data + QStringLiteral("/migrations");
        QCOMPARE(migrateInProcess(on(db, dir) << QStringLiteral("up")).exitCode, 0);
        QFile drift(data + QStringLiteral("/drift.sql"));
        QVERIFY(drift.open(QIODevice::ReadOnly));
        QVERIFY(db.witness().execScript(drift.readAll()).ok());
        const QStringList args = on(db, dir)
            << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir();
        const Run text = migrateInProcess(args + QStringList{QStringLiteral("verify")});
        QCOMPARE(text.exitCode, 3);
        // the view as the server writes it: from 16 on a view of one table has no prefixes
        const QString p
            = db.witness().serverVersion() >= 160000 ? QString() : QStringLiteral("posts.");
        const QString expected
            = QStringLiteral("(at version 0001) from the migrations: 1 difference(s)\n"
                             "    ~ view public.recent_posts: only literal values differ: "
                             "'2024-01-31' -> '2026-11-22'\n"
                             "      @@ -4,4 +4,4 @@\n"
                             "           %1body,\n"
                             "           %1published_on\n"
                             "          FROM posts\n"
                             "      -  WHERE %1published_on > '2024-01-31'::date;\n"
                             "      +  WHERE %1published_on > '2026-11-22'::date;\n")
                  .arg(p);
        QVERIFY2(text.out.endsWith(expected), qPrintable(text.out));

        const Run json = migrateInProcess(
            args + QStringList{QStringLiteral("--json"), QStringLiteral("verify")});
        QCOMPARE(json.exitCode, 3);
        const QJsonArray details = json.json().value(QStringLiteral("drift_details")).toArray();
        QCOMPARE(details.size(), 1);
        const QJsonObject d = details[0].toObject();
        QCOMPARE(d[QStringLiteral("kind")].toString(), QStringLiteral("changed"));
        QCOMPARE(d[QStringLiteral("object")].toString(),
                 QStringLiteral("view public.recent_posts"));
        QVERIFY(d[QStringLiteral("literal_only")].toBool());
        QCOMPARE(
            d[QStringLiteral("literal_changes")].toArray(),
            QJsonArray({QJsonObject{{QStringLiteral("before"), QStringLiteral("'2024-01-31'")},
                                    {QStringLiteral("after"), QStringLiteral("'2026-11-22'")}}}));
        const QJsonArray hunks = d[QStringLiteral("hunks")].toArray();
        QCOMPARE(hunks.size(), 1);
        const QJsonObject h = hunks[0].toObject();
        QCOMPARE(h[QStringLiteral("header")].toString(), QStringLiteral("@@ -4,4 +4,4 @@"));
        QCOMPARE(h[QStringLiteral("old_start")].toInt(), 4);
        QCOMPARE(h[QStringLiteral("new_count")].toInt(), 4);
        QCOMPARE(h[QStringLiteral("lines")].toArray().last().toString(),
                 QStringLiteral("+  WHERE %1published_on > '2026-11-22'::date;").arg(p));
        QVERIFY(d[QStringLiteral("unified")].toString().startsWith(
            QStringLiteral("@@ -4,4 +4,4 @@\n     %1body,\n").arg(p)));
    }

    // Issue 23, point 4: diff writes the drift as the next folder; once it is recorded on the
    // live database (baseline), verify finds every round trip fine and no drift (exit 0).
    void diffWritesTheDriftAndVerifyPassesAfterBaseline()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QVERIFY(db.witness()
                    .execScript("ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT '';"
                                "CREATE INDEX posts_user_idx ON posts (user_id);")
                    .ok());
        const QStringList base = on(db, f.path())
            << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir();
        const auto with = [&base](const QStringList &more) { return base + more; };

        // --dry-run prints the pair and writes nothing
        const Run dry
            = migrateInProcess(with({QStringLiteral("diff"), QStringLiteral("--name"),
                                     QStringLiteral("hand"), QStringLiteral("--dry-run")}));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("--- 0003_hand/up.sql")), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("ALTER TABLE public.users ADD COLUMN email text "
                                                "DEFAULT ''::text NOT NULL;")));
        QVERIFY(!QFile::exists(f.path() + QStringLiteral("/0003_hand")));

        const Run bad
            = migrateInProcess(with({QStringLiteral("--json"), QStringLiteral("diff"),
                                     QStringLiteral("--name"), QStringLiteral("Bad Name")}));
        QCOMPARE(bad.exitCode, 3);
        QCOMPARE(bad.json().value(QStringLiteral("code")).toString(), QStringLiteral("bad-input"));
        QCOMPARE(bad.json()
                     .value(QStringLiteral("args"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Bad Name"));

        const Run r = migrateInProcess(with({QStringLiteral("--json"), QStringLiteral("diff"),
                                             QStringLiteral("--name"), QStringLiteral("hand")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("migration")).toString(), QStringLiteral("0003_hand"));
        QCOMPARE(doc.value(QStringLiteral("held_back")).toInt(), 0);
        QVERIFY(doc.value(QStringLiteral("down_sql"))
                    .toString()
                    .contains(QStringLiteral("DROP INDEX public.posts_user_idx;")));
        QVERIFY(QFile::exists(f.path() + QStringLiteral("/0003_hand/down.sql")));

        QCOMPARE(
            migrateInProcess(with({QStringLiteral("baseline"), QStringLiteral("0003")})).exitCode,
            0);
        const Run verify = migrateInProcess(with({QStringLiteral("verify")}));
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));

        // Nothing left to generate
        const Run again = migrateInProcess(
            with({QStringLiteral("diff"), QStringLiteral("--name"), QStringLiteral("again")}));
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("no drift")), qPrintable(again.out));
        QVERIFY(!QFile::exists(f.path() + QStringLiteral("/0004_again")));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateVerify)
#include "tst_uaipmigrateverify.moc"
