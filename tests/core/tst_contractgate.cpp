// Online schema changes (issue 59, point 1), the engine's side: the contract of an expand/contract
// pair (-- uaip:expand, -- uaip:contract-of V) is refused while the workload still names what it
// removes. The expand applied, `up` keeps the workload's counters as its baseline; a statement
// naming the old column, run since from another connection, refuses the contract (exit 2, the
// statement with its calls, the file and the old name; the dry run says the same); --force-contract
// REASON runs it with the reason in its ledger event; a statement that ran only before the expand
// refuses nothing; expand and contract in one plan are refused; without pg_stat_statements it says
// it could not check, and runs; the directives' and the pairs' errors name file and line; status
// shows the expand awaiting its contract. uaip-migrate runs in the test's process (InProcessCli).
#include "live/contractoldnames.h"
#include "live/oldnameuse.h"
#include "migrationrunnertestutil.h"
#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitter.h"
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kOldColumnQuery = "SELECT old_name FROM accounts WHERE id = $1";

// 0001 the table, 0002 the expand (a new column), 0003 the contract (the old column dropped).
void addPair(MigrationFolder &f)
{
    f.add(QStringLiteral("0001_accounts"),
          "CREATE TABLE accounts (id int PRIMARY KEY, old_name text);\n"
          "INSERT INTO accounts SELECT g, 'n' || g FROM generate_series(1, 10) g;\n",
          "DROP TABLE accounts;\n");
    f.add(QStringLiteral("0002_expand"),
          "-- uaip:expand\nALTER TABLE accounts ADD COLUMN new_name text;\n",
          "ALTER TABLE accounts DROP COLUMN new_name;\n");
    f.add(QStringLiteral("0003_contract"),
          "-- uaip:contract-of 0002\nALTER TABLE accounts DROP COLUMN old_name;\n",
          "ALTER TABLE accounts ADD COLUMN old_name text;\n");
}

// The statement naming the old column run n times from a connection of its own, as the
// application runs it (bound values).
void runOld(const TestDatabase &db, int n)
{
    PgConnection app;
    QVERIFY(app.open(db.conninfo(), QStringLiteral("contract-test-app")));
    for (int i = 0; i < n; ++i)
        QVERIFY(app.exec(kOldColumnQuery, {i % 10 + 1}).ok());
}

Run upTo(const TestDatabase &db, const MigrationFolder &f, const QString &version)
{
    return migrateInProcess(on(db, f.path())
                            << QStringLiteral("up") << QStringLiteral("--to") << version);
}

QString forcedReason(TestDatabase &db)
{
    const QString detail = db.scalar("SELECT detail FROM uaip_ledger.uaip_migration_events "
                                     "WHERE version = '0003' AND outcome = 'ok'");
    return QJsonDocument::fromJson(detail.toUtf8())
        .object()
        .value(QStringLiteral("force_contract"))
        .toObject()
        .value(QStringLiteral("reason"))
        .toString();
}

// The migration of version in a status --json's migrations.
QJsonObject migrationOf(const Run &status, const QString &version)
{
    for (const QJsonValue &v : status.json().value(QStringLiteral("migrations")).toArray())
        if (v.toObject().value(QStringLiteral("version")).toString() == version)
            return v.toObject();
    return {};
}

} // namespace

