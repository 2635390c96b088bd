// Numbers in the Entities grid (issue 21, points 1 and 2), typed into the real grid of the real
// EntitiesView under a German default locale (as the app sets it: Translations::install calls
// QLocale::setDefault), checked in the staged edits and, after Save, in the database through a
// second connection: the decimal comma is a decimal comma, numbers are shown in the locale,
// and a value the column cannot hold as typed is refused at the cell with the reason.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browser/filterbar.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browsetestutil.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kTable = R"sql(
CREATE TABLE m (id int PRIMARY KEY, v numeric(10,4), d double precision, i integer);
INSERT INTO m VALUES (1, 2.5, 0.25, 7);
)sql";

// Column indexes of kTable.
constexpr int kV = 1;
constexpr int kD = 2;
constexpr int kI = 3;

// The grid's open cell editor (a closed one lingers until deleteLater), or nullptr.
QLineEdit *openEditor(EntitiesView &view)
{
    for (QLineEdit *editor : view.grid()->findChildren<QLineEdit *>())
        if (editor->isVisible())
            return editor;
    return nullptr;
}

// Opens the cell's editor in the grid, types `text` over its content and presses Enter.
// Returns the editor (still open when the grid refused the value), or nullptr.
QLineEdit *typeInto(EntitiesView &view, const QModelIndex &cell, const QString &text)
{
    view.grid()->setCurrentIndex(cell);
    view.grid()->edit(cell);
    QLineEdit *editor = openEditor(view);
    if (!editor)
        return nullptr;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    return editor;
}

bool editorOpen(EntitiesView &view)
{
    return openEditor(view) != nullptr;
}

} // namespace

class TestEntitiesNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    // Point 1: "1,5" typed in German is 1.5 (it was 15), numbers shown with the comma.
    void germanDecimalCommaIsADecimalComma()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kTable).ok());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "m"));
        EntityModel *model = view.model();
        const QModelIndex v = model->index(0, kV);
        const QModelIndex d = model->index(0, kD);
        QCOMPARE(model->data(v, Qt::EditRole).toString(), QStringLiteral("2.5000"));

        QVERIFY(typeInto(view, v, QStringLiteral("1,5")));
        QTRY_VERIFY(!editorOpen(view));
        QCOMPARE(model->data(v, Qt::EditRole).toString(), QStringLiteral("1.5"));
        QCOMPARE(model->data(v, Qt::DisplayRole).toString(), QStringLiteral("1,5"));
        QCOMPARE(model->data(d, Qt::DisplayRole).toString(), QStringLiteral("0,25"));

        view.grid()->setCurrentIndex(v);
        view.grid()->edit(v);
        QLineEdit *editor = openEditor(view);
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("1,5")); // the editor speaks German too
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editorOpen(view));
        QVERIFY(typeInto(view, d, QStringLiteral("-1.234,5")));
        QTRY_VERIFY(!editorOpen(view));
        QCOMPARE(model->data(d, Qt::EditRole).toString(), QStringLiteral("-1234.5"));
        QCOMPARE(model->pendingChangeCount(), 1); // one row changed

        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QVERIFY2(preview->sql().contains(QStringLiteral("'1.5'")), qPrintable(preview->sql()));
        QSignalSpy saved(model, &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QCOMPARE(db.scalar("SELECT v::text FROM m WHERE id = 1"), QStringLiteral("1.5000"));
        QCOMPARE(db.scalar("SELECT d::text FROM m WHERE id = 1"), QStringLiteral("-1234.5"));
    }

    // Point 2: a value that does not fit the column is refused at the cell with the reason;
    // nothing is staged, rounded or cut.
    void valuesThatDoNotFitAreRefused_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("too many digits") << kV << "12345678,5"
                                         << "6";
        QTest::newRow("rounded") << kV << "1,23456"
                                 << "4";
        QTest::newRow("English point") << kV << "1.5"
                                       << ",";
        QTest::newRow("integer out of range") << kI << "2147483648"
                                              << "2.147.483.647";
        QTest::newRow("integer decimals") << kI << "1,5"
                                          << "integer";
        QTest::newRow("double out of range") << kD << "1e400"
                                             << "double precision";
    }

    void valuesThatDoNotFitAreRefused()
    {
        QFETCH(int, column);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        TestDatabase db;
        QVERIFY(db.witness().execScript(kTable).ok());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "m"));
        EntityModel *model = view.model();
        const QModelIndex cell = model->index(0, column);
        const QString before = model->data(cell, Qt::EditRole).toString();
        QLineEdit *editor = typeInto(view, cell, typed);
        QVERIFY(editor);
        // The editor stays open with the reason; the status line says it too.
        QVERIFY(editorOpen(view));
        QVERIFY2(editor->toolTip().contains(reason), qPrintable(editor->toolTip()));
        QVERIFY2(view.statusLabel()->text().contains(reason),
                 qPrintable(view.statusLabel()->text()));
        QCOMPARE(model->pendingChangeCount(), 0);
        QCOMPARE(model->data(cell, Qt::EditRole).toString(), before);
        // Leaving the editor (focus elsewhere) does not stage it either.
        view.filterBar()->setFocus();
        QTRY_VERIFY(!editorOpen(view));
        QCOMPARE(model->pendingChangeCount(), 0);
        QCOMPARE(model->data(cell, Qt::EditRole).toString(), before);
        QVERIFY(!view.saveAction()->isEnabled());
        // The model refuses it in the server's notation as well (row form, paste).
        if (column == kV)
            QVERIFY(!model->setData(cell, QStringLiteral("12345678.5")));
    }

    // The row form reads and writes the same way.
    void rowFormUsesTheLocale()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kTable).ok());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "m"));
        view.grid()->setCurrentIndex(view.model()->index(0, kV));
        auto *value = view.details()->findChild<QLineEdit *>(QStringLiteral("value_v"));
        QVERIFY(value);
        QTRY_COMPARE(value->text(), QStringLiteral("2,5000"));
        value->setText(QStringLiteral("12345678,5"));
        value->setModified(true);
        emit value->editingFinished();
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("6")),
                 qPrintable(view.statusLabel()->text()));
        value->setText(QStringLiteral("0,75"));
        value->setModified(true);
        emit value->editingFinished();
        QCOMPARE(view.model()->data(view.model()->index(0, kV), Qt::EditRole).toString(),
                 QStringLiteral("0.75"));
    }
};

QTEST_MAIN(TestEntitiesNumbers)
#include "tst_entitiesnumbers.moc"
