// Issue 21, point 16 in the Entities view: the first page of a table is shown before its
// constraints, defaults and sortability are read; what the view shows and allows in between,
// against the real sandbox (QT_QPA_PLATFORM=offscreen).
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browser/rowdetailpanel.h"
#include "browsetestutil.h"
#include "testdatabase.h"

#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestEntitiesFirstPage : public QObject
{
    Q_OBJECT

private slots:
    // Issue 21, point 16: a row chosen while the table's constraints are still being read
    // (the first page comes before them) stays in the row panel when they arrive, and its
    // values become editable then (the screenshot showed "No row selected." beside a
    // selected row).
    void aRowChosenBeforeTheDetailsStaysInThePanel()
    {
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript("CREATE TABLE names (id int PRIMARY KEY, name varchar(80));"
                            "INSERT INTO names SELECT g, 'n' || g FROM generate_series(1, 30) g")
                .ok());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specOf(db));
        bool readOnlyBefore = false;
        // the first page's rows are in (they come right after tableOpened)
        connect(view.model(), &QAbstractItemModel::rowsInserted, this, [&] {
            if (!view.model()->loader()->detailsPending() || view.model()->rowCount() < 2)
                return;
            view.grid()->setCurrentIndex(view.model()->index(1, 1));
            auto *edit = view.details()->findChild<QLineEdit *>(QStringLiteral("value_id"));
            readOnlyBefore = edit && edit->isReadOnly();
        });
        QSignalSpy details(view.model(), &EntityModel::tableDetailsLoaded);
        view.openTable(QStringLiteral("public"), QStringLiteral("names"));
        QVERIFY(details.wait(20000));
        QVERIFY(readOnlyBefore);
        QCOMPARE(view.details()->row(), 1);
        auto *edit = view.details()->findChild<QLineEdit *>(QStringLiteral("value_id"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("2"));
        QVERIFY(!edit->isReadOnly());
    }
};

QTEST_MAIN(TestEntitiesFirstPage)
#include "tst_entitiesfirstpage.moc"
