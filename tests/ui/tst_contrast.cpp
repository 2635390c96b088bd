// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// Issue 34, point 6: the connection bar's production band and every state colour meet WCAG's
// 4.5:1 contrast against what they are drawn on, computed here with WCAG 2's formula (written
// independently of the code under test), in a light and a dark palette; and read-only
// profiles are marked in the profile list as production ones are. The production band's
// profile switcher was white text on a white box.
#include "connections/connectionbar.h"
#include "ledger/migrationstate.h"
#include "widgets/statestyle.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QStyleFactory>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace uaip;

namespace {

constexpr double kMin = 4.5;

double luminance(const QColor &c)
{
    auto lin
        = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * lin(rgb.redF()) + 0.7152 * lin(rgb.greenF()) + 0.0722 * lin(rgb.blueF());
}

double ratio(const QColor &a, const QColor &b)
{
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7f, 0x7f, 0x7f));
    return p;
}

QString describe(const QColor &fg, const QColor &bg)
{
    return QStringLiteral("%1 on %2: %3:1").arg(fg.name(), bg.name()).arg(ratio(fg, bg), 0, 'f', 2);
}

} // namespace

class TestContrast : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    void cleanup() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void stateColours_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    // Every state text colour on every background it is drawn on: the palette's Base,
    // AlternateBase and Window, and the state backgrounds of cells and rows; the palette's Text
    // on the state backgrounds.
    void stateColours()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        const QPalette pal = QApplication::palette();
        const QList<std::pair<const char *, QColor>> texts{
            {"danger", StateStyle::danger()},
            {"warning", StateStyle::warning()},
            {"success", StateStyle::success()},
            {"muted", StateStyle::muted()},
            {"applied", StateStyle::foreground(MigrationState::Applied).color()},
            {"pending", StateStyle::foreground(MigrationState::Pending).color()},
            {"modified", StateStyle::foreground(MigrationState::Modified).color()},
            {"missing", StateStyle::foreground(MigrationState::Missing).color()},
            {"failed", StateStyle::foreground(MigrationState::Failed).color()},
        };
        const QList<std::pair<const char *, QColor>> backgrounds{
            {"Base", pal.color(QPalette::Base)},
            {"AlternateBase", pal.color(QPalette::AlternateBase)},
            {"Window", pal.color(QPalette::Window)},
            {"error cell", StateStyle::cellBackground(StateStyle::Cell::Error)},
            {"modified cell", StateStyle::cellBackground(StateStyle::Cell::Modified)},
            {"inserted cell", StateStyle::cellBackground(StateStyle::Cell::Inserted)},
            {"deleted cell", StateStyle::cellBackground(StateStyle::Cell::Deleted)},
            {"highlighted row", StateStyle::highlightBackground()},
        };
        for (const auto &[bgName, bg] : backgrounds) {
            for (const auto &[name, fg] : texts)
                QVERIFY2(
                    ratio(fg, bg) >= kMin,
                    qPrintable(
                        QStringLiteral("%1 on %2: ").arg(QLatin1String(name), QLatin1String(bgName))
                        + describe(fg, bg)));
            QVERIFY2(ratio(pal.color(QPalette::Text), bg) >= kMin,
                     qPrintable(describe(pal.color(QPalette::Text), bg)));
        }
    }

    // The band of a production profile (the default red, or the colour the profile chose):
    // the bar's text, its flat tool buttons' text on the band, and the profile switcher's own
    // box (its text on its button colour and base) all read.
    void connectionBarBand_data()
    {
        QTest::addColumn<QString>("color");
        QTest::addColumn<bool>("dark");
        for (const bool dark : {false, true})
            for (const char *c : {"", "#c01c28", "#ffd700", "#808080", "#767676", "#3465a4",
                                  "#00ff00", "#ffffff", "#000000"})
                QTest::addRow("%s %s", *c ? c : "production red", dark ? "dark" : "light")
                    << QString::fromLatin1(c) << dark;
    }

    void connectionBarBand()
    {
        QFETCH(QString, color);
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        QWidget window;
        ConnectionBar bar(&window);
        bar.addActions({new QAction(QStringLiteral("Edit profiles"), &bar)});
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.host = QStringLiteral("db.example");
        p.database = QStringLiteral("uaip");
        p.user = QStringLiteral("admin");
        p.production = true;
        p.color = color;
        bar.setProfiles({p}, p.name);
        bar.setCurrent(p, QStringLiteral("connected"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QColor band = bar.palette().color(QPalette::Window);
        QVERIFY2(ratio(bar.palette().color(QPalette::WindowText), band) >= kMin,
                 qPrintable(describe(bar.palette().color(QPalette::WindowText), band)));
        for (auto *label : bar.findChildren<QLabel *>())
            QVERIFY2(ratio(label->palette().color(QPalette::WindowText), band) >= kMin,
                     qPrintable(label->text() + u' '
                                + describe(label->palette().color(QPalette::WindowText), band)));
        for (auto *button : bar.findChildren<QToolButton *>())
            QVERIFY2(ratio(button->palette().color(QPalette::ButtonText), band) >= kMin,
                     qPrintable(describe(button->palette().color(QPalette::ButtonText), band)));
        const QPalette box = bar.switcher()->palette();
        QVERIFY2(
            ratio(box.color(QPalette::ButtonText), box.color(QPalette::Button)) >= kMin,
            qPrintable(QStringLiteral("switcher: ")
                       + describe(box.color(QPalette::ButtonText), box.color(QPalette::Button))));
        QVERIFY2(ratio(box.color(QPalette::Text), box.color(QPalette::Base)) >= kMin,
                 qPrintable(describe(box.color(QPalette::Text), box.color(QPalette::Base))));
        // What the switcher's box shows, painted: its text pixels differ from its background.
        const QImage image = bar.switcher()->grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        bool readable = false;
        for (const QRgb a : colours)
            if (ratio(QColor(a), box.color(QPalette::Button)) >= kMin)
                readable = true;
        QVERIFY2(readable, "the switcher paints nothing that stands out from its box");
    }

    // Read-only profiles are marked in the switcher's list, as production ones are.
    void readOnlyProfilesAreMarked()
    {
        QWidget window;
        ConnectionBar bar(&window);
        ConnectionProfile plain, ro, prod, both;
        plain.name = QStringLiteral("dev");
        ro.name = QStringLiteral("reporting");
        ro.readOnly = true;
        prod.name = QStringLiteral("live");
        prod.production = true;
        both.name = QStringLiteral("live replica");
        both.production = true;
        both.readOnly = true;
        bar.setProfiles({plain, ro, prod, both}, plain.name);
        QComboBox *list = bar.switcher();
        QCOMPARE(list->itemText(0), QStringLiteral("dev"));
        QVERIFY2(list->itemText(1).contains(QStringLiteral("read-only")),
                 qPrintable(list->itemText(1)));
        QVERIFY2(list->itemText(2).contains(QStringLiteral("production")),
                 qPrintable(list->itemText(2)));
        QVERIFY2(list->itemText(3).contains(QStringLiteral("production"))
                     && list->itemText(3).contains(QStringLiteral("read-only")),
                 qPrintable(list->itemText(3)));
        QCOMPARE(list->itemData(1).toString(), QStringLiteral("reporting"));
    }
};

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
