// The GUI's verify result against the real sandbox: a view re-created on the target with
// another date literal shows as a unified diff with "only literal values differ", and the
// dialog that shows it colours the removed, added and @@ lines.
#include "db/connectionprofile.h"
#include "jobs/jobmanager.h"
#include "migrations/confirmer.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "migrations/plandialog.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QApplication>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace uaip;

namespace {

// Says yes to everything and keeps the last text the view showed.
class RecordingConfirmer : public Confirmer
{
public:
    QString title;
    QString text;
    bool confirmRollback(QWidget *, const QString &, const RollbackImpact &,
                         const ConnectionProfile &, const QString &) override
    {
        return true;
    }
    bool waitForLock(QWidget *, const LockHolder &, int) override { return false; }
    QString chooseBackupFile(QWidget *, const QString &) override { return QString(); }
    void showText(QWidget *, const QString &t, const QString &body, bool) override
    {
        title = t;
        text = body;
    }
};

QString driftData()
{
    return test::TestCluster::sourceDir() + QStringLiteral("/tests/core/data/driftcli");
}

// The foreground colour of a line's highlighting, or an invalid colour when it has none.
QColor lineColour(const QPlainTextEdit *edit, const QString &line)
{
    for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text() != line)
            continue;
        const QList<QTextLayout::FormatRange> formats = b.layout()->formats();
        return formats.isEmpty() ? QColor() : formats.first().format.foreground().color();
    }
    return QColor(Qt::transparent); // not found
}

} // namespace

class TestVerifyResult : public QObject
{
    Q_OBJECT

private slots:
    void verifyShowsDriftAsColouredDiff()
    {
        test::TestDatabase db;
        JobManager jobs;
        RecordingConfirmer confirmer;
        MigrationsView view(&jobs);
        view.setConfirmer(&confirmer);
        view.setSandboxDir(test::TestCluster::sandbox().rootDir());
        QVERIFY(view.setMigrationsDir(driftData() + QStringLiteral("/migrations")));
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        view.setTarget(SessionSpec::from(profile, QString()));
        QVERIFY(refreshed.wait(30000));
        view.show();

        QSignalSpy applied(&view, &MigrationsView::runFinished);
        view.actions()->applyAll->trigger();
        QVERIFY(!applied.isEmpty() || applied.wait(60000));
        QFile drift(driftData() + QStringLiteral("/drift.sql"));
        QVERIFY(drift.open(QIODevice::ReadOnly));
        QVERIFY(db.witness().execScript(drift.readAll()).ok());

        QTRY_VERIFY(view.actions()->verify->isEnabled());
        view.actions()->verify->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!confirmer.text.isEmpty(), 120000);
        const QString removed
            = QStringLiteral("      -  WHERE posts.published_on > '2024-01-31'::date;");
        const QString added
            = QStringLiteral("      +  WHERE posts.published_on > '2026-11-22'::date;");
        const QString expected
            = QStringLiteral("    ~ view public.recent_posts: only literal values "
                             "differ: '2024-01-31' -> '2026-11-22'\n"
                             "      @@ -4,4 +4,4 @@\n"
                             "           posts.body,\n"
                             "           posts.published_on\n"
                             "          FROM posts\n")
            + removed + u'\n' + added;
        QVERIFY2(confirmer.text.endsWith(expected), qPrintable(confirmer.text));

        // The dialog the real confirmer opens with that text.
        PlanDialog dialog(confirmer.title, confirmer.text, false);
        dialog.show();
        const auto *edit = dialog.findChild<QPlainTextEdit *>();
        QVERIFY(edit);
        QTRY_COMPARE(lineColour(edit, removed),
                     StateStyle::danger()); // highlighted after an event loop turn
        QCOMPARE(lineColour(edit, added), StateStyle::success());
        QCOMPARE(lineColour(edit, QStringLiteral("      @@ -4,4 +4,4 @@")),
                 QApplication::palette().color(QPalette::Link));
        QCOMPARE(lineColour(edit, QStringLiteral("           posts.body,")), QColor());
        QCOMPARE(lineColour(edit, expected.section(u'\n', 0, 0)), QColor());
    }
};

QTEST_MAIN(TestVerifyResult)
#include "tst_verifyresult.moc"
