// Issue 21, point 11: the window never resizes itself (on a 1280x800 screen, at 1280x800 and at
// 1024x700, in English and German, through every view with real content: migrations applied,
// a platform table with foreign keys open and a row selected, charts drawn); the Entities grid
// gets the room; the row panel's foreign-key buttons lie inside the panel; the table tree shows
// the table names whole.
#include "analytics/analyticsview.h"
#include "browse/entitymodel.h"
#include "browse/pageloader.h"
#include "browser/entitiesview.h"
#include "browser/rowdetailpanel.h"
#include "browser/tabletree.h"
#include "connections/connectionbar.h"
#include "i18n/translations.h"
#include "layoutsettle.h"
#include "metricsdatabase.h"
#include "migrations/migrationsview.h"
#include "offscreenscreen.h"
#include "prompts/promptsview.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWidgetAction>

using namespace uaip;

namespace {

constexpr int kScreenWidth = 1280;
constexpr int kScreenHeight = 800;

// The widgets whose minimum width is larger than the room they have: what widens a window.
QString tooWide(QWidget *root)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->parentWidget())
            continue;
        const int minimum = qMax(w->minimumWidth(), w->minimumSizeHint().width());
        if (minimum > w->parentWidget()->width() && w->parentWidget()->isVisible())
            out << QStringLiteral("%1 (%2) min %3 in %4")
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                       .arg(minimum)
                       .arg(w->parentWidget()->width());
    }
    return out.mid(0, 12).join(u"; ");
}

