// Issue 78: the sandbox opens no folder it has not made. Started as root with
// `--data-dir /…/u2/a/sb`, where "a" was u2's link to a folder only root may enter, the sandbox
// made its cluster inside that folder and chmod'ed it to 0701 (o+x, so that its server's OS user
// could reach it): u2 then read a file in it. And a parent folder of another user (0755) was
// accepted, although the refusal of a folder others may write asks for "a folder only you and
// root can change". Now every folder above the sandbox folder is opened from "/" one name at a
// time, no link followed (not even root's own), each root's or the invoking user's and writable
// by no one else; a sticky folder of root's that everyone may write (/tmp, /dev/shm) is passed
// through, but what lies in it must then be root's or the user's, and a sandbox folder planted
// there by the server's OS user is not taken back. The refusal names the folder. Root only (CI
// runs as root): what root does with other users' folders.
#include "db/sandbox.h"
#include "db/sandboxserveruser.h"
#include "requireorskip.h"
#include "sandboxtestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestSandboxParents : public QObject
{
    Q_OBJECT

    QStringList m_roots; // sandboxes to stop
    QStringList m_folders; // removed at the end of each case

    QString folder(const QString &prefix, mode_t mode, const QString &owner = QString())
    {
        const QString made = makeTempDir(prefix, mode, owner);
        m_folders << made;
        return made;
    }

    // A start that must be refused, naming parent; nothing made at root.
    static void expectRefused(const QString &root, const QString &parent)
    {
        Sandbox s(root);
        const Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(!started, qPrintable(root + QStringLiteral(" started")));
        QCOMPARE(started.error().code(), ErrorCode::Refused);
        QCOMPARE(started.error().arg(QStringLiteral("parent")).toString(), parent);
        QVERIFY2(started.error().text().contains(parent), qPrintable(started.error().text()));
        QVERIFY2(!QFileInfo::exists(root), qPrintable(root));
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP(
                QStringLiteral("what root does with other OS users' folders is tested as root "
                               "(CI runs as root)"));
        QVERIFY2(userNamed(QStringLiteral("nobody")), "the OS user nobody is needed");
        const Status user = SandboxServerUser::ensure();
        QVERIFY2(user, qPrintable(user.error().toString()));
    }

    void cleanup()
    {
        for (const QString &root : std::as_const(m_roots))
            Sandbox(root).stop();
        for (const QString &f : std::as_const(m_folders))
            QDir(f).removeRecursively();
        m_roots.clear();
        m_folders.clear();
    }

    // The medium finding: u2's link "a" to a folder only root may enter, in u2's own
    // folder (refused there: a folder of another user's) and in a sticky folder everyone may
    // write, as /tmp (refused at the link). Root's folder is left as it was, u2 reads nothing.
    void anotherUsersLinkOnTheWayIsNotFollowed()
    {
        const QString secret = folder(QStringLiteral("uaip-rootonly"), 0700);
        {
            QFile f(secret + QStringLiteral("/secret"));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("root's only\n") == 12);
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                     | QFileDevice::ReadOther));
        }
        const PathState before = stateOf(secret);
        const QString home = folder(QStringLiteral("uaip-u2"), 0755, QStringLiteral("nobody"));
        const QString sticky = folder(QStringLiteral("uaip-tmp"), 01777);
        for (const auto &[linkIn, refusedAt] :
             {std::pair{home, home}, std::pair{sticky, sticky + QStringLiteral("/a")}}) {
            QString out;
            QVERIFY2(runAs(QStringLiteral("nobody"), QStringLiteral("/bin/ln"),
                           {QStringLiteral("-s"), secret, linkIn + QStringLiteral("/a")}, &out),
                     qPrintable(out));
            const QString root = linkIn + QStringLiteral("/a/sb");
            m_roots << root;
            expectRefused(root, refusedAt);
            QVERIFY2(stateOf(secret) == before, qPrintable(stateOf(secret).describe()));
            QVERIFY(!stateOf(secret + QStringLiteral("/sb")).exists);
            QVERIFY(!runAs(QStringLiteral("nobody"), QStringLiteral("/bin/cat"),
                           {secret + QStringLiteral("/secret")}));
        }
    }

    // Not even root's own link is followed: the refusal says where it leads.
    void rootsOwnLinkOnTheWayIsRefusedNamingItsTarget()
    {
        const QString base = folder(QStringLiteral("uaip-own"), 0755);
        const QString real = folder(QStringLiteral("uaip-real"), 0755);
        QVERIFY(QFile::link(real, base + QStringLiteral("/l")));
        Sandbox s(base + QStringLiteral("/l/sb"));
        m_roots << s.rootDir();
        const Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(!started, "started through a link");
        QCOMPARE(started.error().code(), ErrorCode::Refused);
        QCOMPARE(started.error().arg(QStringLiteral("parent")).toString(),
                 base + QStringLiteral("/l"));
        QVERIFY2(started.error().text().contains(real), qPrintable(started.error().text()));
        QVERIFY(!stateOf(real + QStringLiteral("/sb")).exists);
    }

    // The low finding: another user's folder (0755) is a parent that user may change.
    // Root's folders above it are not made traversable on the way to a refusal either.
    void aParentOfAnotherUserIsRefused()
    {
        const QString rootOnly = folder(QStringLiteral("uaip-above"), 0700);
        const QString theirs = rootOnly + QStringLiteral("/theirs");
        QVERIFY(QDir().mkdir(theirs));
        const passwd *nobody = userNamed(QStringLiteral("nobody"));
        QVERIFY(::chown(QFile::encodeName(theirs).constData(), nobody->pw_uid, nobody->pw_gid)
                == 0);
        QVERIFY(::chmod(QFile::encodeName(theirs).constData(), 0755) == 0);
        const PathState above = stateOf(rootOnly);
        const QString root = theirs + QStringLiteral("/sb");
        m_roots << root;
        expectRefused(root, theirs);
        QVERIFY2(stateOf(rootOnly) == above, qPrintable(stateOf(rootOnly).describe()));
    }

    // A sticky folder of root's that everyone may write, as /tmp and /dev/shm: root's own folder
    // in it (0755, as the test suite's mktemp folder in /dev/shm) holds a sandbox; another
    // user's folder in it does not; nor does a sandbox folder the server's OS user made there
    // (no earlier version made one in a folder others may write: it is not taken back).
    void aStickyFolderIsPassedThroughWhatLiesInItIsChecked()
    {
        const QString sticky = folder(QStringLiteral("uaip-sticky"), 01777);
        const QString own = sticky + QStringLiteral("/own");
        QVERIFY(QDir().mkdir(own));
        QVERIFY(::chmod(QFile::encodeName(own).constData(), 0755) == 0);
        Sandbox s(own + QStringLiteral("/sb"));
        m_roots << s.rootDir();
        const Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY(s.stop());

        QString out;
        QVERIFY2(
            runAs(QStringLiteral("nobody"), QStringLiteral("/bin/mkdir"),
                  {QStringLiteral("-m"), QStringLiteral("755"), sticky + QStringLiteral("/theirs")},
                  &out),
            qPrintable(out));
        m_roots << sticky + QStringLiteral("/theirs/sb");
        expectRefused(sticky + QStringLiteral("/theirs/sb"), sticky + QStringLiteral("/theirs"));

        const QString planted = sticky + QStringLiteral("/planted");
        QVERIFY2(runAs(SandboxServerUser::name(), QStringLiteral("/bin/mkdir"),
                       {QStringLiteral("-m"), QStringLiteral("700"), planted}, &out),
                 qPrintable(out));
        const PathState plantedBefore = stateOf(planted);
        Sandbox p(planted);
        m_roots << planted;
        const Status taken = p.start(Sandbox::Options{false, false});
        QVERIFY2(!taken, "a folder the server's OS user made in a shared folder was taken back");
        QCOMPARE(taken.error().code(), ErrorCode::Refused);
        QVERIFY2(taken.error().text().contains(planted), qPrintable(taken.error().text()));
        QVERIFY2(stateOf(planted) == plantedBefore, qPrintable(stateOf(planted).describe()));
    }
};

QTEST_GUILESS_MAIN(TestSandboxParents)
#include "tst_sandboxparents.moc"
