// Staged edits end to end: save in one transaction and revert, edits that survive sorting
// and filtering, the exact SQL preview, conflicts with a second connection (changed and
// deleted rows), server errors mapped to row and column (CHECK, FK, NOT NULL, UNIQUE, enum)
// with the edit kept staged, and a connection terminated mid-edit.
#include "browse/entitymodel.h"
#include "browsetestutil.h"
#include "jobs/sessionworker.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kPeople
    = "CREATE TYPE mood AS ENUM ('happy', 'sad');"
      "CREATE TABLE owners (id int PRIMARY KEY);"
      "INSERT INTO owners VALUES (1), (2);"
      "CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL,"
      "  email text CONSTRAINT people_email_key UNIQUE,"
      "  score int CONSTRAINT people_score_check CHECK (score >= 0),"
      "  owner_id int CONSTRAINT people_owner_fk REFERENCES owners (id),"
      "  mood mood, note text DEFAULT 'none');"
      "INSERT INTO people SELECT g, 'p' || g, 'p' || g || '@x.org', g, 1, 'happy', 'n' || g"
      "  FROM generate_series(1, 300) g;";

SaveResult saveAndWait(EntityModel &model)
{
    QSignalSpy saved(&model, &EntityModel::saveFinished);
    model.save(model.savePlan());
    if (!saved.wait(20000))
        return SaveResult{false, false, QStringLiteral("timeout"), {}, {}, {}, {}, 0};
    waitIdle(model);
    return saved.first().first().value<SaveResult>();
}

int rowWithId(EntityModel &model, const QString &id)
{
    fetchColumn(model, 0);
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.data(model.index(r, 0), Qt::EditRole).toString() == id)
            return r;
    return -1;
}

} // namespace