bool waitLoaded(EntityModel *model)
{
    return QTest::qWaitFor(
        [model] {
            return !model->loader()->isLoading() && model->rowCount() > 0
                && model->data(model->index(0, 0), EntityModel::LoadedRole).toBool();
        },
        30000);
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

    struct Fixture : test::MetricsDatabase
    {
        Fixture()
            : MetricsDatabase(QStringLiteral("tst_windowlayout"), "ANALYZE")
        { }
        SessionSpec spec() const { return SessionSpec::from(db.profile(), QString(), "test"); }
    };

    // A window on the fixture (the demo data, analysed as after a demo load: the tree shows
    // row estimates), every view connected and loaded, at width x height.
    static bool open(MainWindow &window, Fixture &f, int width, int height)
    {
        window.resize(width, height);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        QSignalSpy tables(window.entitiesView(), &EntitiesView::tablesLoaded);
        QSignalSpy charts(window.analyticsView(), &AnalyticsView::refreshFinished);
        window.migrationsView()->setTarget(f.spec());
        window.entitiesView()->setTarget(f.spec());
        window.promptsView()->setTarget(f.spec());
        window.analyticsView()->setTarget(f.spec());
        return (refreshed.count() > 0 || refreshed.wait(30000))
            && (tables.count() > 0 || tables.wait(30000))
            && (charts.count() > 0 || charts.wait(60000));
    }

    // personas (referenced by many tables: a foreign-key button for each), row 1 selected.
    static bool openPersonas(MainWindow &window)
    {
        EntitiesView *view = window.entitiesView();
        window.showView(MainWindow::Entities);
        view->openTable(QStringLiteral("public"), QStringLiteral("personas"));
        if (!waitLoaded(view->model()))
            return false;
        view->grid()->selectRow(0);
        view->grid()->setCurrentIndex(view->model()->index(0, 1));
        return QTest::qWaitFor([view] { return view->details()->row() == 0; }, 5000);
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(),
                 QSize(kScreenWidth, kScreenHeight));
        qRegisterMetaType<QList<ColumnFilter>>();
    }

    void init() { QSettings().clear(); }

    void cleanupTestCase()
    {
        QSettings().clear();
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void widthStays_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::newRow("en 1280x800") << QStringLiteral("en") << QSize(1280, 800);
        QTest::newRow("en 1024x700") << QStringLiteral("en") << QSize(1024, 700);
        QTest::newRow("de 1280x800") << QStringLiteral("de") << QSize(1280, 800);
        QTest::newRow("de 1024x700") << QStringLiteral("de") << QSize(1024, 700);
    }

    // 11 (a): every view, with its content, fits the window's width; the window keeps it.
    void widthStays()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        Translations::install(QLocale(language));
        Fixture f;
        MainWindow window(MainWindow::Options{});
        QVERIFY(open(window, f, size.width(), size.height()));
        QVERIFY2(window.width() == size.width(),
                 qPrintable(QStringLiteral("window %1 wide after connecting, was %2: %3")
                                .arg(window.width())
                                .arg(size.width())
                                .arg(tooWide(&window))));
        const MainWindow::View order[]
            = {MainWindow::Migrations, MainWindow::Entities, MainWindow::Prompts,
               MainWindow::Analytics, MainWindow::Migrations};
        for (MainWindow::View v : order) {
            if (v == MainWindow::Entities)
                QVERIFY(openPersonas(window));
            else
                window.showView(v);
            test::settleLayouts();
            qInfo("%s: window %d, its minimum %d; the connection bar's %d, the views' %d %d %d %d",
                  qPrintable(MainWindow::viewKey(v)), window.width(),
                  window.minimumSizeHint().width(),
                  window.connectionBar()->minimumSizeHint().width(),
                  window.migrationsView()->minimumSizeHint().width(),
                  window.entitiesView()->minimumSizeHint().width(),
                  window.promptsView()->minimumSizeHint().width(),
                  window.analyticsView()->minimumSizeHint().width());
            QVERIFY2(window.width() == size.width()
                         && window.minimumSizeHint().width() <= size.width(),
                     qPrintable(QStringLiteral("%1: window %2 wide (minimum %3), was %4: %5")
                                    .arg(MainWindow::viewKey(v))
                                    .arg(window.width())
                                    .arg(window.minimumSizeHint().width())
                                    .arg(size.width())
                                    .arg(tooWide(&window))));
        }
        window.close(); // saves the geometry: the size it was given
        QCOMPARE(window.width(), size.width());
    }

    void migrationsToolBar_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    // 12: at 1280x800 every Migrations tool bar button shows its label (the German ones too),
    // none is behind the overflow button.
    void migrationsToolBar()
    {
        QFETCH(QString, language);
        Translations::install(QLocale(language));
        Fixture f;
        MainWindow window(MainWindow::Options{});
        QVERIFY(open(window, f, kScreenWidth, kScreenHeight));
        window.showView(MainWindow::Migrations);
        test::settleLayouts();
        auto *bar = window.migrationsView()->findChild<QToolBar *>();
        QVERIFY(bar);
        QStringList problems;
        for (QAction *a : bar->actions()) {
            if (a->isSeparator() || qobject_cast<QWidgetAction *>(a))
                continue;
            auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(a));
            if (!button || !button->isVisible())
                problems << QStringLiteral("%1: not shown").arg(a->iconText());
            else if (button->toolButtonStyle() == Qt::ToolButtonIconOnly
                     || button->text().isEmpty())
                problems << QStringLiteral("%1: icon only").arg(a->iconText());
            else if (!bar->rect().contains(QRect(button->mapTo(bar, QPoint(0, 0)), button->size())))
                problems << QStringLiteral("%1: outside the tool bar").arg(a->iconText());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; ")));
    }

    void entitiesLayout_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    // 11 (b, d), 12: at 1280x800 the grid gets most of the width, the tree shows every table
    // name whole, the foreign-key buttons lie inside the row panel.
    void entitiesLayout()
    {
        QFETCH(QString, language);
        Translations::install(QLocale(language));
        Fixture f;
        MainWindow window(MainWindow::Options{});
        QVERIFY(open(window, f, kScreenWidth, kScreenHeight));
        QVERIFY(openPersonas(window));
        EntitiesView *view = window.entitiesView();
        test::settleLayouts();

        const double share = double(view->grid()->width()) / view->width();
        qInfo("grid %d of the view's %d px (%.0f %%), tree %d (names %d, rows %d), row panel %d",
              view->grid()->width(), view->width(), share * 100, view->tree()->width(),
              view->tree()->columnWidth(0), view->tree()->columnWidth(1), view->details()->width());
        // Every finding is collected, so one run names all of them.
        QStringList problems;
        // Before: 44 % (tree 318, row panel 288 px). Not more than about 57 %: the tree shows
        // the longest platform name whole (ai_prompt_encryption_conversions, third level), and
        // the row panel its values readable (below).
        if (share < 0.5)
            problems << QStringLiteral("the grid has %1 of %2 px")
                            .arg(view->grid()->width())
                            .arg(view->width());

        TableTree *tree = view->tree();
        QStringList cut;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            const QModelIndex index = tree->indexFromItem(*it, 0);
            const QRect cell = tree->visualRect(index);
            const int needed = tree->fontMetrics().horizontalAdvance((*it)->text(0));
            // the text's room: the cell less the style's margins on both sides
            const int margin
                = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
            if (needed > cell.width() - 2 * margin)
                cut << QStringLiteral("%1 (%2 > %3)")
                           .arg((*it)->text(0))
                           .arg(needed)
                           .arg(cell.width() - 2 * margin);
        }
        if (!cut.isEmpty())
            problems << QStringLiteral("table names cut in the tree: ") + cut.join(u", ");

        RowDetailPanel *panel = view->details();
        // the form has line edits and check boxes; the push buttons are the foreign keys'
        const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
        QVERIFY(buttons.size() >= 3); // personas is referenced by several tables
        const QRect inside = panel->rect();
        for (QPushButton *b : buttons) {
            const QString whole = b->toolTip().isEmpty() ? b->text() : b->toolTip();
            if (!b->isVisible())
                continue;
            const QRect r(b->mapTo(panel, QPoint(0, 0)), b->size());
            if (!inside.contains(r))
                problems << QStringLiteral("%1: %2,%3 %4x%5 outside the panel's %6x%7")
                                .arg(whole)
                                .arg(r.x())
                                .arg(r.y())
                                .arg(r.width())
                                .arg(r.height())
                                .arg(inside.width())
                                .arg(inside.height());
            // shortened only when the whole text does not fit
            if (b->text() != whole && b->sizeHint().width() <= b->width())
                problems << QStringLiteral("%1: shortened although it fits").arg(whole);
        }
        // the form's values and NULL boxes inside the panel's scroll area, not cut at its edge
        auto *scroll = panel->findChild<QScrollArea *>();
        QVERIFY(scroll);
        for (QWidget *w : panel->findChildren<QWidget *>()) {
            if (!w->isVisible()
                || !(w->objectName().startsWith(QLatin1String("value_"))
                     || w->objectName().startsWith(QLatin1String("null_"))))
                continue;
            const QRect r(w->mapTo(scroll->viewport(), QPoint(0, 0)), w->size());
            if (r.left() < 0 || r.right() > scroll->viewport()->width())
                problems << QStringLiteral("%1: x %2..%3 outside the form's %4 px")
                                .arg(w->objectName())
                                .arg(r.left())
                                .arg(r.right())
                                .arg(scroll->viewport()->width());
        }
        // the values readable: at least 14 average characters wide (they showed ~7 in a row
        // panel of 144 px, inside three layouts' default margins)
        for (QLineEdit *value : panel->findChildren<QLineEdit *>()) {
            if (!value->isVisible() || !value->objectName().startsWith(QLatin1String("value_")))
                continue;
            const int chars = value->width() / value->fontMetrics().averageCharWidth();
            if (chars < 14)
                problems << QStringLiteral("%1: %2 px, ~%3 characters")
                                .arg(value->objectName())
                                .arg(value->width())
                                .arg(chars);
        }
        // and their captions readable above them: wide enough, every wrapped line shown
        for (QLabel *caption : panel->findChildren<QLabel *>()) {
            if (!caption->buddy() || !caption->isVisible())
                continue;
            if (caption->width() < caption->fontMetrics().averageCharWidth() * 8
                || caption->height() < caption->heightForWidth(caption->width()))
                problems << QStringLiteral("caption %1: %2x%3")
                                .arg(caption->text())
                                .arg(caption->width())
                                .arg(caption->height());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n")));
    }
};

int main(int argc, char *argv[])
{
    // A 1280x800 screen, settings in a folder of our own.
    return uaip::test::runOnOffscreenScreen<TestWindowLayout>(
        argc, argv, kScreenWidth, kScreenHeight, QStringLiteral("uaip-admin-windowlayout-test"));
}

#include "tst_windowlayout.moc"
