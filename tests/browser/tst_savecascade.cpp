// Issue 21, point 3 (core): what a save's DELETEs and key UPDATEs cascade to, per table, counted
// by the server in a transaction (CascadeMeter) against the sandbox: transitive CASCADE, SET
// NULL, ON UPDATE CASCADE; the save measures again in its own transaction and commits only
// what was confirmed; a count stopped by a lock is a lower bound.
#include "browse/cascademeter.h"
#include "browse/catalogreader.h"
#include "browse/saveexecutor.h"
#include "browse/saveplanner.h"
#include "db/connectionprofile.h"
#include "db/pgconnection.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kSchema
    = "CREATE TABLE parent (id int PRIMARY KEY, name text);\n"
      "CREATE TABLE child (id int PRIMARY KEY,\n"
      "                    parent_id int NOT NULL REFERENCES parent ON DELETE CASCADE);\n"
      "CREATE TABLE grandchild (id int PRIMARY KEY,\n"
      "                         child_id int NOT NULL REFERENCES child ON DELETE CASCADE);\n"
      "CREATE TABLE note (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE SET "
      "NULL);\n"
      "CREATE TABLE keyed (code text PRIMARY KEY);\n"
      "CREATE TABLE keyref (id int PRIMARY KEY, code text REFERENCES keyed ON UPDATE CASCADE);\n"
      "INSERT INTO parent VALUES (1, 'one'), (2, 'two');\n"
      "INSERT INTO child VALUES (1, 1), (2, 1), (3, 1), (4, 2);\n"
      "INSERT INTO grandchild VALUES (1, 1), (2, 1), (3, 2), (4, 4);\n"
      "INSERT INTO note VALUES (1, 1), (2, 1), (3, 2);\n"
      "INSERT INTO keyed VALUES ('a'), ('z');\n"
      "INSERT INTO keyref VALUES (1, 'a'), (2, 'a'), (3, 'z');\n";

struct Fixture
{
    TestDatabase db;
    PgConnection connection;

    Fixture()
    {
        const PgResult r = db.witness().execScript(kSchema);
        if (!r.ok())
            qFatal("schema: %s", qPrintable(r.error().toString()));
        if (!connection.open(db.conninfo()))
            qFatal("connect: %s", qPrintable(connection.connectionError()));
    }

    TableInfo table(const char *name)
    {
        const Result<TableInfo> t
            = CatalogReader::readTable(connection, QStringLiteral("public"), QLatin1String(name));
        if (!t)
            qFatal("read %s: %s", name, qPrintable(t.error().toString()));
        return t.value();
    }

    // A plan deleting the parent rows with these ids, as the Entities grid stages it.
    SavePlan deleteParents(const TableInfo &parent, const QList<int> &ids)
    {
        StagedEdits edits;
        for (const int id : ids) {
            const QString xmin
                = db.scalar("SELECT xmin::text FROM parent WHERE id = $1", {QString::number(id)});
            edits.markDeleted({QString::number(id)}, xmin, {QString::number(id), QString()});
        }
        return SavePlanner::plan(parent, edits);
    }
};

// Issue 34, point 2: agents, their operations (CASCADE), tool executions pointing at both (SET
// NULL), log rows SET NULL through one key and deleted through the other.
const QByteArray kAgents
    = "CREATE TABLE agent (id int PRIMARY KEY);\n"
      "CREATE TABLE operation (id int PRIMARY KEY,\n"
      "    agent_id int REFERENCES agent ON DELETE CASCADE);\n"
      "CREATE TABLE tool_execution (id int PRIMARY KEY,\n"
      "    agent_id int REFERENCES agent ON DELETE SET NULL,\n"
      "    operation_id int REFERENCES operation ON DELETE SET NULL);\n"
      "CREATE TABLE log (id int PRIMARY KEY,\n"
      "    agent_id int REFERENCES agent ON DELETE SET NULL,\n"
      "    operation_id int REFERENCES operation ON DELETE CASCADE);\n"
      "INSERT INTO agent VALUES (1), (2);\n"
      "INSERT INTO operation VALUES (10, 1), (11, 1), (12, 2);\n"
      "INSERT INTO tool_execution VALUES (1, 1, NULL), (2, 1, NULL), (3, 1, 10),\n"
      "    (4, 2, 11), (5, 2, 12), (6, NULL, NULL);\n"
      "INSERT INTO log VALUES (1, 1, 10), (2, 1, NULL), (3, 2, 12);\n";

