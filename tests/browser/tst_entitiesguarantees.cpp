// The guarantees of issue 9 for the Entities view, against the real sandbox and checked through
// a second connection (the witness): which database staged edits reach, when sessions exist,
// what a save locks, a connection lost at COMMIT, read-only at the server, QSqlDatabase
// sessions, notices.
#include "browse/savejob.h"
#include "browser/savepreviewdialog.h"
#include "commitcutproxy.h"
#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kItems = "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);"
                          "INSERT INTO items (name) VALUES ('a'), ('b'), ('c');";

QStringList sessionNames()
{
    QStringList names;
    for (const QString &n : QSqlDatabase::connectionNames())
        if (n.startsWith(Session::connectionNamePrefix()))
            names << n;
    return names;
}

// Runs fn on the worker's session and waits for its answer (a text).
QString onSession(SessionWorker *worker, std::function<QString(Session &)> fn)
{
    auto answer = std::make_shared<QString>();
    auto done = std::make_shared<bool>(false);
    auto *job = new FunctionJob(QStringLiteral("probe"), [fn, answer](JobContext &c) {
        Result<Session *> s = c.session();
        *answer = s ? fn(*s.value()) : QStringLiteral("no session: ") + s.error().toString();
        return Result<QString>(QString());
    });
    QObject::connect(job, &Job::finished, [done] { *done = true; });
    worker->post(job);
    return QTest::qWaitFor([done] { return *done; }, 20000) ? *answer : QStringLiteral("timeout");
}

int otherBackends(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                "AND pid <> pg_backend_pid()",
                {db.name()})
        .toInt();
}

SaveResult waitSaved(QSignalSpy &saved)
{
    if (saved.isEmpty() && !saved.wait(30000))
        return SaveResult{false, false, QStringLiteral("timeout"), {}, {}, {}, {}, 0};
    return saved.takeFirst().first().value<SaveResult>();
}

// Stages an insert of `name` into the open items table.
bool stageInsert(EntityModel &model, const QString &name)
{
    const int row = model.insertNewRow();
    return row >= 0 && model.setData(model.index(row, 1), name);
}

} // namespace

