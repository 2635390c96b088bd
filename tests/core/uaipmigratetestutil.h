#pragma once

// Shared by the tests of uaip-migrate as a process (tst_uaipmigrate*.cpp): run it and read its
// output, the connection and folder arguments, and two ordinary migrations.
#include "migrationfolder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace uaip::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

inline Run migrate(const QStringList &args, const QString &asUser = QString())
{
    QProcess p;
    QStringList all = args;
    QString program = TestCluster::migrateBinary();
    if (!asUser.isEmpty()) {
        all = QStringList{QStringLiteral("-u"), asUser, QStringLiteral("--"), program} + args;
        program = QStringLiteral("runuser");
    }
    p.setWorkingDirectory(QStringLiteral("/"));
    p.start(program, all);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("uaip-migrate did not finish: %s", qPrintable(args.join(u' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
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
