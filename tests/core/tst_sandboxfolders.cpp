// Issue 57, points 2, 3 and 5: started as root, the sandbox followed what others had placed.
//  2. A sandbox folder of 79 bytes or more put its socket in /tmp/uaip-sandbox-<uid>-<hash>,
//     a predictable path: root made it, then chmod'ed and chown'ed it, following links, so a
//     link "nobody" planted there handed its target to "uaip-sandbox" with mode 0700.
//  3. sandbox.json lay in a folder the server's OS user owned; at the next start root read
//     socketDir from it and chmod'ed/chown'ed that path (root's home, /etc).
//  5. A stale cluster of "postgres" (an earlier version's) was handed over with its settings:
//     an archive_command planted in its postgresql.auto.conf ran as "uaip-sandbox".
// Now the sandbox folder is the invoking user's and holds what steers the sandbox; data/, run/
// (the socket, always there) and log/ are made with mkdirat and given with fchown on a
// descriptor; nothing is read from a file the server's OS user could write; an earlier
// version's folder is taken back and a handed-over cluster's settings are replaced.
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxserveruser.h"
#include "requireorskip.h"
#include "sandboxtestutil.h"
#include "servertools.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestSandboxFolders : public QObject
{
    Q_OBJECT

    QStringList m_roots; // sandboxes to stop
    QStringList m_links;
    QStringList m_folders;

    // A folder of the sandbox's own: a real folder of the server's OS user, mode 0700.
    static bool isServersOwn(const QString &path)
    {
        const PathState s = stateOf(path);
        const passwd *server = userNamed(SandboxServerUser::name());
        return s.exists && !s.link && server && s.uid == server->pw_uid && s.mode == 0700;
    }

    // "as" writes text into path (a shell redirection: links followed, as its program would).
    static bool writeAs(const QString &user, const QString &path, const QString &text)
    {
        return runAs(user, QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), QStringLiteral("printf '%s' \"$1\" > \"$2\""),
                      QStringLiteral("sh"), text, path});
    }

    static QString withoutPassword(const Sandbox &s)
    {
        return QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres "
                              "passfile=/nonexistent")
            .arg(s.socketDir())
            .arg(s.port());
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "what root does with other OS users' files is tested as root (CI runs as root)"));
        const Status user = SandboxServerUser::ensure();
        QVERIFY2(user, qPrintable(user.error().toString()));
        QVERIFY2(userNamed(QStringLiteral("nobody")), "the OS user nobody is needed");
        QVERIFY2(userNamed(QStringLiteral("postgres")),
                 "the postgres OS user (Debian's postgresql package) is needed");
    }

    void cleanup()
    {
        for (const QString &root : std::as_const(m_roots))
            Sandbox(root).stop();
        for (const QString &link : std::as_const(m_links))
            QFile::remove(link);
        for (const QString &folder : std::as_const(m_folders))
            QDir(folder).removeRecursively();
        m_roots.clear();
        m_links.clear();
        m_folders.clear();
    }

    // Point 2: a link at the socket folder an earlier version would have used is not followed;
    // the socket is in the sandbox's own folder.
    void plantedLinkAtTheEarlierSocketFolderIsNotFollowed()
    {
        const QString base = makeTempDir(QStringLiteral("uaip-lnk"));
        m_folders << base;
        QString root = base + QStringLiteral("/sandbox-");
        root += QString(84 - root.size(), u'x'); // 79 bytes or more: the earlier /tmp folder
        const QString victim
            = makeTempDir(QStringLiteral("uaip-victim"), 0755, QStringLiteral("nobody"));
        m_folders << victim;
        const QString link = earlierSocketDir(root);
        m_links << link;
        QString out;
        QVERIFY2(runAs(QStringLiteral("nobody"), QStringLiteral("/bin/ln"),
                       {QStringLiteral("-s"), victim, link}, &out),
                 qPrintable(out));
        const PathState before = stateOf(victim);

        Sandbox s(root);
        m_roots << root;
        Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY2(stateOf(victim) == before, qPrintable(stateOf(victim).describe()));
        QVERIFY(stateOf(link).link);
        QCOMPARE(s.socketDir(), root + QStringLiteral("/run"));
        QVERIFY2(isServersOwn(s.socketDir()), qPrintable(stateOf(s.socketDir()).describe()));
        PgConnection c;
        QVERIFY2(c.open(s.conninfo()), qPrintable(c.connectionError()));
        // a user's sandbox has no room for prepared transactions (only the tests' clusters):
        // one the scratch login prepared would pin a scratch database for good
        QCOMPARE(c.scalar("SHOW max_prepared_transactions"), QStringLiteral("0"));
    }

    // Point 3 and the upgrade: an earlier version's folder (the server's OS user's, a cluster
    // trusting every local connection) where code running as that user left a sandbox.json
    // naming another folder and links at the names root writes. Taken back without following
    // any of it; the cluster gets a password; the server's user cannot write sandbox.json now.
    void earlierVersionsFolderIsTakenBackWithoutReadingIt()
    {
        const QString server = SandboxServerUser::name();
        const QString base = makeTempDir(QStringLiteral("uaip-old"));
        m_folders << base;
        const QString root = base + QStringLiteral("/sandbox");
        QVERIFY(QDir().mkdir(root));
        const passwd *pw = userNamed(server);
        QVERIFY(::chown(QFile::encodeName(root).constData(), pw->pw_uid, pw->pw_gid) == 0);
        QString out;
        QVERIFY2(serverProgramAs(server, QStringLiteral("initdb"),
                                 {QStringLiteral("-D"), root + QStringLiteral("/data"),
                                  QStringLiteral("-U"), QStringLiteral("postgres"),
                                  QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"),
                                  QStringLiteral("--no-instructions")},
                                 &out),
                 qPrintable(out));
        // root's own folder and file, as /etc and a file in it
        const QString victim = makeTempDir(QStringLiteral("uaip-victim"), 0755);
        m_folders << victim;
        const QString victimFile = victim + QStringLiteral("/keep");
        {
            QFile f(victimFile);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("root's file\n") == 12);
        }
        const QString json
            = QStringLiteral("{\"port\": 5, \"socketDir\": \"%1\", \"tcp\": false}").arg(victim);
        QVERIFY(writeAs(server, root + QStringLiteral("/sandbox.json"), json));
        for (const auto &[name, target] :
             {std::pair{QStringLiteral("pgpass"), victimFile},
              std::pair{QStringLiteral("pg_hba.conf"), victimFile},
              std::pair{QStringLiteral("run"), victim}, std::pair{QStringLiteral("log"), victim}})
            QVERIFY(runAs(server, QStringLiteral("/bin/ln"),
                          {QStringLiteral("-s"), target, root + u'/' + name}));
        const PathState folderBefore = stateOf(victim);
        const PathState fileBefore = stateOf(victimFile);

        Sandbox s(root);
        m_roots << root;
        Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY2(stateOf(victim) == folderBefore, qPrintable(stateOf(victim).describe()));
        QVERIFY2(stateOf(victimFile) == fileBefore, qPrintable(stateOf(victimFile).describe()));
        QCOMPARE(readText(victimFile), QStringLiteral("root's file\n"));
        QVERIFY(s.messages().join(u'\n').contains(QLatin1String("took the sandbox folder")));
        // the folder and what steers the sandbox are root's now
        QVERIFY2(stateOf(root) == (PathState{true, false, 0, 0, 0711}),
                 qPrintable(stateOf(root).describe()));
        for (const QString &name : {QStringLiteral("sandbox.json"), QStringLiteral("pgpass"),
                                    QStringLiteral("pg_hba.conf")}) {
            const PathState file = stateOf(root + u'/' + name);
            QVERIFY2(file.exists && !file.link && file.uid == 0 && !(file.mode & 022),
                     qPrintable(name + u' ' + file.describe()));
        }
        QVERIFY(!readText(root + QStringLiteral("/sandbox.json")).contains(victim));
        QVERIFY2(isServersOwn(s.socketDir()), qPrintable(stateOf(s.socketDir()).describe()));
        QVERIFY2(isServersOwn(root + QStringLiteral("/log")),
                 qPrintable(stateOf(root + QStringLiteral("/log")).describe()));
        // the cluster trusts no connection any more
        PgConnection c;
        QVERIFY2(c.open(s.conninfo()), qPrintable(c.connectionError()));
        PgConnection bare;
        QVERIFY(!bare.open(withoutPassword(s)));
        // refused for its missing password (the connector's cause, not libpq's words)
        QVERIFY2(bare.connectFailure().needsPassword(), qPrintable(bare.connectionError()));
        // nor can the server's user write what root reads at the next start
        QVERIFY(!writeAs(server, root + QStringLiteral("/sandbox.json"), json));
        QVERIFY(s.stop());
        started = s.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY2(stateOf(victim) == folderBefore, qPrintable(stateOf(victim).describe()));
    }

    // Point 5: the stale cluster of "postgres" is handed over with the sandbox's settings, not
    // its own: the archive_command planted in its postgresql.auto.conf never runs.
    void staleClusterIsHandedOverWithoutItsSettings()
    {
        const QString base = makeTempDir(QStringLiteral("uaip-stale"));
        m_folders << base;
        const QString root = base + QStringLiteral("/sandbox");
        QVERIFY(QDir().mkdir(root));
        const passwd *pg = userNamed(QStringLiteral("postgres"));
        QVERIFY(::chown(QFile::encodeName(root).constData(), pg->pw_uid, pg->pw_gid) == 0);
        QString out;
        QVERIFY2(serverProgramAs(QStringLiteral("postgres"), QStringLiteral("initdb"),
                                 {QStringLiteral("-D"), root + QStringLiteral("/data"),
                                  QStringLiteral("-U"), QStringLiteral("postgres"),
                                  QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"),
                                  QStringLiteral("--no-instructions")},
                                 &out),
                 qPrintable(out));
        // where the server's user may write: the marker would appear there
        const QString markers = ServerTools::makeDir(QStringLiteral("uaip-marker"));
        m_folders << markers;
        const QString marker = markers + QStringLiteral("/archived");
        {
            QFile autoConf(root + QStringLiteral("/data/postgresql.auto.conf"));
            QVERIFY(autoConf.open(QIODevice::Append));
            autoConf.write("archive_mode = on\narchive_command = '/usr/bin/touch "
                           + QFile::encodeName(marker) + "'\n");
        }

        Sandbox s(root);
        m_roots << root;
        Status started = s.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY2(s.messages().join(u'\n').contains(QLatin1String("postgresql.auto.conf")),
                 qPrintable(s.messages().join(u'\n')));
        PgConnection c;
        QVERIFY2(c.open(s.conninfo()), qPrintable(c.connectionError()));
        QCOMPARE(c.scalar("SELECT setting FROM pg_settings WHERE name = 'archive_mode'"),
                 QStringLiteral("off"));
        QCOMPARE(c.scalar("SELECT source FROM pg_settings WHERE name = 'archive_command'"),
                 QStringLiteral("default"));
        QVERIFY(!readText(root + QStringLiteral("/data/postgresql.auto.conf"))
                     .contains(QLatin1String("archive")));
        QVERIFY(!readText(root + QStringLiteral("/data/postgresql.conf"))
                     .contains(QLatin1String("archive")));
        // a finished WAL segment: what the archiver would have taken
        QVERIFY(c.exec("CREATE TABLE t AS SELECT 1 AS one").ok());
        QVERIFY(c.exec("SELECT pg_switch_wal()").ok());
        QVERIFY(c.exec("CHECKPOINT").ok());
        QCOMPARE(c.scalar("SELECT archived_count + failed_count FROM pg_stat_archiver"),
                 QStringLiteral("0"));
        QVERIFY(!QFile::exists(marker));
        QVERIFY2(isServersOwn(s.dataDir()), qPrintable(stateOf(s.dataDir()).describe()));
        PgConnection bare;
        QVERIFY(!bare.open(withoutPassword(s)));
    }
};

QTEST_GUILESS_MAIN(TestSandboxFolders)
#include "tst_sandboxfolders.moc"
