// The connection profile dialog, real widgets: labels, and the Test connection result against
// the test sandbox (a refused port and a working database).
#include "connections/passwordstore.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "db/sandbox.h"
#include "jobs/jobmanager.h"
#include "layoutsettle.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;

class TestProfileDialog : public QObject
{
    Q_OBJECT

private:
    // The result label shows all of its text: as tall as its text needs at its width, and
    // inside the dialog.
    // Empty when the test result label is visible, as high as its text needs and inside the
    // dialog; else what is wrong.
    static QString resultProblem(ProfileDialog &dialog)
    {
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        if (!result)
            return QStringLiteral("no result label");
        if (!result->isVisible())
            return QStringLiteral("the result label is hidden");
        const int needed = result->heightForWidth(result->width());
        if (result->height() < needed)
            return QStringLiteral("result label %1 px high, its text needs %2 px: %3")
                .arg(result->height())
                .arg(needed)
                .arg(result->text());
        const QRect inDialog(result->mapTo(&dialog, QPoint(0, 0)), result->size());
        if (!dialog.rect().contains(inDialog))
            return QStringLiteral("result at %1,%2 %3x%4 outside the %5x%6 dialog")
                .arg(inDialog.x())
                .arg(inDialog.y())
                .arg(inDialog.width())
                .arg(inDialog.height())
                .arg(dialog.width())
                .arg(dialog.height());
        return {};
    }

    JobManager m_jobs;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
        QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-profiledialog-test"));
    }

    // #8.12: a label with a mnemonic names the field it jumps to; none shows a literal '&'.
    void labelsHaveBuddies()
    {
        ProfileStore store;
        PasswordStore passwords(QStringLiteral("uaip-admin-test"));
        ProfileDialog dialog(&store, &passwords, &m_jobs);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QRegularExpression mnemonic(QStringLiteral("(^|[^&])&([^&]|$)"));
        int withMnemonic = 0;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!mnemonic.match(label->text()).hasMatch())
                continue;
            ++withMnemonic;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            QVERIFY2(label->buddy()->isVisible(), qPrintable(label->text()));
        }
        QVERIFY(withMnemonic >= 9);

        // No two labels or buttons share a mnemonic (Alt+H must not be both Host and Choose).
        QHash<QChar, QString> taken;
        QStringList texts;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            texts << label->text();
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
            if (button->isVisible())
                texts << button->text();
        for (const QString &text : texts) {
            const auto m = mnemonic.match(text);
            if (!m.hasMatch())
                continue;
            const QChar key = m.captured(2).at(0).toLower();
            QVERIFY2(
                !taken.contains(key),
                qPrintable(
                    QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key, taken.value(key), text)));
            taken.insert(key, text);
        }
    }

    // #8.12: the Test connection result is shown whole: it wraps and the dialog grows.
    void testResultIsShownWhole()
    {
        ProfileStore store;
        PasswordStore passwords(QStringLiteral("uaip-admin-test"));
        ProfileDialog dialog(&store, &passwords, &m_jobs);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ConnectionProfile refused;
        refused.name = QStringLiteral("refused");
        refused.host = QStringLiteral("127.0.0.1");
        refused.port = 1; // nothing listens there
        refused.database = QStringLiteral("nowhere");
        dialog.setForm(refused);
        QSignalSpy tested(&dialog, &ProfileDialog::tested);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")),
                          Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY(dialog.resultText().count(u'\n') >= 1);
        test::settleLayouts(); // the dialog lays the longer text out
        QTRY_VERIFY2(resultProblem(dialog).isEmpty(), qPrintable(resultProblem(dialog)));

        test::TestDatabase db;
        const Sandbox &sandbox = test::TestCluster::sandbox();
        ConnectionProfile good;
        good.name = QStringLiteral("good");
        good.host = sandbox.socketDir();
        good.port = sandbox.port();
        good.user = sandbox.superuser();
        good.database = db.name();
        dialog.setForm(good);
        tested.clear();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")),
                          Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.first().first().toBool(), true);
        test::settleLayouts();
        QTRY_VERIFY2(resultProblem(dialog).isEmpty(), qPrintable(resultProblem(dialog)));
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
