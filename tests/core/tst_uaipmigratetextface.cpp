// uaip-migrate's human text as a process: control characters that come from data (a migration
// folder's name, a table's name in the server's error, a statement, a file's bytes in a dry run)
// reach the terminal visibly (\u001b, \r, \u007f), never as themselves, while the JSON face keeps
// them (escaped by JSON) and the text keeps its own line breaks.
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

// The first control byte a terminal would act on (a C0 byte but LF and tab, a CR not before
// LF, DEL, a C1 character in UTF-8), as "offset: byte"; empty when there is none.
QString rawControl(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto b = uchar(text.at(i));
        const bool crlf = b == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n';
        const bool c1 = b == 0xc2 && i + 1 < text.size() && uchar(text.at(i + 1)) >= 0x80
            && uchar(text.at(i + 1)) <= 0x9f;
        if (((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f || c1) && !crlf)
            return QStringLiteral("%1: 0x%2").arg(i).arg(b, 2, 16, QLatin1Char('0'));
    }
    return QString();
}

const QString kFolder = QStringLiteral("0003_a\x1b[2Jb\rX");
const QByteArray kTable = "t\x1b]0;pwn\x07\r";
const QByteArray kMissing = "missing\x1b[31m\r\x7f";

} // namespace

class TestUaipMigrateTextFace : public QObject
{
    Q_OBJECT

private slots:
    // A folder name with ESC and CR: the warning of status names it visibly.
    void folderNameShownVisibly()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(kFolder, "SELECT 1;\n");
        const Run text = migrate(on(db, f.path()) << QStringLiteral("status"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(rawControl(text.err.toUtf8()).isEmpty(),
                 qPrintable(rawControl(text.err.toUtf8())));
        QVERIFY2(rawControl(text.out.toUtf8()).isEmpty(),
                 qPrintable(rawControl(text.out.toUtf8())));
        QVERIFY2(text.err.contains(QStringLiteral("0003_a\\u001b[2Jb\\rX")), qPrintable(text.err));
        // the listing keeps its own lines
        QVERIFY(text.out.count(u'\n') >= 4);
        // JSON keeps the name as it is (JSON escapes it)
        const Run json
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("validate"));
        QVERIFY2(json.out.contains(QStringLiteral("\\u001b")), qPrintable(json.out));
        QVERIFY(json.json().value(QStringLiteral("problems")).toArray().size() >= 1);
    }

    // A table named with ESC, BEL and CR, and a statement naming a missing one: the server's
    // error and the failed statement are shown visibly; so is the dry run's SQL.
    void serverWordsAndStatementShownVisibly()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_odd"),
              "CREATE TABLE \"" + kTable + "\" (id int);\nSELECT * FROM \"" + kMissing + "\";\n");
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 1);
        QVERIFY2(rawControl(up.err.toUtf8()).isEmpty(), qPrintable(rawControl(up.err.toUtf8())));
        QVERIFY2(rawControl(up.out.toUtf8()).isEmpty(), qPrintable(rawControl(up.out.toUtf8())));
        QVERIFY2(up.err.contains(QStringLiteral("missing\\u001b[31m\\r\\u007f")),
                 qPrintable(up.err));
        QVERIFY(up.err.count(u'\n') >= 3); // the failure, "statement:", the statement: own lines

        const Run json
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up"));
        QCOMPARE(json.exitCode, 1);
        const QString message = json.json()
                                    .value(QStringLiteral("failure"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
        QVERIFY2(message.contains(QString::fromUtf8(kMissing)), qPrintable(json.out));

        const Run dry
            = migrate(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(rawControl(dry.out.toUtf8()).isEmpty(), qPrintable(rawControl(dry.out.toUtf8())));
        QVERIFY2(dry.out.contains(
                     QStringLiteral("CREATE TABLE \"t\\u001b]0;pwn\\u0007\\r\" (id int);\n")),
                 qPrintable(dry.out));
    }

    // A file's CRLF line ends and a C1 control in UTF-8 in the dry run: the lines stay, the C1
    // character is shown; other text (é) is as it is.
    void dryRunKeepsLinesAndText()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_crlf"),
              "SELECT 1; -- caf\xc3\xa9\r\nSELECT 2; -- \xc2\x9b"
              "2J\r\n");
        const Run dry
            = migrate(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(rawControl(dry.out.toUtf8()).isEmpty(), qPrintable(rawControl(dry.out.toUtf8())));
        QVERIFY2(dry.out.contains(QStringLiteral("SELECT 1; -- café\r\nSELECT 2; -- \\u009b2J")),
                 qPrintable(dry.out));
    }

    // sql's rows, column names and notices: a value with ESC and CR, a column named with BEL,
    // a notice with ESC are shown visibly; the JSON rows keep the values as they are.
    void sqlRowsAndNoticesShownVisibly()
    {
        TestDatabase db;
        const QString query = QStringLiteral("DO $$BEGIN RAISE NOTICE 'n%', E'\\x1b[2J'; END$$;\n"
                                             "SELECT E'v\\x1b]0;pwn\\x07\\rX' AS \"c\x07\", "
                                             "E'a\\u202eb \\U0001F468\\u200d\\U0001F469' AS w");
        const Run text
            = migrate(db.conninfo(), {QStringLiteral("sql"), QStringLiteral("-c"), query});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(rawControl(text.out.toUtf8()).isEmpty(),
                 qPrintable(rawControl(text.out.toUtf8())));
        QVERIFY2(rawControl(text.err.toUtf8()).isEmpty(),
                 qPrintable(rawControl(text.err.toUtf8())));
        QVERIFY2(text.out.contains(QStringLiteral("v\\u001b]0;pwn\\u0007\\rX")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("c\\u0007")), qPrintable(text.out));
        QVERIFY2(text.err.contains(QStringLiteral("n\\u001b[2J")), qPrintable(text.err));
        // a bidirectional override is shown; a joiner in an emoji is kept
        QVERIFY2(text.out.contains(QStringLiteral("a\\u202eb")), qPrintable(text.out));
        QVERIFY2(
            text.out.contains(QString::fromUtf8("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9")),
            qPrintable(text.out));
        const Run json = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("sql"), QStringLiteral("-c"), query});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.out.contains(QStringLiteral("v\\u001b]0;pwn\\u0007\\rX")),
                 qPrintable(json.out));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateTextFace)
#include "tst_uaipmigratetextface.moc"
