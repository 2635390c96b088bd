#pragma once

// Shared by the tests of uaip-migrate as a process (tst_uaipmigrate*.cpp, the prompt CLI tests):
// run it and read its output, the connection and folder arguments, and two ordinary migrations.
#include "inprocesscli.h"
#include "migrationfolder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

namespace uaip::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// Runs `program args` (stdin at EOF) in env and waits for it.
inline Run runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForFinished(120000))
        qFatal("%s did not finish: %s", qPrintable(program), qPrintable(args.join(u' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline Run migrate(const QStringList &args, const QString &asUser = QString())
{
    if (asUser.isEmpty())
        return runProcess(TestCluster::migrateBinary(), args);
    return runProcess(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), asUser, QStringLiteral("--"),
                                  TestCluster::migrateBinary()}
                          + args);
}

// uaip-migrate --db conninfo args, in env.
inline Run migrate(const QString &conninfo, const QStringList &args,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProcess(TestCluster::migrateBinary(),
                      QStringList{QStringLiteral("--db"), conninfo} + args, env);
}

// uaip-migrate args run in the test's own process (InProcessCli; the test links uaip_test_cli,
// tests/CMakeLists.txt): for a case that checks what it answers, not the process.
inline Run migrateInProcess(const QStringList &args)
{
    const InProcessCli::Result r = InProcessCli::run(args);
    return {r.exitCode, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
}

// The same with --db conninfo first.
inline Run migrateInProcess(const QString &conninfo, const QStringList &args)
{
    return migrateInProcess(QStringList{QStringLiteral("--db"), conninfo} + args);
}

inline QStringList on(const TestDatabase &db, const QString &dir)
{
    return {QStringLiteral("--db"), db.conninfo(), QStringLiteral("--dir"), dir};
}

inline void addTwo(MigrationFolder &f)
{
    f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int PRIMARY KEY);\n",
          "DROP TABLE users;\n");
    f.add(QStringLiteral("0002_posts"),
          "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n",
          "DROP TABLE posts;\n");
}

} // namespace uaip::test
