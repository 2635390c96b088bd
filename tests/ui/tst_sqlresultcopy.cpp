// Copying from the SQL view's result grid against the real sandbox: Ctrl+C gives the selected
// cells as TSV; "Copy as SQL INSERT" names the source table of a one-table result (and asks
// for a name otherwise), and the copied INSERTs, run on a copy table, give the same rows.
#include "db/sessionspec.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"
#include "sql/sqlresultgrid.h"
#include "sql/sqlresultmodel.h"
#include "sqlconsole/resultcopy.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

SqlResultGrid *runQuery(SqlConsoleTab *tab, const QString &sql)
{
    tab->editor()->setText(sql);
    QSignalSpy finished(tab, &SqlConsoleTab::finished);
    tab->runAction()->trigger();
    if (!finished.wait(30000))
        return nullptr;
    return qobject_cast<SqlResultGrid *>(tab->results()->widget(0));
}

} // namespace

class TestSqlResultCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void copiesTheSelectionAsTsvAndInserts()
    {
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript("CREATE TABLE notes (id int PRIMARY KEY, body text, score numeric);"
                            "INSERT INTO notes VALUES (1, E'a\\tb \"c\"', 1.50), (2, NULL, NULL),"
                            "(3, E'it''s\\nback\\\\slash', 'NaN')")
                .ok());
        SqlConsoleView view;
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        view.resize(900, 600);
        view.show();
        SqlConsoleTab *tab = view.currentTab();
        SqlResultGrid *grid = runQuery(tab, QStringLiteral("SELECT * FROM notes ORDER BY id"));
        QVERIFY(grid);
        QCOMPARE(grid->resultModel()->rowCount(), 3);

        // Ctrl+C: the selected cells as TSV (columns body and score of rows 1 and 2)
        grid->setFocus();
        grid->selectionModel()->select(
            QItemSelection(grid->model()->index(0, 1), grid->model()->index(1, 2)),
            QItemSelectionModel::ClearAndSelect);
        QApplication::clipboard()->clear();
        QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("\"a\tb \"\"c\"\"\"\t1.50\n\t\n"));
        grid->copyTsvWithHeaderAction()->trigger();
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("body\tscore\n")));
        QVERIFY(grid->actions().contains(grid->copyInsertAction()));

        // INSERT of whole rows: into the source table, without asking
        int asked = 0;
        grid->setTableAsker([&asked](QWidget *, const QString &) {
            ++asked;
            return QStringList();
        });
        grid->selectAll();
        grid->copyInsertAction()->trigger();
        QCOMPARE(asked, 0);
        const QString inserts = QApplication::clipboard()->text();
        QVERIFY2(inserts.startsWith(QStringLiteral(
                     "INSERT INTO \"public\".\"notes\" (\"id\", \"body\", \"score\")")),
                 qPrintable(inserts));
        QVERIFY(db.witness().exec("TRUNCATE notes").ok());
        QVERIFY(db.witness().execScript(inserts.toUtf8()).ok());
        QCOMPARE(
            db.scalar("SELECT string_agg(n::text, '|' ORDER BY id) FROM notes n"),
            QStringLiteral("(1,\"a\tb \"\"c\"\"\",1.50)|(2,,)|(3,\"it's\nback\\\\slash\",NaN)"));

        // A computed column: the name is asked for, prefilled "result"
        grid = runQuery(tab, QStringLiteral("SELECT id, body || '' AS body FROM notes ORDER BY 1"));
        QVERIFY(grid);
        QString suggested;
        grid->setTableAsker([&suggested](QWidget *, const QString &suggestion) {
            suggested = suggestion;
            return QStringList{QStringLiteral("scratch"), QStringLiteral("Copy")};
        });
        grid->selectionModel()->select(grid->model()->index(2, 0),
                                       QItemSelectionModel::ClearAndSelect
                                           | QItemSelectionModel::Rows);
        grid->copyInsertAction()->trigger();
        QCOMPARE(suggested, QStringLiteral("result"));
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("INSERT INTO \"scratch\".\"Copy\" (\"id\", \"body\") VALUES (3, "
                                "E'it''s\nback\\\\slash');\n"));
        // cancelled: the clipboard stays as it was
        grid->setTableAsker([](QWidget *, const QString &) { return QStringList(); });
        QApplication::clipboard()->setText(QStringLiteral("before"));
        grid->copyInsertAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
    }

    // Issue 46, point 6: a table with a GENERATED ALWAYS identity and a stored generated
    // column. The copied INSERTs leave the generated column out and keep the ids with
    // OVERRIDING SYSTEM VALUE: run after the rows are deleted, they restore them (the server
    // computes the generated column again).
    void insertsSkipGeneratedAndKeepIdentity()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE items (id int GENERATED ALWAYS AS IDENTITY "
                                "PRIMARY KEY, name text, price numeric, "
                                "total numeric GENERATED ALWAYS AS (price * 2) STORED);"
                                "INSERT INTO items (name, price) VALUES ('a', 1.5), ('b', NULL);"
                                "DELETE FROM items WHERE id = 1;"
                                "INSERT INTO items (name, price) VALUES ('c', 3)")
                    .ok());
        SqlConsoleView view;
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        view.show();
        SqlResultGrid *grid
            = runQuery(view.currentTab(), QStringLiteral("SELECT * FROM items ORDER BY id"));
        QVERIFY(grid);
        // The run read them with the result (SqlResultReader::readSource).
        QCOMPARE(grid->sourceColumns().generated, QStringList{QStringLiteral("total")});
        QCOMPARE(grid->sourceColumns().identityAlways, QStringList{QStringLiteral("id")});
        grid->selectAll();
        grid->copyInsertAction()->trigger();
        const QString inserts = QApplication::clipboard()->text();
        QCOMPARE(inserts,
                 QStringLiteral("INSERT INTO \"public\".\"items\" (\"id\", \"name\", \"price\") "
                                "OVERRIDING SYSTEM VALUE VALUES (2, 'b', NULL);\n"
                                "INSERT INTO \"public\".\"items\" (\"id\", \"name\", \"price\") "
                                "OVERRIDING SYSTEM VALUE VALUES (3, 'c', 3);\n"));
        const QString before
            = db.scalar("SELECT string_agg(i::text, '|' ORDER BY id) FROM items i");
        QVERIFY(db.witness().exec("DELETE FROM items").ok());
        const PgResult pasted = db.witness().execScript(inserts.toUtf8());
        QVERIFY2(pasted.ok(), qPrintable(pasted.error().toString()));
        QCOMPARE(db.scalar("SELECT string_agg(i::text, '|' ORDER BY id) FROM items i"), before);
        QCOMPARE(before, QStringLiteral("(2,b,,)|(3,c,3,6)"));

        // Only the generated column copied: nothing to insert, said in a comment.
        grid->selectionModel()->select(grid->model()->index(0, 3),
                                       QItemSelectionModel::ClearAndSelect);
        grid->copyInsertAction()->trigger();
        QVERIFY2(QApplication::clipboard()->text().startsWith(QStringLiteral("-- ")),
                 qPrintable(QApplication::clipboard()->text()));
    }
};

QTEST_MAIN(TestSqlResultCopy)
#include "tst_sqlresultcopy.moc"
