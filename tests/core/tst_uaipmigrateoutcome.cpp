// Issue 33: the outcome of a run is said truthfully and once. A role's statement_timeout that
// ends the wait for the migration lock is the server's, not a cancel; a connection error whose
// detail repeats its message says it once; a role name with CR/LF is printed escaped in the
// `target:` line.
#include "error/pgerror.h"
#include "ledger/migrationlock.h"
#include "uaipmigratetestutil.h"
#include "util/visibletext.h"

#include <QScopeGuard>

using namespace uaip;
using namespace uaip::test;

namespace {

// A conninfo value in single quotes (libpq: \ and ' escaped).
QString quotedValue(QString v)
{
    v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
}

QString quotedIdent(QString v)
{
    return u'"' + v.replace(u'"', QStringLiteral("\"\"")) + u'"';
}

} // namespace

class TestUaipMigrateOutcome : public QObject
{
    Q_OBJECT

private slots:
    void lostConnectionErrorSaysItsTextOnce()
    {
        PgError e;
        e.message = QStringLiteral("no connection to the server\n");
        e.detail = QStringLiteral("no connection to the server");
        QCOMPARE(e.toString().count(QStringLiteral("no connection to the server")), 1);
        e.detail = QStringLiteral("server closed the connection unexpectedly");
        QVERIFY(e.toString().contains(QStringLiteral("\nDETAIL: server closed")));
    }

    void controlCharactersShownEscaped()
    {
        QCOMPARE(VisibleText::escaped(QStringLiteral("a\nb\rc\x1b[31md\u202e")),
                 QStringLiteral("a\\nb\\rc\\u001b[31md\\u202e"));
        QCOMPARE(VisibleText::escaped(QStringLiteral("app'l;é")), QStringLiteral("app'l;é"));
    }

    // A role whose statement_timeout (200 ms) ends the wait for the migration lock, held by
    // another session: the server's statement timeout (57014) is said, not a cancel; the role's
    // name, with CR and LF, is printed escaped in the target line.
    void roleStatementTimeoutWhileWaitingForTheLock()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const QString role = QStringLiteral("tst_st'x;\n\ry_%1").arg(db.name());
        PgConnection &w = db.witness();
        QVERIFY(w.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                           .arg(quotedIdent(role), TestCluster::loginPassword())
                           .toUtf8())
                    .ok());
        const auto dropRole = qScopeGuard([&] {
            w.exec(QStringLiteral("DROP OWNED BY %1").arg(quotedIdent(role)).toUtf8());
            w.exec(QStringLiteral("DROP ROLE %1").arg(quotedIdent(role)).toUtf8());
        });
        QVERIFY(w.exec(QStringLiteral("ALTER ROLE %1 SET statement_timeout = '200ms'")
                           .arg(quotedIdent(role))
                           .toUtf8())
                    .ok());
        QVERIFY(w.exec("SELECT pg_advisory_lock($1, $2)",
                       {MigrationLock::kClassId, MigrationLock::kObjectId})
                    .ok());
        const Run r = migrate(QStringList{
            QStringLiteral("--db"), db.conninfo() + QStringLiteral(" user=") + quotedValue(role),
            QStringLiteral("--dir"), f.path(), QStringLiteral("--lock-timeout"),
            QStringLiteral("5s"), QStringLiteral("up")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.err)); // the server's failure, not bad input
        QVERIFY2(!r.err.contains(QStringLiteral("cancelled while waiting")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("57014")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("rolled back")), qPrintable(r.err));
        const QString escaped = QStringLiteral("tst_st'x;\\n\\ry_%1").arg(db.name());
        QVERIFY2(
            r.out.contains(QStringLiteral("target: database %1 as %2 on").arg(db.name(), escaped)),
            qPrintable(r.out));
        QVERIFY2(!r.out.contains(u'\r'), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateOutcome)
#include "tst_uaipmigrateoutcome.moc"
