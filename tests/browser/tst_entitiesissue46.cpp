// Issue 46, point 6 (Entities view): a delete the server would refuse through a NO ACTION or
// RESTRICT foreign key is said in the save preview and not offered; JSON, array and bytea
// values the server would refuse are refused where they are typed, naming the column, and stay
// in their editor; Set NULL and the other edit actions are disabled, with the reason, where
// they cannot work (a role without the privilege, a read-only profile); JSON is laid out
// without rounding its numbers. Against the sandbox, with the real EntitiesView.
#include "approle.h"
#include "browse/entitymodel.h"
#include "browse/jsonsyntax.h"
#include "browse/valuesyntax.h"
#include "browser/entitiesview.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browsetestutil.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kParents = R"sql(
CREATE TABLE parent (id int PRIMARY KEY, name text);
CREATE TABLE kid (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE NO ACTION);
CREATE TABLE pinned (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE RESTRICT);
CREATE TABLE later (id int PRIMARY KEY, parent_id int REFERENCES parent
                    DEFERRABLE INITIALLY DEFERRED);
INSERT INTO parent VALUES (1, 'two kids'), (2, 'pinned'), (3, 'deferred'), (4, 'free');
INSERT INTO kid VALUES (1, 1), (2, 1);
INSERT INTO pinned VALUES (1, 2);
INSERT INTO later VALUES (1, 3);
CREATE TABLE "%COLUMNS%x"" ;" ("%REFCOLUMNS%" int PRIMARY KEY,
                                "p%KEY%"", ;" int REFERENCES parent ON DELETE NO ACTION);
INSERT INTO parent VALUES (5, 'marks');
INSERT INTO "%COLUMNS%x"" ;" VALUES (1, 5), (2, 5), (3, 5);
)sql";

const QByteArray kDocs = R"sql(
CREATE TABLE docs (id int PRIMARY KEY, body jsonb, tags text[], data bytea, note text);
INSERT INTO docs VALUES (1, '{"a": 1}', '{x}', '\x00', 'n');
)sql";

int rowOf(EntitiesView &view, int id)
{
    for (int r = 0; r < view.model()->rowCount(); ++r)
        if (view.model()->data(view.model()->index(r, 0), Qt::EditRole).toInt() == id)
            return r;
    return -1;
}

// Stages the delete of parent id and opens the save preview, once it is counted.
SavePreviewDialog *previewDeleteOf(EntitiesView &view, int id)
{
    const int row = rowOf(view, id);
    if (row < 0)
        return nullptr;
    view.model()->deleteRows({row});
    view.saveAction()->trigger();
    SavePreviewDialog *preview = view.findChild<SavePreviewDialog *>();
    if (!preview)
        return nullptr;
    return QTest::qWaitFor([preview] { return !preview->isCounting(); }, 20000) ? preview : nullptr;
}

QLineEdit *field(EntitiesView &view, const char *column)
{
    return view.details()->findChild<QLineEdit *>(QStringLiteral("value_") + QLatin1String(column));
}

// Types text into the row form's field of column and leaves it.
void type(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    edit->setModified(true);
    emit edit->editingFinished();
}

SessionSpec specAs(const TestDatabase &db, const AppRole &role)
{
    ConnectionProfile profile = db.profile();
    profile.user = role.name;
    return SessionSpec::from(profile, QString(), QStringLiteral("test"));
}

} // namespace

