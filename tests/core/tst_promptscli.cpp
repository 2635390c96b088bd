// 'uaip-migrate prompts ...' as a process against a real PostgreSQL (same core classes as
// the GUI), checked through a second connection: list/show/diff/history with --json, export
// and import (dry run first), labels (a protected one needs the typed database name), and
// the exit codes of bad input, unknown ids and options that do not apply.
#include "prompttestutil.h"
#include "testcluster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Run
{
    int code = -1;
    QJsonObject json;
    QString out;
    QString err;
};

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptscli"))
    { }
    Run run(const QStringList &args, bool json = true)
    {
        QProcess p;
        QStringList all{QStringLiteral("--db"), db.conninfo()};
        if (json)
            all << QStringLiteral("--json");
        p.start(TestCluster::migrateBinary(), all + args);
        p.closeWriteChannel(); // not a terminal: nothing is asked
        if (!p.waitForFinished(120000))
            qFatal("uaip-migrate did not finish");
        Run r;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return r;
    }
    int versions() { return count("SELECT count(*) FROM ai_prompt_versions"); }
};

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out{QStringLiteral("prompts")};
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace

class TestPromptsCli : public QObject
{
    Q_OBJECT

private slots:
    void listShowHistory()
    {
        Db s;
        Run r = s.run(args({"list"}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("command")).toString(),
                 QStringLiteral("prompts list"));
        const QJsonArray rows = r.json.value(QStringLiteral("prompts")).toArray();
        QCOMPARE(rows.size(), 4);
        QJsonObject coach;
        for (const QJsonValue &v : rows)
            if (v.toObject().value(QStringLiteral("prompt_id")).toString() == kCoach)
                coach = v.toObject();
        QCOMPARE(coach.value(QStringLiteral("labels")).toObject(),
                 (QJsonObject{{QStringLiteral("production"), 1}, {QStringLiteral("latest"), 1}}));
        QCOMPARE(coach.value(QStringLiteral("is_active")).toBool(), true);
        QCOMPARE(coach.value(QStringLiteral("interactions")).toInt(), 0);

        r = s.run(args({"list", "--search", "authenticity", "--type", "authenticity"}));
        QCOMPARE(r.json.value(QStringLiteral("prompts")).toArray().size(), 1);

        r = s.run(args({"show", "reference-coach-v1", "--version", "1"}));
        QCOMPARE(r.code, 0);
        const QJsonObject v = r.json.value(QStringLiteral("version")).toObject();
        QCOMPARE(v.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(v.value(QStringLiteral("system_prompt"))
                    .toString()
                    .startsWith(QStringLiteral("You are the Reference Coach")));
        QVERIFY(r.json.value(QStringLiteral("variables"))
                    .toArray()
                    .contains(QStringLiteral("seeker_name")));

        r = s.run(args({"show", "reference-coach-v1"}), false); // text
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--- variables: ")));

        r = s.run(args({"history", "reference-coach-v1"}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("versions")).toArray().size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("label_history")).toArray().size(), 1);
    }