QString describe(const CascadeReport &report)
{
    return report.lines().join(u'\n') + (report.bounded ? QStringLiteral(" (bounded)") : QString());
}

} // namespace

class TestSaveCascade : public QObject
{
    Q_OBJECT

private slots:
    // Deleting parent 1: 3 children (CASCADE), their 3 grandchildren (the cascade of the
    // cascade) and 2 notes set to NULL (SET NULL); the preview rolls back, nothing goes.
    void deleteCountsTransitiveCascadesAndSetNull()
    {
        Fixture f;
        const TableInfo parent = f.table("parent");
        const SavePlan plan = f.deleteParents(parent, {1});
        QVERIFY(CascadeMeter::mayCascade(parent, plan));
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, parent, plan, 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        const CascadeReport &report = counted.value();
        QCOMPARE(
            report.lines(),
            (QStringList{"public.child: 3 row(s) deleted", "public.grandchild: 3 row(s) deleted",
                         "public.note: 2 row(s) changed"}));
        QVERIFY(!report.bounded);
        QCOMPARE(report.totalRows(), 8);
        // nothing was written
        QCOMPARE(f.db.scalar("SELECT count(*) FROM child"), QStringLiteral("4"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM note WHERE parent_id IS NULL"),
                 QStringLiteral("0"));

        // The save with that cascade confirmed commits, and measures the same in its own
        // transaction.
        SavePlan confirmed = plan;
        confirmed.cascade = report;
        const SaveResult saved = SaveExecutor::run(f.connection, parent, confirmed);
        QVERIFY2(saved.ok, qPrintable(saved.message));
        QCOMPARE(saved.cascade.tables, report.tables);
        QCOMPARE(f.db.scalar("SELECT count(*) FROM child"), QStringLiteral("1"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM grandchild"), QStringLiteral("1"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM note WHERE parent_id IS NULL"),
                 QStringLiteral("2"));
    }

    // Issue 34, point 2: a row reached through two foreign keys is one row. Deleting agent 1:
    // its 2 operations go (CASCADE); tool executions 1, 2, 3 point at the agent and 3, 4 at its
    // operations (both SET NULL): 4 rows change, not 5 updates (execution 3 once). A log row
    // set to NULL through one key and deleted through the other is deleted, not also changed.
    // The preview and the save count the same, and the total is the sum of the lines.
    // Issue 41, point 2: a table's name is never SQL. Tables that a delete cascades into (SET
    // NULL, so their rows are counted again as distinct rows) are named to end a `--` comment
    // and run a second statement; the count is right and `secrets` keeps its rows, in the
    // preview and in the save.
    void hostileTableNamesRunNothing()
    {
        Fixture f;
        const QStringList names{QStringLiteral("a\nDELETE FROM secrets;--"),
                                QStringLiteral("b\r\nDELETE FROM secrets;--"),
                                QStringLiteral("c\"; DELETE FROM secrets;--")};
        QByteArray schema = "CREATE TABLE secrets (id int);\n"
                            "INSERT INTO secrets VALUES (1), (2);\n";
        for (const QString &name : names) {
            const QByteArray quoted = f.db.scalar("SELECT quote_ident($1)", {name}).toUtf8();
            schema += "CREATE TABLE " + quoted
                + " (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE SET "
                  "NULL);\n"
                + "INSERT INTO " + quoted + " VALUES (1, 1), (2, 1), (3, 2);\n";
        }
        const PgResult made = f.db.witness().execScript(schema);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const TableInfo parent = f.table("parent");
        const SavePlan plan = f.deleteParents(parent, {1});
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, parent, plan, 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM secrets"), QStringLiteral("2"));
        int hostile = 0;
        for (const CascadeReport::Table &t : counted.value().tables)
            if (t.name != QLatin1String("public.child")
                && t.name != QLatin1String("public.grandchild")
                && t.name != QLatin1String("public.note")) {
                QCOMPARE(t.updated, 2);
                ++hostile;
            }
        QCOMPARE(hostile, 3);
        SavePlan confirmed = plan;
        confirmed.cascade = counted.value();
        const SaveResult saved = SaveExecutor::run(f.connection, parent, confirmed);
        QVERIFY2(saved.ok, qPrintable(saved.message));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM secrets"), QStringLiteral("2"));
    }

    void rowReachedThroughTwoKeysCountsOnce()
    {
        Fixture f;
        const PgResult made = f.db.witness().execScript(kAgents);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const TableInfo agent = f.table("agent");
        StagedEdits edits;
        edits.markDeleted({QStringLiteral("1")},
                          f.db.scalar("SELECT xmin::text FROM agent WHERE id = 1"),
                          {QStringLiteral("1")});
        const SavePlan plan = SavePlanner::plan(agent, edits);
        const QStringList expected{"public.log: 1 row(s) deleted, 1 row(s) changed",
                                   "public.operation: 2 row(s) deleted",
                                   "public.tool_execution: 4 row(s) changed"};
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, agent, plan, 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QCOMPARE(counted.value().lines(), expected);
        QCOMPARE(counted.value().totalRows(), 1 + 1 + 2 + 4);
        // What psql says: the rows that point at agent 1 or at one of its operations.
        QCOMPARE(f.db.scalar("SELECT count(*) FROM tool_execution WHERE agent_id = 1 OR "
                             "operation_id IN (SELECT id FROM operation WHERE agent_id = 1)"),
                 QStringLiteral("4"));

        SavePlan confirmed = plan;
        confirmed.cascade = counted.value();
        const SaveResult saved = SaveExecutor::run(f.connection, agent, confirmed);
        QVERIFY2(saved.ok, qPrintable(saved.message));
        QCOMPARE(saved.cascade.lines(), expected);
        QCOMPARE(f.db.scalar("SELECT count(*) FROM tool_execution WHERE agent_id IS NULL AND "
                             "operation_id IS NULL"),
                 QStringLiteral("4")); // 1, 2, 3 and 6
    }

    // As production runs: a non-owner role, with a hostile name, allowed to delete agents and to
    // read every table but tool_execution (the foreign keys' actions run as the owner). The
    // tables it reads are counted as rows; tool_execution keeps the counters' number (5
    // updates) instead of failing the preview; the save measures the same way and commits.
    void nonOwnerRoleCountsWhatItMayRead()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kAgents).ok());
        const QString role = QStringLiteral("cascade \"role\";\n") + f.db.name();
        const QByteArray quoted = f.db.witness().quoteIdentifier(role);
        QVERIFY(f.db.witness()
                    .exec("CREATE ROLE " + quoted + " LOGIN PASSWORD 'uaip-test-login'")
                    .ok());
        for (const char *grant :
             {"GRANT SELECT, DELETE ON agent TO ", "GRANT SELECT ON operation, log TO "})
            QVERIFY(f.db.witness().exec(QByteArray(grant) + quoted).ok());
        ConnectionProfile profile = f.db.profile();
        profile.user = role;
        PgConnection app;
        QVERIFY2(app.open(profile.conninfo(QString())), qPrintable(app.connectionError()));
        const TableInfo agent = f.table("agent");
        StagedEdits edits;
        edits.markDeleted({QStringLiteral("1")},
                          f.db.scalar("SELECT xmin::text FROM agent WHERE id = 1"),
                          {QStringLiteral("1")});
        const SavePlan plan = SavePlanner::plan(agent, edits);
        const Result<CascadeReport> counted = CascadeMeter::preview(app, agent, plan, 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QCOMPARE(counted.value().lines(),
                 (QStringList{"public.log: 1 row(s) deleted, 1 row(s) changed",
                              "public.operation: 2 row(s) deleted",
                              "public.tool_execution: 5 row(s) changed"}));
        SavePlan confirmed = plan;
        confirmed.cascade = counted.value();
        const SaveResult saved = SaveExecutor::run(app, agent, confirmed);
        QVERIFY2(saved.ok, qPrintable(saved.message));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM agent"), QStringLiteral("1"));
        app.close();
        f.db.witness().exec("DROP OWNED BY " + quoted);
        f.db.witness().exec("DROP ROLE " + quoted);
    }

    // A count stopped by a lock is a lower bound in rows too: the statements before the stop
    // are counted again as rows (the counters said 5 changed for 4 rows).
    void countStoppedByALockCountsRows()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kAgents).ok());
        const TableInfo agent = f.table("agent");
        PgConnection holder;
        QVERIFY(holder.open(f.db.conninfo()));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("SELECT * FROM tool_execution WHERE id = 5 FOR UPDATE").ok());
        StagedEdits edits;
        for (const char *id : {"1", "2"})
            edits.markDeleted(
                {QLatin1String(id)},
                f.db.scalar("SELECT xmin::text FROM agent WHERE id = $1", {QLatin1String(id)}),
                {QLatin1String(id)});
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, agent, SavePlanner::plan(agent, edits), 300);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QVERIFY2(counted.value().bounded, qPrintable(describe(counted.value())));
        QCOMPARE(counted.value().lines(),
                 (QStringList{"public.log: at least 1 row(s) deleted, at least 1 row(s) changed",
                              "public.operation: at least 2 row(s) deleted",
                              "public.tool_execution: at least 4 row(s) changed"}));
        holder.exec("ROLLBACK");
    }

    // A table the save's own statements update, and a cascade back into it (a self-reference):
    // the rows the save updated itself are not part of the cascade.
    void selfReferenceCountsOnlyTheCascade()
    {
        Fixture f;
        const PgResult made = f.db.witness().execScript(
            "CREATE TABLE node (code text PRIMARY KEY,\n"
            "    parent text REFERENCES node ON UPDATE CASCADE, label text);\n"
            "INSERT INTO node VALUES ('a', NULL, 'root'), ('b', 'a', 'x'), ('c', 'a', 'y');\n");
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const TableInfo node = f.table("node");
        StagedEdits edits;
        edits.setValue(
            {QStringLiteral("a")}, f.db.scalar("SELECT xmin::text FROM node WHERE code = 'a'"),
            {QStringLiteral("a"), QString(), QStringLiteral("root")}, 0, QStringLiteral("z"));
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, node, SavePlanner::plan(node, edits), 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QCOMPARE(counted.value().lines(), QStringList{"public.node: 2 row(s) changed"});
    }

    // Changing a referenced key: ON UPDATE CASCADE changes the referencing rows. Changing a
    // column nobody references cannot cascade and is not counted.
    void keyUpdateCountsOnUpdateCascade()
    {
        Fixture f;
        const TableInfo keyed = f.table("keyed");
        StagedEdits edits;
        edits.setValue({QStringLiteral("a")},
                       f.db.scalar("SELECT xmin::text FROM keyed WHERE code = 'a'"),
                       {QStringLiteral("a")}, 0, QStringLiteral("b"));
        const SavePlan plan = SavePlanner::plan(keyed, edits);
        QVERIFY(CascadeMeter::mayCascade(keyed, plan));
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, keyed, plan, 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QCOMPARE(counted.value().lines(), QStringList{"public.keyref: 2 row(s) changed"});
        QCOMPARE(f.db.scalar("SELECT count(*) FROM keyref WHERE code = 'a'"), QStringLiteral("2"));

        const TableInfo parent = f.table("parent");
        StagedEdits rename;
        rename.setValue({QStringLiteral("1")},
                        f.db.scalar("SELECT xmin::text FROM parent WHERE id = 1"),
                        {QStringLiteral("1"), QStringLiteral("one")}, 1, QStringLiteral("uno"));
        QVERIFY(!CascadeMeter::mayCascade(parent, SavePlanner::plan(parent, rename)));
    }

    // Someone adds a child between the preview and the save: the save counts 2 children where
    // 1 was confirmed, writes nothing and reports the new numbers.
    void saveRefusesACascadeThatChangedSinceThePreview()
    {
        Fixture f;
        const TableInfo parent = f.table("parent");
        SavePlan plan = f.deleteParents(parent, {2});
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, parent, plan, 5000);
        QVERIFY(counted);
        QCOMPARE(
            counted.value().lines(),
            (QStringList{"public.child: 1 row(s) deleted", "public.grandchild: 1 row(s) deleted",
                         "public.note: 1 row(s) changed"}));
        QVERIFY(f.db.witness().exec("INSERT INTO child VALUES (5, 2)").ok());
        plan.cascade = counted.value();
        const SaveResult saved = SaveExecutor::run(f.connection, parent, plan);
        QVERIFY(!saved.ok);
        QVERIFY(saved.cascadeChanged);
        QVERIFY2(saved.message.contains(QStringLiteral("public.child: 2 row(s) deleted")),
                 qPrintable(saved.message));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM parent WHERE id = 2"), QStringLiteral("1"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM child WHERE parent_id = 2"),
                 QStringLiteral("2"));
    }

    // Partitions count for their partitioned table, as a cascade target and as the table
    // whose rows the save deletes itself.
    void partitionsCountForTheirTable()
    {
        Fixture f;
        const PgResult made = f.db.witness().execScript(
            "CREATE TABLE pevent (id int PRIMARY KEY,\n"
            "    parent_id int REFERENCES parent ON DELETE CASCADE) PARTITION BY RANGE (id);\n"
            "CREATE TABLE pevent_a PARTITION OF pevent FOR VALUES FROM (0) TO (100);\n"
            "CREATE TABLE pevent_b PARTITION OF pevent FOR VALUES FROM (100) TO (200);\n"
            "INSERT INTO pevent VALUES (1, 1), (150, 1), (2, 2);\n");
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const TableInfo parent = f.table("parent");
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, parent, f.deleteParents(parent, {1}), 5000);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        QVERIFY2(
            counted.value().lines().contains(QStringLiteral("public.pevent: 2 row(s) deleted")),
            qPrintable(describe(counted.value())));

        const TableInfo pevent = f.table("pevent");
        StagedEdits edits;
        edits.markDeleted({QStringLiteral("150")},
                          f.db.scalar("SELECT xmin::text FROM pevent WHERE id = 150"),
                          {QStringLiteral("150"), QStringLiteral("1")});
        const Result<CascadeReport> own
            = CascadeMeter::preview(f.connection, pevent, SavePlanner::plan(pevent, edits), 5000);
        QVERIFY2(own, qPrintable(own ? QString() : own.error().toString()));
        QVERIFY2(own.value().tables.isEmpty(), qPrintable(describe(own.value())));
    }

    // A row lock held elsewhere stops the count after the bound: the report says "at least"
    // and names why, instead of waiting. The holder keeps its lock until the end, so a count
    // that waited for it would never return (the CTest timeout); one that returned gave up.
    void countStoppedByALockIsALowerBound()
    {
        Fixture f;
        const TableInfo parent = f.table("parent");
        PgConnection holder;
        QVERIFY(holder.open(f.db.conninfo()));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("SELECT * FROM grandchild WHERE id = 1 FOR UPDATE").ok());
        const SavePlan plan = f.deleteParents(parent, {2, 1});
        const Result<CascadeReport> counted
            = CascadeMeter::preview(f.connection, parent, plan, 300);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().toString()));
        // the server side gave up too: the preview's backend waits for no lock, runs nothing
        // and left no transaction open (the holder still holds its lock)
        const QString pid = QString::number(f.connection.backendPid());
        QCOMPARE(
            f.db.scalar("SELECT count(*) FROM pg_locks WHERE pid = $1::int AND NOT granted", {pid}),
            QStringLiteral("0"));
        QCOMPARE(f.db.scalar("SELECT state FROM pg_stat_activity WHERE pid = $1::int", {pid}),
                 QStringLiteral("idle"));
        const CascadeReport &report = counted.value();
        QVERIFY2(report.bounded, qPrintable(describe(report)));
        // lock_not_available or query_canceled: the bound's timeouts, by the SQLSTATE the
        // reason shows (the report keeps no code of its own)
        QVERIFY2(report.boundReason.contains(QStringLiteral("55P03"))
                     || report.boundReason.contains(QStringLiteral("57014")),
                 qPrintable(report.boundReason));
        // parent 2 was counted before the lock stopped parent 1
        QCOMPARE(report.lines(),
                 (QStringList{"public.child: at least 1 row(s) deleted",
                              "public.grandchild: at least 1 row(s) deleted",
                              "public.note: at least 1 row(s) changed"}));
        holder.exec("ROLLBACK");
    }
};

QTEST_MAIN(TestSaveCascade)
#include "tst_savecascade.moc"
