// Regression tests for the Entities view defects of issue 8, each driving the real
// EntitiesView (QT_QPA_PLATFORM=offscreen) against the real sandbox; writes are checked
// through a second connection.
#include "browse/csvexporter.h"
#include "browse/entitymodel.h"
#include "browser/conflictdialog.h"
#include "browser/entitiesview.h"
#include "browser/filterbar.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browser/tabletree.h"
#include "browsetestutil.h"
#include "layoutsettle.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrations/migrationsview.h"
#include "shell/mainwindow.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// wide: 6 columns; narrow: 2; names: a varchar whose order differs from the key's.
const QByteArray kTables = R"sql(
CREATE TABLE wide (id int PRIMARY KEY, a text, b text, c int, d numeric, e text);
INSERT INTO wide SELECT g, 'a' || g, 'b' || g, g, g / 3.0, 'e' FROM generate_series(1, 30) g;
CREATE TABLE narrow (id int PRIMARY KEY, note text);
INSERT INTO narrow VALUES (1, 'one'), (2, 'two');
CREATE TABLE names (id int PRIMARY KEY, name varchar(80), code character(4), label text);
INSERT INTO names VALUES (1, 'Zoe', 'zz', 'z'), (2, 'adam', 'aa', 'a'), (3, 'Mia', 'mm', 'm'),
                         (4, 'Bob', 'bb', 'b'), (5, NULL, NULL, NULL);
)sql";

void setUp(TestDatabase &db)
{
    const PgResult r = db.witness().execScript(kTables);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

// How many sessions of db's database wait for a lock (the server's view).
int lockWaiters(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = "
                "(SELECT oid FROM pg_database WHERE datname = current_database())")
        .toInt();
}

// How many other client sessions of db's database run a statement or sit in a transaction.
int busySessions(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND state <> 'idle' "
                "AND pid <> pg_backend_pid()")
        .toInt();
}

} // namespace

