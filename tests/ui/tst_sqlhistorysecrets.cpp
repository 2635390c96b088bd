// The SQL view's history never keeps a password (issue 78, point 2; README: "Everything run is
// kept per profile (SQL and outcome, never rows or passwords)"). It kept CREATE ROLE ...
// PASSWORD '...' as it ran. Against the real sandbox, as a role that may create roles but is no
// superuser: a script of role passwords written every way the scanner reads a string (quotes
// in it, dollar quotes, an escape string, Unicode escapes), a user mapping's password and a
// dblink connection string runs as written (the role logs in with the last password, dblink
// connects), and the history file holds none of them, only the marks, and the view says so;
// a statement the parser refuses (a password left unquoted) is kept without the statement,
// and its outcome without the server's words, which quote the password.
#include "db/sessionspec.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqleditor.h"
#include "sqlconsole/sqlhistory.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QAction>
#include <QFile>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Runs the whole text as a script.
bool runAndWait(SqlConsoleTab *tab, const QString &sql)
{
    tab->editor()->setText(sql);
    QSignalSpy finished(tab, &SqlConsoleTab::finished);
    tab->runScriptAction()->trigger();
    return finished.wait(30000);
}

QByteArray fileOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSqlHistorySecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void passwordsAreNeverKept()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        const QString admin = QStringLiteral("uaip_hist_admin_") + db.name().right(8);
        const QString app = QStringLiteral("uaip_hist_app_") + db.name().right(8);
        const auto cleanup = qScopeGuard([&] {
            w.exec("DROP USER MAPPING IF EXISTS FOR " + w.quoteIdentifier(app) + " SERVER here");
            w.exec("DROP SERVER IF EXISTS here");
            w.exec("DROP OWNED BY " + w.quoteIdentifier(admin));
            w.exec("DROP ROLE IF EXISTS " + w.quoteIdentifier(app));
            w.exec("DROP ROLE IF EXISTS " + w.quoteIdentifier(admin));
        });
        for (const QByteArray &sql :
             {"CREATE ROLE " + w.quoteIdentifier(admin) + " LOGIN CREATEROLE PASSWORD "
                  + "'uaip-test-login'",
              QByteArray("CREATE EXTENSION IF NOT EXISTS dblink"),
              QByteArray("CREATE EXTENSION IF NOT EXISTS postgres_fdw"),
              "GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO " + w.quoteIdentifier(admin),
              "GRANT CREATE ON DATABASE " + w.quoteIdentifier(db.name()) + " TO "
                  + w.quoteIdentifier(admin)})
            QVERIFY2(w.exec(sql).ok(), sql.constData());
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("history ") + db.name(); // a history file of its own
        profile.user = admin;
        const SqlHistory history(profile.name);
        QFile::remove(history.path());
        SqlConsoleTab tab;
        tab.setTarget(SessionSpec::from(profile, QString(), QStringLiteral("test")));

        const QString server = TestCluster::sandbox().socketDir();
        const QString script
            = QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Quote''s s3cret-one';\n"
                             "ALTER ROLE %1 ENCRYPTED PASSWORD $pw$Dollar s3cret-two$pw$;\n"
                             "ALTER USER %1 WITH PASSWORD E'Escaped\\'s s3cret-three' VALID UNTIL "
                             "'infinity';\n"
                             "ALTER ROLE %1 PASSWORD U&'Unicode s3cret-six \\0041';\n"
                             "ALTER ROLE %1 PASSWORD 'Dblink s3cret-five';\n"
                             "CREATE SERVER here FOREIGN DATA WRAPPER postgres_fdw;\n"
                             "CREATE USER MAPPING FOR %1 SERVER here OPTIONS (user '%1', password "
                             "'Mapping s3cret-four');\n"
                             "SELECT dblink_connect('c', 'host=%2 port=%3 dbname=%4 user=%1 "
                             "password=''Dblink ' || 's3cret-five''');\n"
                             "SELECT dblink_disconnect('c')")
                  .arg(app, server, QString::number(TestCluster::sandbox().port()), db.name());
        QVERIFY(runAndWait(&tab, script));
        QVERIFY2(!tab.messages()->toPlainText().contains(QStringLiteral("ERROR")),
                 qPrintable(tab.messages()->toPlainText()));
        // it ran as written: the role logs in with the last password
        PgConnection login;
        QVERIFY2(login.open(db.conninfo()
                                + QStringLiteral(" user=%1 password='Dblink s3cret-five' "
                                                 "passfile=/nonexistent")
                                      .arg(app),
                            QStringLiteral("tst_sqlhistorysecrets")),
                 qPrintable(login.connectionError() + u'\n' + tab.messages()->toPlainText()));
        // and the run is kept without any of them, the view saying so
        QByteArray kept = fileOf(history.path());
        QVERIFY(kept.contains(app.toUtf8()));
        QVERIFY2(!kept.contains("s3cret"), kept.constData());
        QVERIFY2(tab.messages()->toPlainText().contains(
                     QStringLiteral("The history keeps this run without its secrets")),
                 qPrintable(tab.messages()->toPlainText()));
        QVERIFY2(kept.contains("/* password removed */"), kept.constData());
        QVERIFY2(kept.contains("/* connection string removed */"), kept.constData());
        QVERIFY(kept.contains("VALID UNTIL"));

        // a password the parser cannot read (left unquoted): the statement is not kept, nor the
        // parser's words about it, which quote it
        QVERIFY(runAndWait(
            &tab, QStringLiteral("ALTER ROLE %1 PASSWORD Unquoted_s3cret_seven").arg(app)));
        QVERIFY2(tab.messages()->toPlainText().contains(QStringLiteral("Unquoted_s3cret_seven")),
                 qPrintable(tab.messages()->toPlainText())); // the premise: the message quotes it
        kept = fileOf(history.path());
        QVERIFY2(!kept.contains("s3cret"), kept.constData());
        const QList<SqlHistoryEntry> entries = history.search();
        QCOMPARE(entries.size(), 2);
        QVERIFY(!entries.first().ok);
        QVERIFY(entries.first().sql.contains(QStringLiteral("statement removed")));
        QVERIFY(!entries.first().outcome.contains(QStringLiteral("s3cret")));
    }
};

QTEST_MAIN(TestSqlHistorySecrets)
#include "tst_sqlhistorysecrets.moc"
