// Passwords go to the OS keychain (or memory), never to a file: the profile dialog is filled
// in and saved, then every file under the settings and data folders is searched.
#include "connections/passwordstore.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "jobs/jobmanager.h"
#include "requireorskip.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;

class TestPasswordStore : public QObject
{
    Q_OBJECT

private:
    static QString distinctive()
    {
        return QStringLiteral("uaip-secret-%1")
            .arg(QRandomGenerator::global()->generate64(), 0, 36);
    }

    static QStringList folders()
    {
        QStringList out;
        for (auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::ConfigLocation,
                              QStandardPaths::GenericConfigLocation,
                              QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation,
                              QStandardPaths::CacheLocation, QStandardPaths::GenericCacheLocation})
            out << QStandardPaths::writableLocation(location);
        out.removeDuplicates();
        return out;
    }

    static QStringList filesContaining(const QByteArray &needle)
    {
        QStringList hits;
        for (const QString &folder : folders()) {
            QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    hits << f.fileName();
            }
        }
        return hits;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
        QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-test"));
    }

    void keychainWriteThenRead()
    {
        PasswordStore store(QStringLiteral("uaip-admin-test"));
        const QString key = QStringLiteral("test-%1").arg(QRandomGenerator::global()->generate());
        const QString password = distinctive();
        QSignalSpy written(&store, &PasswordStore::writeFinished);
        store.write(key, password);
        QVERIFY(written.wait(20000));
        if (!written.first().at(1).toBool())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("no Secret Service answered: %1 (run under "
                                                "dbus-run-session with gnome-keyring unlocked)")
                                     .arg(written.first().at(2).toString()));
        QSignalSpy read(&store, &PasswordStore::readFinished);
        store.read(key);
        QVERIFY(read.wait(20000));
        QCOMPARE(read.first().at(0).toString(), key);
        QCOMPARE(read.first().at(2).toBool(), true);
        QCOMPARE(read.first().at(1).toString(), password);
        store.remove(key);
    }

    void noPasswordReachesAFile()
    {
        const QString password = distinctive();
        const QString name = QStringLiteral("shop-%1").arg(QRandomGenerator::global()->generate());
        {
            ProfileStore profiles;
            PasswordStore passwords(QStringLiteral("uaip-admin-test"));
            JobManager jobs;
            ProfileDialog dialog(&profiles, &passwords, &jobs);
            dialog.show();
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")), name);
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("host")),
                             QStringLiteral("db.example.org"));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("database")),
                             QStringLiteral("shop"));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("user")),
                             QStringLiteral("dba"));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), password);
            dialog.findChild<QCheckBox *>(QStringLiteral("production"))->setChecked(true);
            QSignalSpy written(&passwords, &PasswordStore::writeFinished);
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")),
                              Qt::LeftButton);
            QVERIFY(written.wait(20000));
            const auto saved = profiles.find(name);
            QVERIFY(saved);
            QVERIFY(saved->production);
            QCOMPARE(saved->database, QStringLiteral("shop"));
        }
        // The profile is on disk (so the search does look at the right files) ...
        QVERIFY(!filesContaining(name.toUtf8()).isEmpty());
        // ... the password is not, in any encoding we could think of.
        for (const QByteArray &needle :
             {password.toUtf8(), password.toUtf8().toBase64(), password.toUtf8().toHex()})
            QVERIFY2(filesContaining(needle).isEmpty(),
                     qPrintable(filesContaining(needle).join(u',')));
        ProfileStore().remove(name);
    }

    void unreachableServerInDbaWords()
    {
        ProfileStore profiles;
        PasswordStore passwords(QStringLiteral("uaip-admin-test"));
        JobManager jobs;
        ProfileDialog dialog(&profiles, &passwords, &jobs);
        dialog.findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("127.0.0.1"));
        dialog.findChild<QLineEdit *>(QStringLiteral("database"))->setText(QStringLiteral("x"));
        dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(1);
        QSignalSpy tested(&dialog, &ProfileDialog::tested);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")),
                          Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("Nothing accepts connections")),
                 qPrintable(dialog.resultText()));
        QVERIFY2(dialog.resultText().contains(QStringLiteral("refused")),
                 qPrintable(dialog.resultText()));
    }
};

QTEST_MAIN(TestPasswordStore)
#include "tst_passwordstore.moc"