class TestEntitiesDefects : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // MainWindow's settings stay out of ~/.config
    }

    // 1: opening a second table (or the same again) crashed in RowDetailPanel::refresh().
    void openingTablesInTurnDoesNotCrash()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specOf(db));
        for (const char *name : {"wide", "narrow", "wide", "wide", "names", "narrow"}) {
            QVERIFY(openInView(view, "public", name));
            QCOMPARE(view.model()->table().name, QString::fromLatin1(name));
            view.grid()->setCurrentIndex(view.model()->index(1, 1));
            QCOMPARE(view.details()->row(), 1);
            auto *edit = view.details()->findChild<QLineEdit *>(QStringLiteral("value_id"));
            QVERIFY(edit);
            QCOMPARE(edit->text(), QStringLiteral("2"));
        }
    }

    // 1: following a foreign key from the row panel replaces the panel's buttons while the
    // clicked one is still delivering its click (deleted later, not under its own feet).
    void followingAKeyFromTheRowPanel()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(
                        "CREATE TABLE parent (id int PRIMARY KEY, name text);"
                        "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);"
                        "INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');"
                        "INSERT INTO child VALUES (10, 2)")
                    .ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "child"));
        view.grid()->setCurrentIndex(view.model()->index(0, 1));
        QCOMPARE(view.details()->row(), 0);
        QPushButton *follow = nullptr;
        QStringList texts;
        for (QPushButton *b : view.details()->findChildren<QPushButton *>()) {
            texts << b->text();
            if (b->isEnabled() && b->text().contains(QStringLiteral("public.parent")))
                follow = b;
        }
        QVERIFY2(follow, qPrintable(texts.join(u'|')));
        QSignalSpy opened(view.model(), &EntityModel::tableOpened);
        QTest::mouseClick(follow, Qt::LeftButton);
        QVERIFY(opened.wait());
        QVERIFY(waitIdle(*view.model()));
        QCOMPARE(view.model()->table().name, QStringLiteral("parent"));
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->data(view.model()->index(0, 1)).toString(), QStringLiteral("p2"));
    }

    // 6: sorting by a character varying (or char) column changed nothing.
    void sortsByVarcharAndChar()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "names"));
        for (const char *column : {"name", "code", "label"}) {
            const int c = view.model()->table().columnIndex(QLatin1String(column));
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                view.grid()->sortByColumn(c, order);
                QVERIFY(waitIdle(*view.model()));
                const QByteArray dir
                    = order == Qt::AscendingOrder ? "ASC NULLS LAST" : "DESC NULLS FIRST";
                QCOMPARE(fetchColumn(*view.model(), 0),
                         witnessColumn(db,
                                       "SELECT id FROM names ORDER BY " + QByteArray(column) + ' '
                                           + dir + ", id " + dir.left(4)));
            }
        }
    }

    // 8: Export CSV… stayed disabled after one export.
    void exportTwice()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "wide"));
        QAction *exportAction = viewAction(view, QStringLiteral("Export CSV…"));
        QVERIFY(exportAction);
        QVERIFY(exportAction->isEnabled());
        QTemporaryDir dir;
        for (int i = 0; i < 2; ++i) {
            QSignalSpy finished(&view, &EntitiesView::exportFinished);
            const QString path = dir.filePath(QStringLiteral("wide%1.csv").arg(i));
            view.exportCsv(path);
            QVERIFY(finished.wait(20000));
            QVERIFY(finished.first().first().toBool());
            QVERIFY(QFile::exists(path));
            QVERIFY2(exportAction->isEnabled(), "Export CSV… is disabled after an export");
        }
    }

    // 12: the filter summary quoted values like identifiers.
    void filterSummaryQuotesValuesAsLiterals()
    {
        FilterBar bar;
        BrowseQuery q;
        q.filters << ColumnFilter{"name", ColumnFilter::Op::Equal, "Leo O'Marchetti", {}};
        q.filters << ColumnFilter{"code", ColumnFilter::Op::In, {}, {"a", "b'c"}};
        bar.setQuery(q);
        QString summary;
        for (QLabel *l : bar.findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("Filter:")))
                summary = l->text();
        QVERIFY2(summary.contains(QStringLiteral("name = 'Leo O''Marchetti'")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("('a', 'b''c')")), qPrintable(summary));
    }

    // 12: a table without a primary key refused Insert row.
    void insertsIntoTableWithoutKey()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE TABLE log (at int, what text)").ok());
        EntitiesView view;
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "log"));
        QVERIFY(view.insertAction()->isEnabled());
        QVERIFY(!view.deleteAction()->isEnabled()); // needs a key
        view.insertAction()->trigger();
        QVERIFY(view.model()->setData(view.model()->index(0, 0), "7"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), "hello"));
        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QVERIFY(saved.first().first().value<SaveResult>().ok);
        QCOMPARE(db.scalar("SELECT what FROM log WHERE at = 7"), QStringLiteral("hello"));
    }

    // 12: after "No" in the unsaved-changes prompt the tree highlighted another table.
    void declinedSwitchKeepsTreeOnOpenTable()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait());
        QVERIFY(openInView(view, "public", "wide"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), "x"));
        QTreeWidgetItem *narrow = view.tree()->itemFor("public", "narrow");
        view.tree()->setCurrentItem(narrow);
        answerNextBox(QMessageBox::Cancel, nullptr, QMessageBox::No);
        emit view.tree()->itemActivated(narrow, 0);
        QCOMPARE(view.model()->table().name, QStringLiteral("wide"));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QCOMPARE(view.tree()->currentItem(), view.tree()->itemFor("public", "wide"));
    }

    // 12: after Cancel while loading the status said "Choose a table.".
    void cancelWhileLoadingSaysSo()
    {
        TestDatabase db;
        setUp(db);
        PgConnection locker;
        QVERIFY(locker.open(db.conninfo()));
        QVERIFY(locker.execScript("BEGIN; LOCK TABLE wide IN ACCESS EXCLUSIVE MODE").ok());
        EntitiesView view;
        view.setTarget(specOf(db));
        view.openTable("public", "wide");
        QTRY_VERIFY(view.model()->loader()->isLoading());
        QAction *cancel = viewAction(view, QStringLiteral("Cancel loading"));
        QVERIFY(cancel);
        QTRY_VERIFY(cancel->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(lockWaiters(db) > 0, 20000); // the load waits on the server
        cancel->trigger();
        QTRY_VERIFY(!view.model()->loader()->isLoading());
        const QString status = view.statusLabel()->text();
        QVERIFY2(!status.contains(QStringLiteral("Choose a table")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("cancel"), Qt::CaseInsensitive),
                 qPrintable(status));
        QVERIFY(status.contains(QStringLiteral("wide")));
        locker.exec("ROLLBACK");
    }

    // 5: Enter in a text cell inserted a newline; now it commits like in a varchar cell.
    void enterCommitsTextCell()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "narrow"));
        const QModelIndex cell = view.model()->index(0, 1);
        view.grid()->setCurrentIndex(cell);
        view.grid()->edit(cell);
        auto *editor = view.grid()->findChild<QPlainTextEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "first");
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(editor, "second");
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(view.model()->data(cell, Qt::EditRole).toString(),
                 QStringLiteral("first\nsecond"));
        QTRY_VERIFY(!view.grid()->findChild<QPlainTextEdit *>()
                    || !view.grid()->findChild<QPlainTextEdit *>()->isVisible());
        const QString shown = view.model()->data(cell, Qt::DisplayRole).toString();
        QVERIFY2(!shown.contains(u'\n') && shown.contains(QStringLiteral("first"))
                     && shown.contains(QStringLiteral("second")),
                 qPrintable(shown));
    }

    // 7: Refresh collapsed the tree and dropped the selection.
    void refreshKeepsExpansionAndSelection()
    {
        TestDatabase db;
        setUp(db);
        QVERIFY(db.witness().execScript("CREATE SCHEMA other; CREATE TABLE other.t (id int)").ok());
        EntitiesView view;
        view.show();
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait());
        QTreeWidgetItem *other = view.tree()->itemFor("other", "t")->parent();
        other->setExpanded(false);
        view.tree()->setCurrentItem(view.tree()->itemFor("public", "narrow"));
        QVERIFY(db.witness().exec("CREATE TABLE public.added (id int)").ok());
        QAction *refresh = viewAction(view, QStringLiteral("Refresh"));
        QVERIFY(refresh);
        refresh->trigger();
        QVERIFY(loaded.wait());
        QVERIFY(view.tree()->itemFor("public", "added"));
        QVERIFY(!view.tree()->itemFor("other", "t")->parent()->isExpanded());
        QVERIFY(view.tree()->itemFor("public", "narrow")->parent()->isExpanded());
        QCOMPARE(view.tree()->currentItem(), view.tree()->itemFor("public", "narrow"));
    }

    // 11: a wide table's conflict showed every column with the changed one last.
    void conflictDialogShowsDifferencesFirst()
    {
        TableInfo table;
        table.schema = "public";
        table.name = "wide";
        RowConflict conflict;
        for (int c = 0; c < 122; ++c) {
            ColumnInfo info;
            info.name = QStringLiteral("c%1").arg(c);
            table.columns << info;
            conflict.original << QStringLiteral("v%1").arg(c);
        }
        conflict.theirs = conflict.original;
        conflict.ours = conflict.original;
        conflict.theirs[120] = QStringLiteral("theirs");
        conflict.ours[121] = QStringLiteral("mine");
        ConflictDialog dialog(table, conflict);
        QCOMPARE(dialog.table()->verticalHeaderItem(0)->text(), QStringLiteral("c120"));
        QCOMPARE(dialog.table()->verticalHeaderItem(1)->text(), QStringLiteral("c121"));
        QString texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts += l->text();
        QVERIFY2(texts.contains(QStringLiteral("Save")), qPrintable(texts));
    }

    // 3: Revert while a save waited on a lock did not stop the save.
    void revertDoesNotOutliveALockedSave()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "wide"));
        PgConnection locker;
        QVERIFY(locker.open(db.conninfo()));
        QVERIFY(locker.execScript("BEGIN; LOCK TABLE wide IN ACCESS EXCLUSIVE MODE").ok());
        const int c = view.model()->table().columnIndex("d");
        QVERIFY(view.model()->setData(view.model()->index(0, c), "999.5"));
        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        preview->accept();
        QTRY_VERIFY(view.model()->isSaving());
        QTRY_VERIFY_WITH_TIMEOUT(lockWaiters(db) > 0, 20000); // the save waits on the server
        QVERIFY(view.model()->isSaving());
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("waiting")),
                 qPrintable(view.statusLabel()->text()));
        QVERIFY(!view.revertAction()->isEnabled());
        view.revertAction()->trigger(); // disabled: nothing happens
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QAction *cancel = viewAction(view, QStringLiteral("Cancel save"));
        QVERIFY(cancel);
        QVERIFY(cancel->isEnabled());
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        cancel->trigger();
        QVERIFY(saved.wait());
        QVERIFY(!saved.first().first().value<SaveResult>().ok);
        QVERIFY(locker.exec("ROLLBACK").ok());
        // The lock is free: had the cancelled UPDATE still waited, it would run now. Every
        // session of the view is idle outside a transaction once it did (or never would).
        QTRY_COMPARE_WITH_TIMEOUT(busySessions(db), 0, 20000);
        QCOMPARE(db.scalar("SELECT d FROM wide WHERE id = 1"),
                 QStringLiteral("0.33333333333333333333"));
        QCOMPARE(view.model()->pendingChangeCount(), 1); // still staged, not silently dropped
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("cancel"), Qt::CaseInsensitive),
                 qPrintable(view.statusLabel()->text()));
        for (QMessageBox *box : view.findChildren<QMessageBox *>())
            box->close();
    }

    // 2: switching the connection kept the previous database's table and edits.
    void connectionSwitchClosesTheTable()
    {
        TestDatabase first;
        setUp(first);
        TestDatabase second;
        EntitiesView view;
        view.show();
        view.setTarget(specOf(first));
        QVERIFY(openInView(view, "public", "wide"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), "staged"));
        answerNextBox(QMessageBox::Cancel);
        QVERIFY(!view.confirmLeave("Switching to other"));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QString asked;
        answerNextBox(QMessageBox::Discard, &asked);
        QVERIFY(view.confirmLeave("Switching to other"));
        QVERIFY2(asked.contains("1 staged change"), qPrintable(asked));
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(second));
        QVERIFY(!view.model()->table().isValid());
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.model()->columnCount(), 0);
        QVERIFY(!view.insertAction()->isEnabled());
        QVERIFY(loaded.wait());
        QVERIFY(!view.tree()->itemFor("public", "wide"));
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("Choose a table."));
        QCOMPARE(first.scalar("SELECT a FROM wide WHERE id = 1"), QStringLiteral("a1"));
    }

    // 2, 12: the save preview names the target and wraps (nothing cut); a save confirms.
    void savePreviewNamesTargetWrapsAndConfirms()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        SessionSpec spec = specOf(db);
        spec.profile.name = QStringLiteral("test");
        view.setTarget(spec);
        QVERIFY(openInView(view, "public", "wide"));
        for (int c = 1; c < view.model()->columnCount(); ++c)
            QVERIFY(view.model()->setData(view.model()->index(0, c), QString::number(c)));
        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QVERIFY(QTest::qWaitForWindowExposed(preview));
        QVERIFY(preview->target().contains(db.name()));
        QVERIFY(preview->target().contains("profile test"));
        QVERIFY(preview->sql().contains("UPDATE \"public\".\"wide\" SET \"a\" = $1"));
        QTRY_COMPARE(preview->textView()->horizontalScrollBar()->maximum(), 0);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QVERIFY(waitIdle(*view.model()));
        QCOMPARE(db.scalar("SELECT e FROM wide WHERE id = 1"), QStringLiteral("5"));
        const QString status = view.statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("Saved: 1 row")) && status.contains(db.name())
                     && status.contains(" ms"),
                 qPrintable(status));
    }

    // 12: the suggested CSV file name is a safe file name.
    void csvFileNameIsSafe()
    {
        QCOMPARE(CsvExporter::suggestedFileName("x\"; drop table users; --"),
                 QStringLiteral("x_drop_table_users.csv"));
        QCOMPARE(CsvExporter::suggestedFileName("../../etc/passwd"),
                 QStringLiteral("etc_passwd.csv"));
        QCOMPARE(CsvExporter::suggestedFileName("persona_analytics"),
                 QStringLiteral("persona_analytics.csv"));
        QCOMPARE(CsvExporter::suggestedFileName("\"; --"), QStringLiteral("export.csv"));
        QCOMPARE(CsvExporter::suggestedFileName("ünï cødé"), QStringLiteral("ünï_cødé.csv"));
    }

    // 4: quitting with staged edits asks Save / Discard / Cancel.
    void quitWithStagedEditsAsks()
    {
        TestDatabase db;
        setUp(db);
        MainWindow window(MainWindow::Options{});
        window.show();
        EntitiesView &view = *window.entitiesView();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "narrow"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), "kept"));
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY2(asked.contains("1 staged change"), qPrintable(asked));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        // Save: the preview, then the window closes once the row is written
        answerNextBox(QMessageBox::Save);
        QVERIFY(!window.close());
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        preview->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 20000);
        QCOMPARE(db.scalar("SELECT note FROM narrow WHERE id = 1"), QStringLiteral("kept"));
        // Discard: closes, nothing written
        window.show();
        QVERIFY(waitIdle(*view.model()));
        QVERIFY(view.model()->setData(view.model()->index(1, 1), "dropped"));
        answerNextBox(QMessageBox::Discard);
        QVERIFY(window.close());
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QCOMPARE(db.scalar("SELECT note FROM narrow WHERE id = 2"), QStringLiteral("two"));
    }

    // 7: the tree follows migrations applied in the GUI.
    void treeRefreshesAfterMigrations()
    {
        TestDatabase db;
        MainWindow window(MainWindow::Options{});
        EntitiesView &view = *window.entitiesView();
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait());
        QVERIFY(!view.tree()->itemFor("public", "users"));
        {
            MigrationSource source;
            QVERIFY(source.load(MigrationSource::bundledDir()));
            PgConnection c;
            QVERIFY(c.open(db.conninfo()));
            QVERIFY(MigrationRunner(c, source.migrations(), MigrationRunner::Options{}).up().ok());
        }
        emit window.migrationsView()->runFinished(true); // what the view does after an apply
        QVERIFY(loaded.wait());
        QVERIFY(view.tree()->itemFor("public", "users"));
    }

    // 13: the grid gets most of the room; the tree shows whole table names.
    void proportionsFavourTheGrid()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE persona_analytics (id int PRIMARY KEY, v text);"
                                "INSERT INTO persona_analytics VALUES (1, 'start of a long value '"
                                " || repeat('x', 400));"
                                "CREATE TABLE personas (id int PRIMARY KEY);"
                                "CREATE TABLE agent_capability_metrics (id int PRIMARY KEY)")
                    .ok());
        EntitiesView view;
        view.resize(1300, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait());
        QVERIFY(openInView(view, "public", "persona_analytics"));
        view.grid()->setCurrentIndex(view.model()->index(0, 0));
        settleLayouts();
        // the longest platform table name is shown whole too
        for (const char *name : {"persona_analytics", "agent_capability_metrics"}) {
            QTreeWidgetItem *item = view.tree()->itemFor("public", name);
            QVERIFY(item);
            int depth = 1; // root decoration
            for (QTreeWidgetItem *p = item->parent(); p; p = p->parent())
                ++depth;
            const int needed = view.tree()->indentation() * depth
                + view.tree()->fontMetrics().horizontalAdvance(item->text(0));
            QVERIFY2(view.tree()->columnWidth(0) >= needed,
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(name)
                                    .arg(view.tree()->columnWidth(0))
                                    .arg(needed)));
        }
        QVERIFY(view.details()->isVisible());
        QVERIFY2(view.grid()->width() >= view.width() / 2,
                 qPrintable(
                     QStringLiteral("grid %1 of %2").arg(view.grid()->width()).arg(view.width())));
        QVERIFY(view.details()->width() < view.grid()->width());
        // The row panel fits its width (no sideways scrolling) and a long value shows its
        // beginning.
        auto *scroll = view.details()->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        auto *value = view.details()->findChild<QLineEdit *>(QStringLiteral("value_v"));
        QVERIFY(value);
        QVERIFY(value->text().startsWith(QStringLiteral("start of a long value")));
        QCOMPARE(value->cursorPosition(), 0);
    }
};

QTEST_MAIN(TestEntitiesDefects)
#include "tst_entitiesdefects.moc"
