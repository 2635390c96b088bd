// Text longer than its column's limit (issue 34, point 1): typing 260 characters into a
// varchar(255) cell stored 255, silently (the cell's QLineEdit cut it), and the save preview
// cut long values for display. Typed into the real grid and the row form of the real
// EntitiesView, checked in the staged edits and, after Save, through a second connection: a
// text longer than the limit is refused at entry with the limit and its length, characters are
// counted as PostgreSQL counts them, the preview shows whole values, and a cell that shows a
// value cut has the whole value in its tool tip.
#include "browse/entitymodel.h"
#include "browser/celldelegate.h"
#include "browser/entitiesview.h"
#include "browser/filterbar.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browsetestutil.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kTable = R"sql(
CREATE DOMAIN short_code AS varchar(4);
CREATE TABLE t (id int PRIMARY KEY, name varchar(10), note varchar(300), code short_code,
                fixed char(3), body text);
INSERT INTO t VALUES (1, 'ten', 'short', 'ab', 'xy', 'free');
)sql";

constexpr int kName = 1;
constexpr int kNote = 2;
constexpr int kCode = 3;
constexpr int kFixed = 4;
constexpr int kBody = 5;

template<typename Editor>
Editor *openEditor(EntitiesView &view)
{
    for (Editor *editor : view.grid()->findChildren<Editor *>())
        if (editor->isVisible())
            return editor;
    return nullptr;
}

bool editorOpen(EntitiesView &view)
{
    return openEditor<QLineEdit>(view) || openEditor<QPlainTextEdit>(view);
}

struct Fixture
{
    TestDatabase db;
    EntitiesView view;

    bool open()
    {
        if (!db.witness().execScript(kTable).ok())
            return false;
        view.resize(1200, 800);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.setTarget(specOf(db));
        return openInView(view, QStringLiteral("public"), QStringLiteral("t"));
    }

    QModelIndex cell(int column) { return view.model()->index(0, column); }

    QString status() { return view.statusLabel()->text(); }
};

} // namespace

class TestEntitiesTextLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Typed key by key and pasted whole into the one-line editor: the editor takes the whole
    // text (it cut it at the limit), and Enter refuses it with the limit and the length.
    void typedTextLongerThanTheLimitIsRefused_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("paste");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("limit");
        QTest::newRow("varchar typed") << kName << false << QString(12, u'x') << "10";
        QTest::newRow("varchar pasted") << kName << true << QString(12, u'x') << "10";
        QTest::newRow("domain") << kCode << false << QStringLiteral("abcde") << "4";
        // char(n): the server cuts trailing spaces past the limit without a word.
        QTest::newRow("char trailing spaces") << kFixed << false << QStringLiteral("ab   ") << "3";
    }

    void typedTextLongerThanTheLimitIsRefused()
    {
        QFETCH(int, column);
        QFETCH(bool, paste);
        QFETCH(QString, text);
        QFETCH(QString, limit);
        Fixture f;
        QVERIFY(f.open());
        EntityModel *model = f.view.model();
        const QModelIndex cell = f.cell(column);
        const QString before = model->data(cell, Qt::EditRole).toString();
        f.view.grid()->setCurrentIndex(cell);
        f.view.grid()->edit(cell);
        QLineEdit *editor = openEditor<QLineEdit>(f.view);
        QVERIFY(editor);
        editor->selectAll();
        if (paste)
            editor->insert(text);
        else
            QTest::keyClicks(editor, text);
        QCOMPARE(editor->text(), text); // all of it: nothing cut while typing
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editorOpen(f.view));
        const QString length = QString::number(text.size());
        for (const QString &said : {editor->toolTip(), f.status()}) {
            QVERIFY2(said.contains(limit) && said.contains(length), qPrintable(said));
            QVERIFY2(said.contains(model->table().columns[column].name), qPrintable(said));
        }
        QCOMPARE(model->pendingChangeCount(), 0);
        // Leaving the editor does not stage it either.
        f.view.filterBar()->setFocus();
        QTRY_VERIFY(!editorOpen(f.view));
        QCOMPARE(model->pendingChangeCount(), 0);
        QCOMPARE(model->data(cell, Qt::EditRole).toString(), before);
        // The model refuses it as well (paste, callers).
        QVERIFY(!model->setData(cell, text));
        QCOMPARE(model->pendingChangeCount(), 0);
    }

    // varchar(300) gets the multi-line editor: Enter refuses 301 characters there too.
    void multiLineEditorRefusesToo()
    {
        Fixture f;
        QVERIFY(f.open());
        EntityModel *model = f.view.model();
        const QModelIndex cell = f.cell(kNote);
        f.view.grid()->setCurrentIndex(cell);
        f.view.grid()->edit(cell);
        auto *editor = openEditor<QPlainTextEdit>(f.view);
        QVERIFY(editor);
        editor->selectAll();
        editor->insertPlainText(QString(301, u'n'));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->isVisible());
        QVERIFY2(f.status().contains(QStringLiteral("300"))
                     && f.status().contains(QStringLiteral("301")),
                 qPrintable(f.status()));
        QCOMPARE(model->pendingChangeCount(), 0);
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editorOpen(f.view));
        QCOMPARE(model->pendingChangeCount(), 0);
    }

    // PostgreSQL counts characters, not UTF-16 units: ten emoji fit varchar(10) (the editor's
    // maximum length counted units and cut them to five). Saved whole.
    void charactersAreCountedAsTheServerCounts()
    {
        Fixture f;
        QVERIFY(f.open());
        EntityModel *model = f.view.model();
        const QModelIndex cell = f.cell(kName);
        QString emoji;
        for (int i = 0; i < 10; ++i)
            emoji += QString::fromUcs4(U"\U0001F600");
        f.view.grid()->setCurrentIndex(cell);
        f.view.grid()->edit(cell);
        QLineEdit *editor = openEditor<QLineEdit>(f.view);
        QVERIFY(editor);
        editor->selectAll();
        editor->insert(emoji);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editorOpen(f.view));
        QCOMPARE(model->data(cell, Qt::EditRole).toString(), emoji);
        f.view.saveAction()->trigger();
        auto *preview = f.view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QSignalSpy saved(model, &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QCOMPARE(f.db.scalar("SELECT char_length(name)::text FROM t WHERE id = 1"),
                 QStringLiteral("10"));
    }

    // The row form: refused with the limit and the length, nothing staged.
    void rowFormRefuses()
    {
        Fixture f;
        QVERIFY(f.open());
        f.view.grid()->setCurrentIndex(f.cell(kName));
        auto *value = f.view.details()->findChild<QLineEdit *>(QStringLiteral("value_name"));
        QVERIFY(value);
        QTRY_COMPARE(value->text(), QStringLiteral("ten"));
        value->setText(QString(260, u'r'));
        value->setModified(true);
        emit value->editingFinished();
        QCOMPARE(f.view.model()->pendingChangeCount(), 0);
        QVERIFY2(f.status().contains(QStringLiteral("10"))
                     && f.status().contains(QStringLiteral("260")),
                 qPrintable(f.status()));
        QVERIFY2(value->toolTip().contains(QStringLiteral("260")), qPrintable(value->toolTip()));
        value->setText(QStringLiteral("0123456789"));
        value->setModified(true);
        emit value->editingFinished();
        QCOMPARE(f.view.model()->pendingChangeCount(), 1);
    }

    // The save preview shows every value whole (it cut them at 200 characters), and what is
    // saved is what it showed.
    void savePreviewShowsWholeValues()
    {
        Fixture f;
        QVERIFY(f.open());
        EntityModel *model = f.view.model();
        QString note;
        for (int i = 0; i < 30; ++i)
            note += QStringLiteral("word%1 ").arg(i, 4, 10, QLatin1Char('0'));
        note = note.left(299) + u'Z';
        QString body = QString(5000, u'b') + QStringLiteral("END");
        QVERIFY(model->setData(f.cell(kNote), note));
        QVERIFY(model->setData(f.cell(kBody), body));
        f.view.saveAction()->trigger();
        auto *preview = f.view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QVERIFY2(preview->sql().contains(u'\'' + note + u'\''),
                 qPrintable(preview->sql().left(2000)));
        QVERIFY(preview->sql().contains(u'\'' + body + u'\''));
        QSignalSpy saved(model, &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QCOMPARE(f.db.scalar("SELECT note FROM t WHERE id = 1"), note);
        QCOMPARE(f.db.scalar("SELECT body FROM t WHERE id = 1"), body);
    }

    // A cell shows a long value cut at its edge; its tool tip holds the whole value. A short
    // value that fits has none.
    void cutCellsHaveTheWholeValueInTheirToolTip()
    {
        Fixture f;
        QVERIFY(f.open());
        EntityModel *model = f.view.model();
        const QString note = QString(150, u'n') + QStringLiteral("\nsecond line");
        QVERIFY(model->setData(f.cell(kNote), note));
        QTableView *grid = f.view.grid();
        grid->setColumnWidth(kNote, 80);
        auto *delegate = qobject_cast<CellDelegate *>(grid->itemDelegate());
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(grid);
        option.widget = grid;
        option.rect = grid->visualRect(f.cell(kNote));
        QCOMPARE(delegate->toolTipFor(f.cell(kNote), option), note);
        grid->setColumnWidth(kFixed, 300);
        option.rect = grid->visualRect(f.cell(kFixed));
        QCOMPARE(delegate->toolTipFor(f.cell(kFixed), option), QString());
    }
};

QTEST_MAIN(TestEntitiesTextLimits)
#include "tst_entitiestextlimits.moc"