class TestEntitiesGuarantees : public QObject
{
    Q_OBJECT

private slots:
    // b: nothing is opened for a target without a password, nor for no target.
    void noSessionBeforeThePasswordIsKnown()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kItems).ok());
        const QStringList before = sessionNames();
        EntitiesView view;
        view.setTarget(std::nullopt);
        SessionSpec pending = specOf(db);
        pending.password.reset(); // the keychain has not answered yet
        view.setTarget(pending);
        view.refreshTables();
        view.openTable("public", "items");
        QCoreApplication::processEvents(); // what the calls above posted has run
        // The view's sessions live in its two workers: with neither there, no session is open
        // and none can open later.
        QVERIFY(!view.model()->loader()->browseWorker());
        QVERIFY(!view.model()->loader()->workWorker());
        QCOMPARE(sessionNames(), before);
        QCOMPARE(otherBackends(db), 0);
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("Not connected."));
        // Once the password is known, the view connects.
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "items"));
        QVERIFY(otherBackends(db) >= 1);
    }

    // f: the view browses through QSqlDatabase sessions (the project's driver, no QPSQL), at
    // most two of them.
    void browsingSessionsAreQSqlDatabases()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kItems).ok());
        EntitiesView view;
        QSignalSpy listed(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(listed.wait());
        QVERIFY(openInView(view, "public", "items"));
        PageLoader *loader = view.model()->loader();
        for (SessionWorker *worker : {loader->browseWorker(), loader->workWorker()}) {
            // (the probe opens the work session, which only counts, saves and exports use)
            QCOMPARE(onSession(worker,
                               [](Session &s) {
                                   return QString::fromLatin1(
                                       s.database().driver()->metaObject()->className());
                               }),
                     QStringLiteral("uaip::PgSqlDriver"));
            QVERIFY(sessionNames().contains(worker->connectionName()));
            QCOMPARE(onSession(worker,
                               [](Session &s) {
                                   QSqlQuery q(s.database());
                                   return q.exec(QStringLiteral("SELECT count(*) FROM items"))
                                           && q.next()
                                       ? q.value(0).toString()
                                       : q.lastError().text();
                               }),
                     QStringLiteral("3"));
        }
        QCOMPARE(otherBackends(db), 2); // browse + work: not five
    }

    // e: a read-only profile is read-only at the server, whatever path a write takes.
    void readOnlyProfileFailsAtTheServer()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(kItems
                                + "CREATE TABLE audit (n int);"
                                  "CREATE FUNCTION bump() RETURNS boolean LANGUAGE sql VOLATILE AS "
                                  "$$ INSERT INTO audit VALUES (1) RETURNING true $$;")
                    .ok());
        EntityModel model;
        // No reason given to the model: only the server stands in the way.
        QVERIFY(openTable(model, specOf(db, true), "public", "items"));
        QCOMPARE(onSession(model.loader()->browseWorker(),
                           [](Session &s) {
                               return s.pg().scalar("SHOW default_transaction_read_only");
                           }),
                 QStringLiteral("on"));
        // The free WHERE path, with a function that writes.
        QSignalSpy failed(model.loader(), &PageLoader::failed);
        QSignalSpy rejected(model.loader(), &PageLoader::queryRejected);
        BrowseQuery q;
        q.whereClause = QStringLiteral("bump()");
        model.setQuery(q);
        QTRY_VERIFY(!failed.isEmpty() || !rejected.isEmpty());
        const QString why = failed.isEmpty() ? rejected.first().first().toString()
                                             : failed.first().first().toString();
        // read_only_sql_transaction, as the message shows the server's error (the loader's
        // signals carry no code of their own)
        QVERIFY2(why.contains("25006"), qPrintable(why));
        QCOMPARE(db.scalar("SELECT count(*) FROM audit"), QStringLiteral("0"));
        // The save path, driven directly.
        model.setQuery(BrowseQuery{});
        QVERIFY(waitIdle(model));
        QVERIFY(model.setData(model.index(0, 1), "written?"));
        QSignalSpy saved(&model, &EntityModel::saveFinished);
        model.save(model.savePlan());
        const SaveResult r = waitSaved(saved);
        QVERIFY(!r.ok);
        QCOMPARE(r.sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        QCOMPARE(db.scalar("SELECT name FROM items WHERE id = 1"), QStringLiteral("a"));
        QCOMPARE(model.pendingChangeCount(), 1); // still staged
    }

    // g: notices raised while browsing are not kept on the long-lived browse session.
    void noticesDoNotPileUp()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(kItems
                                + "CREATE FUNCTION noisy() RETURNS boolean LANGUAGE plpgsql AS $$"
                                  " BEGIN FOR i IN 1..2000 LOOP RAISE NOTICE 'n %', i; END LOOP;"
                                  " RETURN true; END $$;")
                    .ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        for (int i = 0; i < 3; ++i) {
            BrowseQuery q;
            q.whereClause = QStringLiteral("noisy() AND id > %1").arg(i);
            QSignalSpy reset(model.loader(), &PageLoader::resetDone);
            model.setQuery(q);
            QVERIFY(reset.wait(20000));
            QVERIFY(waitIdle(model));
        }
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(
            onSession(model.loader()->browseWorker(),
                      [](Session &s) { return QString::number(s.pg().notices().take().size()); }),
            QStringLiteral("0"));
    }

    // a: switching with staged edits asks; Save writes them to the database they were made on
    // (inserts included) and then continues the switch; nothing reaches the other database.
    void switchWithStagedEditsSavesWhereTheyWereMade()
    {
        TestDatabase first;
        TestDatabase second;
        QVERIFY(first.witness().execScript(kItems).ok());
        QVERIFY(second.witness().execScript(kItems).ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(first));
        QVERIFY(openInView(view, "public", "items"));
        QVERIFY(stageInsert(*view.model(), "made on first"));
        QVERIFY(view.model()->setData(view.model()->index(1, 1), "changed on first"));
        // Stay: nothing changes.
        answerNextBox(QMessageBox::Cancel);
        bool switched = false;
        QVERIFY(!view.confirmLeave("Switching to second", [&] { switched = true; }));
        QCOMPARE(view.model()->pendingChangeCount(), 2);
        // Save: the preview, then the save on the first database, then the switch.
        QString asked;
        answerNextBox(QMessageBox::Save, &asked);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        QVERIFY(!view.confirmLeave("Switching to second", [&] {
            switched = true;
            view.setTarget(specOf(second));
        }));
        QVERIFY2(asked.contains("2 staged change"), qPrintable(asked));
        SavePreviewDialog *preview = nullptr;
        QTRY_VERIFY((preview = view.findChild<SavePreviewDialog *>()));
        QVERIFY(preview->target().contains(first.name()));
        QSignalSpy jobs(&view, &EntitiesView::jobStarted); // the save is a job for the dock
        preview->accept();
        QCOMPARE(jobs.size(), 1);
        const SaveResult r = waitSaved(saved);
        QVERIFY2(r.ok, qPrintable(r.message));
        QTRY_VERIFY(switched);
        QCOMPARE(first.scalar("SELECT count(*) FROM items WHERE name = 'made on first'"),
                 QStringLiteral("1"));
        QCOMPARE(second.scalar("SELECT count(*) FROM items WHERE name LIKE '%first'"),
                 QStringLiteral("0"));
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QVERIFY(!view.model()->table().isValid());
    }

    // a: the save job itself refuses a session on another database than the edits' one.
    void saveJobRefusesAnotherDatabase()
    {
        TestDatabase first;
        TestDatabase second;
        QVERIFY(first.witness().execScript(kItems).ok());
        QVERIFY(second.witness().execScript(kItems).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(first), "public", "items"));
        QVERIFY(stageInsert(model, "inserted"));
        QVERIFY(model.setData(model.index(1, 1), "updated"));
        QVERIFY(model.loader()->identity().isKnown());
        QCOMPARE(model.loader()->identity().database, first.name());
        SessionWorker other(specOf(second), QStringLiteral("other"));
        auto result = std::make_shared<std::optional<SaveResult>>();
        QObject receiver;
        other.post(new SaveJob(QStringLiteral("save"), model.table(), model.savePlan(),
                               model.loader()->identity(), &receiver,
                               [result](const SaveResult &r) { *result = r; }));
        QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 20000);
        const SaveResult &r = **result;
        QVERIFY(!r.ok);
        QVERIFY(r.wrongDatabase);
        QVERIFY2(r.message.contains(first.name()) && r.message.contains(second.name()),
                 qPrintable(r.message));
        QCOMPARE(r.statementsRun, 0);
        QCOMPARE(second.scalar("SELECT count(*) FROM items"), QStringLiteral("3"));
        QCOMPARE(second.scalar("SELECT name FROM items WHERE id = 1"), QStringLiteral("a"));
        QCOMPARE(first.scalar("SELECT count(*) FROM items"), QStringLiteral("3"));
    }

    // c: while a save runs no cell is editable and the tooltip says why; nothing typed then is
    // lost; a successful save clears what it saved.
    void cellsAreReadOnlyWhileSaving()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kItems).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        QVERIFY(model.setData(model.index(0, 1), "saved"));
        PgConnection locker;
        QVERIFY(locker.open(db.conninfo()));
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec("SELECT * FROM items WHERE id = 1 FOR UPDATE").ok());
        QSignalSpy saved(&model, &EntityModel::saveFinished);
        QVERIFY(model.save(model.savePlan()));
        QVERIFY(model.isSaving());
        const QModelIndex other = model.index(1, 1);
        QVERIFY(!(model.flags(other) & Qt::ItemIsEditable));
        QVERIFY(model.data(other, Qt::ToolTipRole).toString().contains("save runs"));
        QVERIFY(!model.setData(other, "typed during the save"));
        QCOMPARE(model.insertNewRow(), -1);
        QCOMPARE(model.pendingChangeCount(), 1);
        QVERIFY(locker.exec("COMMIT").ok());
        const SaveResult r = waitSaved(saved);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(waitIdle(model));
        QCOMPARE(model.pendingChangeCount(), 0);
        QVERIFY(model.flags(other) & Qt::ItemIsEditable);
        QCOMPARE(db.scalar("SELECT name FROM items WHERE id = 1"), QStringLiteral("saved"));
        QCOMPARE(db.scalar("SELECT name FROM items WHERE id = 2"), QStringLiteral("b"));
    }

    // d: the connection is lost at COMMIT after the server committed: the outcome is settled
    // on a fresh session, the save counts as done, and the rows exist once.
    void commitLostAfterCommitIsSettledNotRepeated()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kItems).ok());
        const ConnectionProfile direct = db.profile();
        CommitCutProxy proxy(direct.host + QStringLiteral("/.s.PGSQL.")
                             + QString::number(direct.port));
        QVERIFY(proxy.port() > 0);
        SessionSpec spec = specOf(db);
        spec.profile.host = QStringLiteral("127.0.0.1");
        spec.profile.port = proxy.port();
        spec.profile.sslMode = QStringLiteral("disable");
        EntityModel model;
        QVERIFY(openTable(model, spec, "public", "items"));
        QVERIFY(stageInsert(model, "once"));
        QSignalSpy saved(&model, &EntityModel::saveFinished);
        QVERIFY(model.save(model.savePlan()));
        const SaveResult r = waitSaved(saved);
        QCOMPARE(proxy.cuts(), 1);
        QVERIFY(r.commitLost);
        QVERIFY2(r.ok, qPrintable(r.message)); // settled: it had committed
        QVERIFY2(r.message.contains("had committed"), qPrintable(r.message));
        QVERIFY(waitIdle(model));
        QCOMPARE(model.pendingChangeCount(), 0); // nothing left to save twice
        QVERIFY(!model.save(model.savePlan()));
        QCOMPARE(db.scalar("SELECT count(*) FROM items WHERE name = 'once'"), QStringLiteral("1"));
    }

    // d: the backend dies at COMMIT (a deferred trigger ends it): settled as rolled back, the
    // edits stay staged, and the retry writes them once.
    void commitLostBeforeCommitKeepsEditsForOneRetry()
    {
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript(
                    kItems
                    + "CREATE SEQUENCE once;"
                      "CREATE FUNCTION die_once() RETURNS trigger LANGUAGE plpgsql AS $$"
                      " BEGIN IF nextval('once') = 1 THEN"
                      "   PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
                      " RETURN NULL; END $$;"
                      "CREATE CONSTRAINT TRIGGER die_at_commit AFTER INSERT ON items"
                      " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION die_once();")
                .ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        QVERIFY(stageInsert(model, "retried"));
        QSignalSpy saved(&model, &EntityModel::saveFinished);
        QVERIFY(model.save(model.savePlan()));
        SaveResult r = waitSaved(saved);
        QVERIFY(!r.ok);
        QVERIFY(r.commitLost);
        QVERIFY(!r.commitUnknown);
        QVERIFY2(r.message.contains("rolled back"), qPrintable(r.message));
        QCOMPARE(model.pendingChangeCount(), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM items WHERE name = 'retried'"),
                 QStringLiteral("0"));
        QVERIFY(model.save(model.savePlan()));
        r = waitSaved(saved);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM items WHERE name = 'retried'"),
                 QStringLiteral("1"));
    }
};

QTEST_MAIN(TestEntitiesGuarantees)
#include "tst_entitiesguarantees.moc"