    void exportImportAndDiff()
    {
        Db s;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.json"));
        Run r = s.run({QStringLiteral("prompts"), QStringLiteral("export"), QStringLiteral("--ids"),
                       kCoach, QStringLiteral("--file"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("prompts")).toInt(), 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        QJsonObject p = prompts.first().toObject();
        p.insert(
            QStringLiteral("system_prompt"),
            p.value(QStringLiteral("system_prompt"))
                .toString()
                .replace(QStringLiteral("Reference Coach"), QStringLiteral("Reference Mentor")));
        p.insert(QStringLiteral("temperature"), 0.3);
        prompts.replace(0, p);
        root.insert(QStringLiteral("prompts"), prompts);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();

        r = s.run({QStringLiteral("prompts"), QStringLiteral("import"), file,
                   QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(s.versions(), 4);
        r = s.run({QStringLiteral("prompts"), QStringLiteral("import"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(s.versions(), 5);

        r = s.run(args({"diff", "reference-coach-v1", "1", "2"}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("identical")).toBool(), false);
        const QJsonArray unified = r.json.value(QStringLiteral("system_prompt"))
                                       .toObject()
                                       .value(QStringLiteral("unified"))
                                       .toArray();
        QVERIFY(unified.size() >= 3);
        const QJsonArray params = r.json.value(QStringLiteral("parameters")).toArray();
        QCOMPARE(params.size(), 1);
        QCOMPARE(params.first().toObject().value(QStringLiteral("after")).toString(),
                 QStringLiteral("0.30"));
        r = s.run(args({"diff", "reference-coach-v1", "2", "2"}), false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("Versions 2 and 2 are identical."));

        // broken JSON: exit 2, file:line:col, nothing written
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\n \"format\": 1,\n \"prompts\": [\n");
        f.close();
        r = s.run({QStringLiteral("prompts"), QStringLiteral("import"), file}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(file + QStringLiteral(":4:")), qPrintable(r.err));
        QCOMPARE(s.versions(), 5);
    }

    void labelsAndProtection()
    {
        Db s;
        Run r = s.run(args({"label", "reference-coach-v1", "staging", "1"}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QStringLiteral("to_version")).toInt(), 1);
        r = s.run(args({"label", "reference-coach-v1", "production", "1", "--protect"}));
        QCOMPARE(r.code, 0);
        QCOMPARE(s.db.scalar("SELECT is_protected FROM ai_prompt_labels l JOIN ai_prompts p ON "
                             "p.id = l.prompt_id WHERE p.prompt_id = $1 AND label = 'production'",
                             {kCoach}),
                 QStringLiteral("t"));
        // Moving the protected label without the database name: exit 2, nothing written.
        r = s.run(args({"label", "reference-coach-v1", "production", "1", "--unprotect"}));
        QCOMPARE(r.code, 2);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("needs-confirmation"));
        QVERIFY(r.json.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("pass --confirm %1").arg(s.db.name())));
        // A wrong name is refused too.
        r = s.run(args({"label", "reference-coach-v1", "production", "1", "--unprotect",
                        "--confirm", "other"}));
        QCOMPARE(r.code, 2);
        QCOMPARE(s.db.scalar("SELECT bool_or(is_protected) FROM ai_prompt_labels"),
                 QStringLiteral("t"));
        r = s.run({QStringLiteral("prompts"), QStringLiteral("label"), kCoach,
                   QStringLiteral("production"), QStringLiteral("1"), QStringLiteral("--unprotect"),
                   QStringLiteral("--confirm"), s.db.name()});
        QCOMPARE(r.code, 0);
        QCOMPARE(s.db.scalar("SELECT bool_or(is_protected) FROM ai_prompt_labels"),
                 QStringLiteral("f"));
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.label' "
                         "AND metadata ->> 'application' = 'uaip-migrate'"),
                 3);
    }

    // Issue 20, point 3: seed prompts --update moves a protected "production" only with the
    // database name; refused, it names the prompt and writes nothing.
    void seedUpdateNeedsTheDatabaseNameForProtectedProduction()
    {
        Db s;
        QVERIFY(s.run(args({"label", "reference-coach-v1", "production", "1", "--protect"})).code
                == 0);
        QFile in(PromptSeedFile::bundledPath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        for (int i = 0; i < prompts.size(); ++i) {
            QJsonObject o = prompts.at(i).toObject();
            if (o.value(QStringLiteral("prompt_id")).toString() == kCoach) {
                o.insert(QStringLiteral("system_prompt"), QStringLiteral("A reseeded coach."));
                prompts.replace(i, o);
            }
        }
        root.insert(QStringLiteral("prompts"), prompts);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("seed.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        const QStringList seed{QStringLiteral("seed"), QStringLiteral("prompts"),
                               QStringLiteral("--update"), QStringLiteral("--file"), file};
        Run r = s.run(seed, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(kCoach) && r.err.contains(QStringLiteral("--confirm")),
                 qPrintable(r.err));
        QCOMPARE(s.versions(), 4);
        r = s.run(seed + QStringList{QStringLiteral("--confirm"), s.db.name()}, false);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(s.versions(), 5);
        QCOMPARE(s.db.scalar("SELECT l.version_no::text || l.is_protected::text FROM "
                             "ai_prompt_labels l JOIN ai_prompts p ON p.id = l.prompt_id "
                             "WHERE p.prompt_id = $1 AND l.label = 'production'",
                             {kCoach}),
                 QStringLiteral("2true"));
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.seed' "
                         "AND metadata ->> 'application' = 'uaip-migrate'"),
                 1);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("errorCode"); // "code": every failure has one (issue 58)
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown id") << args({"show", "nope"}) << 2 << "not-found"
                                    << "no prompt with id \"nope\"";
        QTest::newRow("unknown version")
            << args({"show", "reference-coach-v1", "--version", "5"}) << 2 << "not-found"
            << "prompt \"reference-coach-v1\" has no version 5";
        // --version is also the program's own option: a value that is no number is still the
        // prompt's version (bad input), never the program's version with exit 0
        QTest::newRow("version not a number")
            << args({"show", "reference-coach-v1", "--version", "abc"}) << 2 << "bad-input"
            << "--version \"abc\" is not a version number (1, 2, ...)";
        QTest::newRow("bad version")
            << args({"diff", "reference-coach-v1", "1", "x"}) << 2 << "bad-input"
            << "version \"x\" is not a version number (1, 2, ...)";
        QTest::newRow("latest") << args({"label", "reference-coach-v1", "latest", "1"}) << 2
                                << "bad-input"
                                << "\"latest\" always follows the newest version";
        QTest::newRow("export without file") << args({"export"}) << 2 << "bad-input"
                                             << "prompts export needs --file F";
        QTest::newRow("option of another command")
            << args({"list", "--decrypt"}) << 2 << "bad-input"
            << "--decrypt does not apply to \"prompts list\"";
        QTest::newRow("unknown subcommand") << args({"frobnicate"}) << 2 << "bad-input"
                                            << "unknown subcommand \"prompts frobnicate\"";
        QTest::newRow("prompts option on seed")
            << QStringList{QStringLiteral("seed"), QStringLiteral("prompts"),
                           QStringLiteral("--search"), QStringLiteral("x")}
            << 2 << "bad-input"
            << "--search does not apply to \"seed\"";
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        Db s;
        const Run r = s.run(arguments);
        QCOMPARE(r.code, code);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(), errorCode);
        QVERIFY(r.json.value(QStringLiteral("args")).isObject());
        QVERIFY2(r.json.value(QStringLiteral("error")).toString().contains(message),
                 qPrintable(r.json.value(QStringLiteral("error")).toString()));
        // the one failure document every command prints (issue 58): no shape of its own
        QCOMPARE(r.json.value(QStringLiteral("command")).toString(), arguments.first());
        QCOMPARE(r.json.value(QStringLiteral("exit_code")).toInt(), code);
        QVERIFY(r.json.value(QStringLiteral("problems")).isArray());
        QVERIFY(!r.json.contains(QStringLiteral("kind")));
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action NOT LIKE '%.seed'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptsCli)
#include "tst_promptscli.moc"