class TestStagedEdits : public QObject
{
    Q_OBJECT

private slots:
    void saveAndRevert()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QSignalSpy pending(&model, &EntityModel::pendingChanged);
        QVERIFY(model.setData(model.index(0, 1), "renamed"));
        QVERIFY(model.setData(model.index(1, 6), QVariant())); // NULL, not ''
        model.deleteRows({2});
        const int inserted = model.insertNewRow({{0, "1000"}, {1, "new"}});
        QCOMPARE(inserted, 0);
        QCOMPARE(model.pendingChangeCount(), 4);
        QCOMPARE(pending.last().first().toInt(), 4);
        QCOMPARE(model.data(model.index(0, 6)).toString(), QStringLiteral("DEFAULT"));
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("renamed"));
        QCOMPARE(model.data(model.index(1, 1), EntityModel::StateRole).toInt(),
                 int(EntityModel::CellState::Modified));
        QCOMPARE(model.rowState(3), EntityModel::RowState::Deleted);

        model.revertAll();
        QCOMPARE(model.pendingChangeCount(), 0);
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("p1"));
        QCOMPARE(db.scalar("SELECT count(*) FROM people"), QStringLiteral("300"));

        QVERIFY(model.setData(model.index(0, 1), "renamed"));
        QVERIFY(model.setData(model.index(0, 6), QVariant()));
        QVERIFY(model.setData(model.index(1, 6), QString("")));
        model.deleteRows({2});
        model.insertNewRow({{0, "1000"}, {1, "new"}});
        model.duplicateRow(1); // row 1 is now people.id = 1 (row 0 is the insert)
        QVERIFY(model.setData(model.index(1, 0), "1001"));
        QVERIFY(model.setData(model.index(1, 2), "dup@x.org"));
        const SaveResult r = saveAndWait(model);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(model.pendingChangeCount(), 0);
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 1"), QStringLiteral("renamed"));
        QCOMPARE(db.scalar("SELECT note IS NULL FROM people WHERE id = 1"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT note = '' FROM people WHERE id = 2"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM people WHERE id = 3"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT note FROM people WHERE id = 1000"), QStringLiteral("none"));
        QCOMPARE(db.scalar("SELECT name || ',' || email FROM people WHERE id = 1001"),
                 QStringLiteral("renamed,dup@x.org"));
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("renamed"));
    }

    void previewShowsTheExactStatements()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QVERIFY(model.setData(model.index(0, 3), "42"));
        model.deleteRows({1});
        const SavePlan plan = model.savePlan();
        QCOMPARE(plan.statements.size(), 2);
        const QString preview = plan.preview();
        QVERIFY2(preview.contains(
                     "UPDATE \"public\".\"people\" SET \"score\" = $1 WHERE (\"id\") = ($2) "
                     "AND xmin = $3::xid RETURNING xmin::text;"),
                 qPrintable(preview));
        QVERIFY(preview.contains("--   $1 = '42'"));
        QVERIFY(preview.contains(
            "DELETE FROM \"public\".\"people\" WHERE (\"id\") = ($1) AND xmin = $2::xid;"));
        QVERIFY(preview.startsWith("-- public.people: 2 statement(s)"));
    }

    void editsSurviveSortFilterAndReload()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QVERIFY(model.setData(model.index(4, 1), "five"));
        model.sort(3, Qt::DescendingOrder);
        QVERIFY(waitIdle(model));
        BrowseQuery q = model.query();
        q.filters << ColumnFilter{"score", ColumnFilter::Op::Less, "10", {}};
        model.setQuery(q);
        QVERIFY(waitIdle(model));
        model.loader()->reload();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.pendingChangeCount(), 1);
        const int row = rowWithId(model, "5");
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, 1)).toString(), QStringLiteral("five"));
        QVERIFY(saveAndWait(model).ok);
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 5"), QStringLiteral("five"));
    }

    void conflictsAreDetected()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QVERIFY(model.setData(model.index(0, 1), "mine"));
        QVERIFY(model.setData(model.index(1, 1), "mine too"));
        model.deleteRows({2});
        QVERIFY(db.witness().exec("UPDATE people SET name = 'theirs' WHERE id = 1").ok());
        QVERIFY(db.witness().exec("DELETE FROM people WHERE id = 2").ok());
        SaveResult r = saveAndWait(model);
        QVERIFY(!r.ok);
        QCOMPARE(r.conflicts.size(), 2);
        const RowConflict changed = r.conflicts[0];
        QVERIFY(!changed.deletedByThem);
        QCOMPARE(changed.theirs.value(1).toString(), QStringLiteral("theirs"));
        QCOMPARE(changed.ours.value(1).toString(), QStringLiteral("mine"));
        QCOMPARE(changed.original.value(1).toString(), QStringLiteral("p1"));
        QVERIFY(r.conflicts[1].deletedByThem);
        // Nothing was written, not even the delete of id 3 that had no conflict.
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 1"), QStringLiteral("theirs"));
        QCOMPARE(db.scalar("SELECT count(*) FROM people WHERE id = 3"), QStringLiteral("1"));
        QCOMPARE(model.pendingChangeCount(), 3);

        model.takeTheirs(r.conflicts[1]);
        model.keepMine(changed);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.pendingChangeCount(), 2);
        r = saveAndWait(model);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 1"), QStringLiteral("mine"));
        QCOMPARE(db.scalar("SELECT count(*) FROM people WHERE id IN (2, 3)"), QStringLiteral("0"));
    }

    void serverErrorsMapToRowAndColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<QString>("expectedColumn");
        QTest::newRow("check") << 3 << QVariant("-1") << "23514"
                               << "score";
        QTest::newRow("unique") << 2 << QVariant("p2@x.org") << "23505"
                                << "email";
        QTest::newRow("foreign key") << 4 << QVariant("99") << "23503"
                                     << "owner_id";
        QTest::newRow("not null") << 1 << QVariant() << "23502"
                                  << "name";
        QTest::newRow("enum") << 5 << QVariant("angry") << "22P02"
                              << "mood";
        // ("lots" into an integer never reaches the server: numbersThatDoNotFitAreRefused)
    }
    void serverErrorsMapToRowAndColumn()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, sqlState);
        QFETCH(QString, expectedColumn);
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QVERIFY(model.setData(model.index(9, 1), "fine")); // a good edit before the bad one
        QVERIFY(model.setData(model.index(0, column), value));
        const SaveResult r = saveAndWait(model);
        QVERIFY(!r.ok);
        QCOMPARE(r.sqlState, sqlState);
        QCOMPARE(r.failedColumn, expectedColumn);
        QCOMPARE(model.pendingChangeCount(), 2);
        const QString cellError
            = model.data(model.index(0, column), EntityModel::ErrorRole).toString();
        QVERIFY(cellError.contains(sqlState));
        QVERIFY(model.data(model.index(0, column == 1 ? 2 : 1), EntityModel::ErrorRole).isNull());
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 10"), QStringLiteral("p10"));
        // Fix the value: the error goes and the save goes through.
        const QVariant good = column == 5 ? QVariant("sad")
                                          : QVariant(column == 1       ? "n"
                                                         : column == 4 ? "2"
                                                                       : "7");
        QVERIFY(model.setData(model.index(0, column), column == 2 ? QVariant("new@x.org") : good));
        QVERIFY(model.data(model.index(0, column), EntityModel::ErrorRole).isNull());
        QVERIFY(saveAndWait(model).ok);
    }

    // A number the column cannot hold is refused by the model, with the reason, before any
    // server sees it (issue 21: never rounded or cut; the grid's editors parse the locale).
    void numbersThatDoNotFitAreRefused()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QSignalSpy refused(&model, &EntityModel::valueRefused);
        for (const char *bad : {"lots", "2147483648", "1.5", "1,5"}) {
            QVERIFY2(!model.setData(model.index(0, 3), QString::fromLatin1(bad)), bad);
            QCOMPARE(refused.size(), 1);
            QCOMPARE(refused.first().at(0).toModelIndex(), model.index(0, 3));
            QVERIFY2(refused.first().at(1).toString().contains(QStringLiteral("integer")),
                     qPrintable(refused.first().at(1).toString()));
            refused.clear();
        }
        QCOMPARE(model.pendingChangeCount(), 0);
        QVERIFY(model.setData(model.index(0, 3), QStringLiteral("-2147483648")));
        QCOMPARE(model.pendingChangeCount(), 1);
        QVERIFY(refused.isEmpty());
    }

    void insertErrorsMapToo()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        model.insertNewRow({{0, "2000"}}); // name is NOT NULL without default
        const SaveResult r = saveAndWait(model);
        QCOMPARE(r.sqlState, QStringLiteral("23502"));
        QCOMPARE(r.failedColumn, QStringLiteral("name"));
        QVERIFY(!model.data(model.index(0, 1), EntityModel::ErrorRole).isNull());
        QCOMPARE(model.pendingChangeCount(), 1);
    }

    void connectionLossKeepsEditsAndSaveRetries()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kPeople).ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "people"));
        QVERIFY(model.setData(model.index(0, 1), "after reconnect"));
        // Saves run on the work session; a count opens it.
        model.loader()->requestCount();
        QTRY_VERIFY(model.loader()->countState() == PageLoader::CountState::Complete);
        const int pid = model.loader()->workWorker()->backendPid();
        QVERIFY(pid > 0);
        QCOMPARE(db.scalar("SELECT pg_terminate_backend($1)", {pid}), QStringLiteral("t"));
        QTRY_COMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", {pid}),
                     QStringLiteral("0"));
        SaveResult r = saveAndWait(model);
        QVERIFY(!r.ok);
        QVERIFY(r.connectionLost);
        QCOMPARE(model.pendingChangeCount(), 1);
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("after reconnect"));
        r = saveAndWait(model); // the worker reconnects before this one
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(db.scalar("SELECT name FROM people WHERE id = 1"),
                 QStringLiteral("after reconnect"));
        QVERIFY(model.loader()->workWorker()->backendPid() != pid);
    }
};

QTEST_GUILESS_MAIN(TestStagedEdits)
#include "tst_stagededits.moc"