class TestContractGate : public QObject
{
    Q_OBJECT

private slots:
    void contractIsRefusedWhileTheOldColumnIsUsed()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addPair(f);
        const Run expand = upTo(db, f, QStringLiteral("2"));
        QVERIFY2(expand.exitCode == 0, qPrintable(expand.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_online_baselines "
                           "WHERE version = '2'"),
                 QStringLiteral("1"));
        runOld(db, 3);
        for (const QString &mode : {QStringLiteral("--dry-run"), QString()}) {
            QStringList args = on(db, f.path()) << QStringLiteral("up");
            if (!mode.isEmpty())
                args << mode;
            const Run r = migrateInProcess(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("0003_contract/up.sql:1:1")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("accounts.old_name")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("3 call(s) naming accounts.old_name: ")
                                    + QString::fromUtf8(kOldColumnQuery)),
                     qPrintable(r.err));
        }
        QCOMPARE(ledgerCount(db), 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'accounts' AND column_name = 'old_name'"),
                 QStringLiteral("1"));
        // a reason is required
        QCOMPARE(migrateInProcess(on(db, f.path())
                                  << QStringLiteral("up") << QStringLiteral("--force-contract")
                                  << QStringLiteral(" "))
                     .exitCode,
                 2);
        const Run forced = migrateInProcess(
            on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--force-contract")
                             << QStringLiteral("the report is retired\nfake: line"));
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(forcedReason(db), QStringLiteral("the report is retired\nfake: line"));
        // the reason said on one line: a line break in it starts no line of its own
        QVERIFY2((forced.out + forced.err)
                     .contains(QStringLiteral("--force-contract (the report is retired\\nfake: "
                                              "line): runs although")),
                 qPrintable(forced.out + forced.err));
    }

    void aStatementRunOnlyBeforeTheExpandRefusesNothing()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addPair(f);
        QCOMPARE(upTo(db, f, QStringLiteral("1")).exitCode, 0);
        runOld(db, 4);
        QCOMPARE(upTo(db, f, QStringLiteral("2")).exitCode, 0);
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(ledgerCount(db), 3);
        QVERIFY2(forcedReason(db).isEmpty(), qPrintable(forcedReason(db)));
    }

    // This database's counters reset since the expand (pg_stat_statements_reset for its dbid:
    // pg_stat_statements_info does not see that): a statement counted fewer times than in the
    // baseline was counted again from 0, and those calls count.
    void callsAfterAResetOfTheDatabasesCountersCount()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addPair(f);
        QCOMPARE(upTo(db, f, QStringLiteral("1")).exitCode, 0);
        runOld(db, 5);
        QCOMPARE(upTo(db, f, QStringLiteral("2")).exitCode, 0);
        QVERIFY(db.witness()
                    .exec("SELECT pg_stat_statements_reset(0, d.oid, 0) FROM pg_database d "
                          "WHERE d.datname = current_database()")
                    .ok());
        runOld(db, 2);
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("2 call(s) naming accounts.old_name: ")
                                + QString::fromUtf8(kOldColumnQuery)),
                 qPrintable(r.err));
        QCOMPARE(ledgerCount(db), 2);
    }

    // The table is there before the run (an application may use it): expand and contract in
    // one plan are refused, nothing applied.
    void expandAndContractInOnePlanAreRefused()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addPair(f);
        QCOMPARE(upTo(db, f, QStringLiteral("1")).exitCode, 0);
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("deploy the application that uses the new shape "
                                               "first")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("0003_contract/up.sql:1:1")), qPrintable(r.err));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'accounts'::regclass "
                      "AND attname = 'new_name'"),
            QStringLiteral("0"));
    }

    // A fresh database (a new environment, CI, the sandbox proof of the folder's next online
    // change, verify): the run makes the table, so nothing can use the old shape; the whole
    // folder applies in one run.
    void expandAndContractOnAFreshDatabaseRun()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE EXTENSION pg_stat_statements").ok());
        MigrationFolder f;
        addPair(f);
        // a contract as new --online writes it: DROP TRIGGER (its object list names the
        // table and the trigger) and DROP FUNCTION first
        f.add(QStringLiteral("0004_expand"),
              "-- uaip:expand\nALTER TABLE accounts ADD COLUMN label text;\n"
              "CREATE FUNCTION accounts_sync() RETURNS trigger LANGUAGE plpgsql AS\n"
              "$$BEGIN NEW.label := NEW.new_name; RETURN NEW; END$$;\n"
              "CREATE TRIGGER accounts_sync BEFORE INSERT ON accounts\n"
              "  FOR EACH ROW EXECUTE FUNCTION accounts_sync();\n",
              "DROP TRIGGER accounts_sync ON accounts;\nDROP FUNCTION accounts_sync();\n"
              "ALTER TABLE accounts DROP COLUMN label;\n");
        f.add(QStringLiteral("0005_contract"),
              "-- uaip:contract-of 0004\nDROP TRIGGER accounts_sync ON public.accounts;\n"
              "DROP FUNCTION public.accounts_sync();\n"
              "ALTER TABLE public.accounts DROP COLUMN new_name;\n",
              "ALTER TABLE accounts ADD COLUMN new_name text;\n");
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(ledgerCount(db), 5);
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'accounts'::regclass "
                      "AND attname = 'old_name' AND NOT attisdropped"),
            QStringLiteral("0"));
    }

    void withoutTheExtensionItSaysItCouldNotCheckAndRuns()
    {
        TestDatabase db;
        MigrationFolder f;
        addPair(f);
        const Run expand = upTo(db, f, QStringLiteral("2"));
        QCOMPARE(expand.exitCode, 0);
        QVERIFY2((expand.out + expand.err).contains(QStringLiteral("baseline")),
                 qPrintable(expand.out + expand.err));
        runOld(db, 2);
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2((r.out + r.err).contains(QStringLiteral("could not check")),
                 qPrintable(r.out + r.err));
        QVERIFY2((r.out + r.err).contains(QStringLiteral("pg_stat_statements is not created")),
                 qPrintable(r.out + r.err));
        QCOMPARE(ledgerCount(db), 3);
    }

    void statusShowsTheExpandAwaitingItsContract()
    {
        TestDatabase db;
        MigrationFolder f;
        addPair(f);
        QCOMPARE(upTo(db, f, QStringLiteral("2")).exitCode, 0);
        const Run text = migrateInProcess(on(db, f.path()) << QStringLiteral("status"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("expanded: awaiting its contract 0003_contract")),
                 qPrintable(text.out));
        const Run json = migrateInProcess(on(db, f.path())
                                          << QStringLiteral("status") << QStringLiteral("--json"));
        QCOMPARE(migrationOf(json, QStringLiteral("0002"))
                     .value(QStringLiteral("awaiting_contract"))
                     .toString(),
                 QStringLiteral("0003_contract"));
        QVERIFY(!migrationOf(json, QStringLiteral("0001"))
                     .contains(QStringLiteral("awaiting_contract")));
    }

    void directiveErrorsNameTheirLine_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");
        QTest::newRow("expand with a value") << QByteArray("-- uaip:expand=yes\nSELECT 1;\n") << 1
                                             << QStringLiteral("takes no value");
        QTest::newRow("expand twice") << QByteArray("-- uaip:expand\n-- uaip:expand\nSELECT 1;\n")
                                      << 2 << QStringLiteral("more than once");
        QTest::newRow("contract-of without a version")
            << QByteArray("-- x\n-- uaip:contract-of\nSELECT 1;\n") << 2
            << QStringLiteral("needs the version");
        QTest::newRow("contract-of not a version")
            << QByteArray("-- uaip:contract-of next one\nSELECT 1;\n") << 1
            << QStringLiteral("needs the version");
        QTest::newRow("contract-of twice")
            << QByteArray("-- uaip:contract-of 1\n-- uaip:contract-of 2\nSELECT 1;\n") << 2
            << QStringLiteral("more than once");
        QTest::newRow("both") << QByteArray("-- uaip:expand\n-- uaip:contract-of 1\nSELECT 1;\n")
                              << 2 << QStringLiteral("either the expand or the contract");
    }
    void directiveErrorsNameTheirLine()
    {
        QFETCH(QByteArray, sql);
        QFETCH(int, line);
        QFETCH(QString, says);
        const Result<MigrationDirectives> d = MigrationDirectives::parse(sql);
        QVERIFY(!d);
        QCOMPARE(d.error().code(), ErrorCode::BadInput);
        QCOMPARE(d.error().args().value(QStringLiteral("line")).toInt(), line);
        QVERIFY2(d.error().text().contains(says), qPrintable(d.error().text()));
    }

    void directivesAreRead()
    {
        const Result<MigrationDirectives> expand
            = MigrationDirectives::parse("-- uaip:no-transaction\n-- UAIP:Expand\nSELECT 1;\n");
        QVERIFY(expand);
        QVERIFY(expand->expand);
        QVERIFY(!expand->contractOf);
        const Result<MigrationDirectives> contract
            = MigrationDirectives::parse("-- a comment\n-- uaip:contract-of 2026-01\nSELECT 1;\n");
        QVERIFY(contract);
        QCOMPARE(contract->contractOf.value_or(QString()), QStringLiteral("2026-01"));
        QCOMPARE(contract->contractOfLine, 2);
        QVERIFY(!contract->expand);
    }

    void badPairsAreRefusedAtTheDirective_data()
    {
        QTest::addColumn<QByteArray>("expandUp");
        QTest::addColumn<QString>("contractFolder");
        QTest::addColumn<QByteArray>("contractUp");
        QTest::addColumn<QString>("says");
        QTest::newRow("no such migration")
            << QByteArray("-- uaip:expand\nSELECT 1;\n") << QStringLiteral("0003_contract")
            << QByteArray("-- x\n-- uaip:contract-of 0009\nSELECT 1;\n")
            << QStringLiteral("names no migration of this folder");
        QTest::newRow("not an expand")
            << QByteArray("SELECT 1;\n") << QStringLiteral("0003_contract")
            << QByteArray("-- x\n-- uaip:contract-of 2\nSELECT 1;\n")
            << QStringLiteral("has no -- uaip:expand");
        QTest::newRow("not above its expand")
            << QByteArray("-- uaip:expand\nSELECT 1;\n") << QStringLiteral("0001_contract")
            << QByteArray("-- x\n-- uaip:contract-of 2\nSELECT 1;\n")
            << QStringLiteral("is not above its expand's");
    }
    void badPairsAreRefusedAtTheDirective()
    {
        QFETCH(QByteArray, expandUp);
        QFETCH(QString, contractFolder);
        QFETCH(QByteArray, contractUp);
        QFETCH(QString, says);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0002_expand"), expandUp, "SELECT 1;\n");
        f.add(contractFolder, contractUp, "SELECT 1;\n");
        const Run r = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(contractFolder + QStringLiteral("/up.sql:2:1: ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY2(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL")
                         == QLatin1String("t")
                     || ledgerCount(db) == 0,
                 "nothing applied");
    }

    // The typed tree decides what a contract removes and which statements name it.
    void oldNamesAndTheirUse()
    {
        const QList<ContractOldNames::OldName> names = ContractOldNames::of(
            SqlSplitter::split("ALTER TABLE app.t DROP COLUMN a, DROP COLUMN c;\n"
                               "ALTER TABLE app.t RENAME COLUMN c_new TO c;\n"
                               "DROP VIEW app.old_view;\nDROP TABLE gone;\n"
                               "ALTER TABLE app.u RENAME TO gone;\n")
                .statements);
        QStringList texts;
        for (const ContractOldNames::OldName &n : names)
            texts << n.text();
        QCOMPARE(texts, (QStringList{QStringLiteral("app.t.a"), QStringLiteral("app.old_view")}));
        const auto uses = [&](const char *query) {
            return OldNameUse::names(QString::fromUtf8(query), names).value_or(QStringList{"?"});
        };
        QCOMPARE(uses("SELECT a FROM t WHERE id = $1"), QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("SELECT x.a FROM app.t x"), QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("INSERT INTO t (id, a) VALUES ($1, $2)"),
                 QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("UPDATE t SET a = $1 WHERE id = $2"), QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("INSERT INTO t (id) VALUES ($1) ON CONFLICT (a) DO NOTHING"),
                 QStringList{QStringLiteral("app.t.a")});
        // values by position: the contract moves the column (made again as the table's last)
        QCOMPARE(uses("INSERT INTO t VALUES ($1, $2)"), QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("INSERT INTO app.t SELECT * FROM app.t_old"),
                 QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("COPY t FROM STDIN"), QStringList{QStringLiteral("app.t.a")});
        QCOMPARE(uses("INSERT INTO t DEFAULT VALUES"), QStringList{});
        QCOMPARE(uses("COPY t (id) FROM STDIN"), QStringList{});
        QCOMPARE(uses("COPY t TO STDOUT"), QStringList{});
        QCOMPARE(uses("INSERT INTO other.t VALUES ($1, $2)"), QStringList{});
        QCOMPARE(uses("SELECT * FROM t"), QStringList{});
        QCOMPARE(uses("SELECT a FROM other.t"), QStringList{});
        QCOMPARE(uses("SELECT a FROM u"), QStringList{});
        QCOMPARE(uses("SELECT count(*) FROM old_view"),
                 QStringList{QStringLiteral("app.old_view")});
        QVERIFY(!OldNameUse::names(QStringLiteral("SELECT FROM WHERE"), names));
    }
};

QTEST_GUILESS_MAIN(TestContractGate)
#include "tst_contractgate.moc"