class TestEntitiesIssue46 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // NO ACTION, RESTRICT and a deferred NO ACTION: the preview says the delete will fail, with
    // the referencing rows counted and the foreign key named; Save stays disabled; nothing is
    // sent. A row nobody references is deleted as before.
    void deleteOfReferencedRowIsRefused_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("said");
        QTest::newRow("no action")
            << 1
            << "Row (id)=(1): the delete will fail: 2 row(s) in public.kid reference it "
               "(foreign key kid_parent_id_fkey, ON DELETE NO ACTION).";
        QTest::newRow("restrict")
            << 2
            << "Row (id)=(2): the delete will fail: 1 row(s) in public.pinned reference it "
               "(foreign key pinned_parent_id_fkey, ON DELETE RESTRICT).";
        // Names holding the count's own %NAME% marks, quotes and ';' (filled in one pass).
        // Names holding the count's own %NAME% marks, quotes and ';': counted all the same
        // (the marks are filled in one pass; filled one after another, the count failed).
        QTest::newRow("marks in names")
            << 5 << "Row (id)=(5): the delete will fail: 3 row(s) in public.";
        QTest::newRow("deferred")
            << 3
            << "Row (id)=(3): the delete will fail: 1 row(s) in public.later reference it "
               "(foreign key later_parent_id_fkey, ON DELETE NO ACTION).";
    }

    void deleteOfReferencedRowIsRefused()
    {
        QFETCH(int, id);
        QFETCH(QString, said);
        TestDatabase db;
        QVERIFY(db.witness().execScript(kParents).ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "parent"));
        SavePreviewDialog *preview = previewDeleteOf(view, id);
        QVERIFY(preview);
        const QString text = preview->cascadeText();
        QVERIFY2(text.contains(said), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("at least")), qPrintable(text));
        QVERIFY(preview->isRefused());
        QVERIFY(!preview->saveButton()->isEnabled());
        preview->accept(); // refused: nothing happens
        QVERIFY(preview->isVisible());
        QVERIFY(!view.model()->isSaving());
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM parent"), QStringLiteral("5"));
        preview->reject();
    }

    void deleteOfFreeRowIsOffered()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kParents).ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "parent"));
        SavePreviewDialog *preview = previewDeleteOf(view, 4);
        QVERIFY(preview);
        QVERIFY(!preview->isRefused());
        QVERIFY(preview->saveButton()->isEnabled());
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY(saved.first().first().value<SaveResult>().ok);
        QCOMPARE(db.scalar("SELECT count(*) FROM parent"), QStringLiteral("4"));
    }

    // Invalid JSON, array and bytea typed in the row form: refused at once naming table.column
    // and what is wrong; the text stays in the field (also when another field of the row is
    // then changed); corrected, it is staged and saved as typed.
    void rowFormRefusesInvalidLiterals()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kDocs).ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "docs"));
        view.grid()->setCurrentIndex(view.model()->index(0, 1));
        QLineEdit *body = field(view, "body");
        QLineEdit *tags = field(view, "tags");
        QLineEdit *data = field(view, "data");
        QVERIFY(body && tags && data);
        QTRY_COMPARE(tags->text(), QStringLiteral("{x}"));
        const struct
        {
            QLineEdit *edit;
            QString text;
            QString said;
        } bad[] = {
            {body, QStringLiteral("{\"a\": }"), QStringLiteral("public.docs.body: not valid JSON")},
            {tags, QStringLiteral("{unclosed"),
             QStringLiteral("public.docs.tags: not a valid array literal")},
            {data, QStringLiteral("\\xZZ"), QStringLiteral("public.docs.data: not a valid bytea")}};
        for (const auto &b : bad) {
            type(b.edit, b.text);
            QCOMPARE(view.model()->pendingChangeCount(), 0);
            QVERIFY2(view.statusLabel()->text().contains(b.said),
                     qPrintable(view.statusLabel()->text()));
            QVERIFY2(b.edit->toolTip().contains(b.said), qPrintable(b.edit->toolTip()));
            QCOMPARE(b.edit->text(), b.text); // nothing lost
        }
        type(field(view, "note"), QStringLiteral("changed"));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QCOMPARE(tags->text(), QStringLiteral("{unclosed")); // still there after the refresh
        type(body, QStringLiteral("{\"n\": 12345678901234567890, \"x\": 0.10000000000000000555}"));
        type(tags, QStringLiteral("{\"a b\",NULL,\"c\\\"d\"}"));
        type(data, QStringLiteral("\\x00ff"));
        QVERIFY2(body->toolTip().isEmpty() && tags->toolTip().isEmpty(),
                 qPrintable(tags->toolTip()));
        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY(saved.first().first().value<SaveResult>().ok);
        QCOMPARE(db.scalar("SELECT body->>'n' || ' ' || (body->>'x') FROM docs"),
                 QStringLiteral("12345678901234567890 0.10000000000000000555"));
        QCOMPARE(db.scalar("SELECT array_to_string(tags, '|', '<null>') FROM docs"),
                 QStringLiteral("a b|<null>|c\"d"));
        QCOMPARE(db.scalar("SELECT encode(data, 'hex') FROM docs"), QStringLiteral("00ff"));
    }

    // The grid's multi-line editor keeps an invalid array open with the reason; the model
    // refuses it too (paste, callers).
    void gridEditorKeepsInvalidValueOpen()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kDocs).ok());
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "docs"));
        const QModelIndex cell = view.model()->index(0, 2);
        view.grid()->setCurrentIndex(cell);
        view.grid()->edit(cell);
        QPlainTextEdit *editor = nullptr;
        QTRY_VERIFY((editor = view.grid()->findChild<QPlainTextEdit *>()) && editor->isVisible());
        editor->selectAll();
        editor->insertPlainText(QStringLiteral("{1,{2}}"));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->toPlainText(), QStringLiteral("{1,{2}}"));
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("public.docs.tags")),
                 qPrintable(view.statusLabel()->text()));
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!view.model()->setData(cell, QStringLiteral("{unclosed")));
        QCOMPARE(view.model()->pendingChangeCount(), 0);
    }

    // A role that may only SELECT: Set NULL, Delete, Insert and Duplicate disabled, each
    // saying why; the row form's fields are read-only and say why too.
    void readOnlyTableDisablesEditActions()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kDocs).ok());
        AppRole role(db, QStringLiteral("SELECT"));
        EntitiesView view;
        view.show();
        view.setTarget(specAs(db, role));
        QVERIFY(openInView(view, "public", "docs"));
        view.grid()->setCurrentIndex(view.model()->index(0, 4));
        view.grid()->selectionModel()->select(view.model()->index(0, 4),
                                              QItemSelectionModel::ClearAndSelect);
        for (QAction *a : {view.setNullAction(), view.deleteAction(), view.insertAction(),
                           view.duplicateAction()}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("no privilege"))
                         && a->toolTip().contains(role.name),
                     qPrintable(a->toolTip()));
        }
        QVERIFY2(view.setNullAction()->toolTip().contains(QStringLiteral("UPDATE")),
                 qPrintable(view.setNullAction()->toolTip()));
        QVERIFY2(view.insertAction()->toolTip().contains(QStringLiteral("INSERT")),
                 qPrintable(view.insertAction()->toolTip()));
        QLineEdit *note = field(view, "note");
        QVERIFY(note);
        QTRY_COMPARE(note->text(), QStringLiteral("n"));
        QVERIFY(note->isReadOnly());
        QVERIFY2(note->toolTip().contains(QStringLiteral("no privilege")),
                 qPrintable(note->toolTip()));
        view.setNullAction()->trigger();
        QCOMPARE(view.model()->pendingChangeCount(), 0);
    }

    // UPDATE granted on one column: Set NULL works there and is disabled elsewhere, naming the
    // column; a read-only profile disables it with the profile's reason.
    void setNullFollowsColumnPrivilegeAndProfile()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript(kDocs).ok());
        AppRole role(db, QStringLiteral("SELECT, UPDATE (note)"));
        EntitiesView view;
        view.show();
        view.setTarget(specAs(db, role));
        QVERIFY(openInView(view, "public", "docs"));
        QItemSelectionModel *selection = view.grid()->selectionModel();
        selection->setCurrentIndex(view.model()->index(0, 3), QItemSelectionModel::ClearAndSelect);
        QVERIFY(!view.setNullAction()->isEnabled());
        QVERIFY2(view.setNullAction()->toolTip().contains(QStringLiteral("public.docs.data")),
                 qPrintable(view.setNullAction()->toolTip()));
        selection->setCurrentIndex(view.model()->index(0, 4), QItemSelectionModel::ClearAndSelect);
        QVERIFY(view.setNullAction()->isEnabled());
        view.setNullAction()->trigger();
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        view.model()->revertAll();

        EntitiesView readOnly;
        readOnly.show();
        readOnly.setTarget(specOf(db, true));
        QVERIFY(openInView(readOnly, "public", "docs"));
        readOnly.grid()->selectionModel()->setCurrentIndex(readOnly.model()->index(0, 4),
                                                           QItemSelectionModel::ClearAndSelect);
        QVERIFY(!readOnly.setNullAction()->isEnabled());
        QVERIFY2(readOnly.setNullAction()->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(readOnly.setNullAction()->toolTip()));
    }

    void literalSyntax()
    {
        ColumnInfo bytea;
        bytea.kind = ColumnInfo::Kind::Other;
        bytea.baseType = QStringLiteral("bytea");
        for (const char *ok : {"\\x", "\\x00ff", "\\x00 ff\n0A", "plain", "a\\\\b", "\\001\\377"})
            QVERIFY2(ValueSyntax::problem(QString::fromUtf8(ok), bytea).isEmpty(), ok);
        for (const char *bad : {"\\xZZ", "\\x0", "\\x0 0", "\\400", "a\\b", "\\12"})
            QVERIFY2(!ValueSyntax::problem(QString::fromUtf8(bad), bytea).isEmpty(), bad);
        for (const char *ok : {"{}", "{1,2}", "{{1,2},{3,4}}", " { a b , NULL } ",
                               "{\"{\",\"}\",\"\\\"\"}", "[0:1]={1,2}", "{a\\,b}"})
            QVERIFY2(ValueSyntax::arrayProblem(QString::fromUtf8(ok)).isEmpty(), ok);
        for (const char *bad : {"{unclosed", "{1,,2}", "{1,{2}}", "{{1},{2,3}}", "{\"a}", "{a\"b}",
                                "{1} x", "1,2", "{{{{{{{1}}}}}}}", "{,}"})
            QVERIFY2(!ValueSyntax::arrayProblem(QString::fromUtf8(bad)).isEmpty(), bad);
        for (const char *ok :
             {"1", "-0.5e+3", "\"\\ud83d\\ude00\"", "[]", "{\"a\":[1,{}]}", " null "})
            QVERIFY2(JsonSyntax::problem(QString::fromUtf8(ok)).isEmpty(), ok);
        for (const char *bad : {"", "{a: 1}", "01", "1.", "[1,]", "\"\\ud83d\"", "\"a\nb\"",
                                "{\"a\" 1}", "[1] 2", "tru"})
            QVERIFY2(!JsonSyntax::problem(QString::fromUtf8(bad)).isEmpty(), bad);
        QVERIFY(!JsonSyntax::problem(QStringLiteral("\"\\u0000\""), true).isEmpty());
        // laid out token by token: no number rounded, strings as written
        QCOMPARE(JsonSyntax::pretty(QStringLiteral("{\"n\":12345678901234567890,\"e\":[],"
                                                   "\"s\":\"a, b: {\\\"\"}")),
                 QStringLiteral("{\n    \"n\": 12345678901234567890,\n    \"e\": [],\n    \"s\": "
                                "\"a, b: {\\\"\"\n}"));
    }
};

QTEST_MAIN(TestEntitiesIssue46)
#include "tst_entitiesissue46.moc"
