// PromptSeedFile + PromptSeeder against a real PostgreSQL: the bundled seed file, idempotent
// seeding, --update (one new version per changed prompt, nothing for the others), dry runs,
// bad seed files (the message names the file and the entry; the database is unchanged), and
// 'uaip-migrate seed prompts' as a process.
#include "db/pgconnection.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "platformdatabase.h"
#include "prompts/promptdigest.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "seed/initialseeder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// A migrated database and a connection for the code under test.
struct Seeded : PlatformDatabase
{
    Seeded()
        : PlatformDatabase(QStringLiteral("tst_promptseeder"))
    { }
    int count(const char *table)
    {
        return db.scalar(QByteArray("SELECT count(*) FROM ") + table).toInt();
    }
    PromptSeedReport seed(const PromptSeedFile &file, bool update = false, bool dryRun = false)
    {
        PromptSeeder::Options o;
        o.update = update;
        o.dryRun = dryRun;
        return PromptSeeder(connection).run(file, o);
    }
};

QByteArray bundledBytes()
{
    QFile f(PromptSeedFile::bundledPath());
    if (!f.open(QIODevice::ReadOnly))
        qFatal("bundled seed file missing");
    return f.readAll();
}

QJsonObject bundledJson()
{
    return QJsonDocument::fromJson(bundledBytes()).object();
}

// Writes json as <dir>/ai_prompts.json and loads it.
QString writeFile(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("ai_prompts.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// Sets prompts[i].key = value in a copy of the seed object.
QJsonObject withPromptField(QJsonObject root, int i, const QString &key, const QJsonValue &value)
{
    QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    QJsonObject p = prompts.at(i).toObject();
    if (value.isUndefined())
        p.remove(key);
    else
        p.insert(key, value);
    prompts.replace(i, p);
    root.insert(QStringLiteral("prompts"), prompts);
    return root;
}

struct Counts
{
    int prompts, versions, personas;
    bool operator==(const Counts &) const = default;
};

Counts counts(Seeded &s)
{
    return {s.count("ai_prompts"), s.count("ai_prompt_versions"), s.count("personas")};
}

} // namespace

class TestPromptSeeder : public QObject
{
    Q_OBJECT

private slots:
    void bundledFileIsValid()
    {
        PromptSeedFile file;
        QVERIFY2(file.load(PromptSeedFile::bundledPath()), qPrintable(file.errorText()));
        QCOMPARE(file.displayName(), QStringLiteral("ai_prompts.json"));
        QVERIFY(file.prompts().size() >= 4); // the four AI agents
        QVERIFY(!file.personas().isEmpty());
        for (const PromptSeed &p : file.prompts()) {
            QVERIFY(!p.systemPrompt.isEmpty());
            QVERIFY(p.temperature >= 0 && p.temperature <= 1);
        }
    }

    void seedingIsIdempotent()
    {
        Seeded s;
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        const PromptSeedReport first = s.seed(file);
        QVERIFY2(first.ok(), qPrintable(first.message));
        const int n = int(file.prompts().size());
        QCOMPARE(first.count(QStringLiteral("prompt"), SeedAction::Kind::Insert), n);
        QCOMPARE(first.count(QStringLiteral("persona"), SeedAction::Kind::Insert),
                 int(file.personas().size()));
        const Counts after = counts(s);
        QCOMPARE(after, (Counts{n, n, int(file.personas().size())}));
        // every prompt points at its version 1, whose digest is the one of its text
        QCOMPARE(
            s.db.scalar(
                    "SELECT count(*) FROM ai_prompts p JOIN ai_prompt_versions v ON v.prompt_id = "
                    "p.id "
                    "AND v.version_no = p.current_version AND v.system_prompt = p.system_prompt "
                    "WHERE p.current_version = 1 AND p.version = '1.0.0'")
                .toInt(),
            n);
        const PromptSeed &p0 = file.prompts().first();
        QCOMPARE(s.db.scalar("SELECT v.content_sha256 FROM ai_prompt_versions v JOIN ai_prompts p "
                             "ON p.id = v.prompt_id "
                             "WHERE p.prompt_id = $1",
                             {p0.promptId}),
                 PromptDigest::contentSha256(p0.systemPrompt, p0.userPromptTemplate));
        QCOMPARE(
            s.db.scalar("SELECT metadata->>'security_level' FROM ai_prompts WHERE prompt_id = $1",
                        {p0.promptId}),
            p0.securityLevel);
        // no admin user: seeded personas belong to nobody
        QCOMPARE(s.db.scalar("SELECT count(*) FROM personas WHERE created_by IS NOT NULL").toInt(),
                 0);

        for (bool update : {false, true}) {
            const PromptSeedReport again = s.seed(file, update);
            QVERIFY2(again.ok(), qPrintable(again.message));
            QCOMPARE(again.writes(), 0);
            QCOMPARE(again.count(QStringLiteral("prompt"), SeedAction::Kind::Unchanged), n);
            QCOMPARE(again.count(QStringLiteral("persona"), SeedAction::Kind::Exists),
                     int(file.personas().size()));
            QCOMPARE(counts(s), after);
        }
    }

    void personasBelongToTheAdmin()
    {
        Seeded s;
        InitialSeeder::Options o;
        o.adminPassword = QStringLiteral("a long enough password");
        QVERIFY(InitialSeeder(s.connection).run(o).ok());
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        QVERIFY(s.seed(file).ok());
        QCOMPARE(s.db.scalar("SELECT count(*) FROM personas p JOIN users u ON u.id = p.created_by "
                             "WHERE u.email = 'admin@uaip.local'")
                     .toInt(),
                 int(file.personas().size()));
    }

    void update_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("newVersion"); // false: metadata only
        QTest::newRow("system prompt")
            << QStringLiteral("system_prompt")
            << QJsonValue(QStringLiteral("You are terse. Answer in one line.")) << true;
        QTest::newRow("temperature") << QStringLiteral("temperature") << QJsonValue(0.95) << true;
        QTest::newRow("max tokens") << QStringLiteral("max_tokens") << QJsonValue(1234) << true;
        QTest::newRow("model") << QStringLiteral("model_preference")
                               << QJsonValue(QStringLiteral("gpt-4o")) << true;
        QTest::newRow("description only")
            << QStringLiteral("description") << QJsonValue(QStringLiteral("A new description."))
            << false;
        QTest::newRow("security level only")
            << QStringLiteral("security_level") << QJsonValue(QStringLiteral("low")) << false;
    }

    void update()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(bool, newVersion);
        Seeded s;
        PromptSeedFile bundled;
        QVERIFY(bundled.load(PromptSeedFile::bundledPath()));
        QVERIFY(s.seed(bundled).ok());
        const int n = int(bundled.prompts().size());
        const int changed = 2;
        const QString id = bundled.prompts().at(changed).promptId;

        QTemporaryDir dir;
        PromptSeedFile edited;
        QVERIFY2(edited.load(writeFile(
                     dir, toBytes(withPromptField(bundledJson(), changed, field, value)))),
                 qPrintable(edited.errorText()));
        // without --update: reported as different, nothing written
        PromptSeedReport r = s.seed(edited);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.count(QStringLiteral("prompt"), SeedAction::Kind::Differs), 1);
        QCOMPARE(r.writes(), 0);
        QCOMPARE(s.count("ai_prompt_versions"), n);
        // --update: exactly one new version, for that prompt only
        r = s.seed(edited, true);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.writes(), 1);
        QCOMPARE(s.count("ai_prompt_versions"), newVersion ? n + 1 : n);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM ai_prompt_versions v JOIN ai_prompts p ON p.id "
                             "= v.prompt_id "
                             "WHERE p.prompt_id <> $1 AND v.version_no > 1",
                             {id})
                     .toInt(),
                 0);
        QCOMPARE(s.db.scalar("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {id})
                     .toInt(),
                 newVersion ? 2 : 1);
        QCOMPARE(s.db.scalar("SELECT version FROM ai_prompts WHERE prompt_id = $1", {id}),
                 newVersion ? QStringLiteral("1.1.0") : QStringLiteral("1.0.0"));
        if (newVersion) {
            // the row points at the new version, which holds the new text
            QCOMPARE(
                s.db.scalar("SELECT v.system_prompt = p.system_prompt AND v.model_preference = "
                            "p.model_preference "
                            "AND v.temperature = p.temperature AND v.max_tokens = p.max_tokens "
                            "FROM ai_prompts p JOIN ai_prompt_versions v ON v.prompt_id = p.id "
                            "AND v.version_no = p.current_version WHERE p.prompt_id = $1",
                            {id}),
                QStringLiteral("t"));
            // version 1 still holds the original text (versions are immutable)
            QCOMPARE(
                s.db.scalar("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                            "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 1",
                            {id}),
                bundled.prompts().at(changed).systemPrompt);
        }
        if (field == QLatin1String("system_prompt"))
            QCOMPARE(s.db.scalar("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {id}),
                     value.toString());
        // and once more: nothing left to do
        r = s.seed(edited, true);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.writes(), 0);
        QCOMPARE(s.count("ai_prompt_versions"), newVersion ? n + 1 : n);
    }

    void dryRunWritesNothing()
    {
        Seeded s;
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        PromptSeedReport r = s.seed(file, false, true);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.dryRun);
        QCOMPARE(r.count(QStringLiteral("prompt"), SeedAction::Kind::Insert),
                 int(file.prompts().size()));
        QCOMPARE(counts(s), (Counts{0, 0, 0}));

        QVERIFY(s.seed(file).ok());
        const Counts seeded = counts(s);
        QTemporaryDir dir;
        PromptSeedFile edited;
        QVERIFY(edited.load(
            writeFile(dir,
                      toBytes(withPromptField(bundledJson(), 0, QStringLiteral("system_prompt"),
                                              QStringLiteral("Changed."))))));
        r = s.seed(edited, true, true);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.count(QStringLiteral("prompt"), SeedAction::Kind::NewVersion), 1);
        QCOMPARE(counts(s), seeded);
        QCOMPARE(s.db.scalar("SELECT max(current_version) FROM ai_prompts").toInt(), 1);
    }

    void badFiles_data()
    {
        // Each case edits one field of the bundled file: of prompts[index] ("prompt"), of
        // personas[index] ("persona") or of the top level ("root"); "syntax" breaks the JSON.
        // An undefined value removes the field. In 'expected', {entry} is the edited entry.
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        const QJsonValue remove(QJsonValue::Undefined);
        QTest::newRow("invalid JSON") << QStringLiteral("syntax") << 0 << QString() << remove
                                      << QStringLiteral("ai_prompts.json:{line}:");
        QTest::newRow("missing field")
            << QStringLiteral("prompt") << 2 << QStringLiteral("system_prompt") << remove
            << QStringLiteral("ai_prompts.json: {entry}: missing field \"system_prompt\"");
        QTest::newRow("wrong type")
            << QStringLiteral("prompt") << 2 << QStringLiteral("temperature")
            << QJsonValue(QStringLiteral("0.5"))
            << QStringLiteral("ai_prompts.json: {entry}: field \"temperature\" must be a number, "
                              "not a string");
        QTest::newRow("not an integer")
            << QStringLiteral("prompt") << 2 << QStringLiteral("max_tokens") << QJsonValue(10.5)
            << QStringLiteral("ai_prompts.json: {entry}: field \"max_tokens\" must be an integer");
        QTest::newRow("duplicate prompt id")
            << QStringLiteral("prompt") << 2 << QStringLiteral("prompt_id")
            << QJsonValue(QStringLiteral("{id0}"))
            << QStringLiteral(
                   "ai_prompts.json: {entry}: duplicate prompt_id, already used by prompts[0]");
        QTest::newRow("undeclared template variable")
            << QStringLiteral("prompt") << 2 << QStringLiteral("user_prompt_template")
            << QJsonValue(QStringLiteral("Check {{not_declared}} please."))
            << QStringLiteral(
                   "ai_prompts.json: {entry}: user_prompt_template uses {{not_declared}}, which is "
                   "not declared in \"variables\"");
        QTest::newRow("unknown enum value")
            << QStringLiteral("prompt") << 2 << QStringLiteral("prompt_type")
            << QJsonValue(QStringLiteral("poetry"))
            << QStringLiteral("ai_prompts.json: {entry}: field \"prompt_type\" is \"poetry\"");
        QTest::newRow("temperature out of range")
            << QStringLiteral("prompt") << 2 << QStringLiteral("temperature") << QJsonValue(1.5)
            << QStringLiteral("ai_prompts.json: {entry}: field \"temperature\" is 1.5");
        QTest::newRow("unknown field")
            << QStringLiteral("prompt") << 2 << QStringLiteral("sytem_prompt")
            << QJsonValue(QStringLiteral("typo"))
            << QStringLiteral("ai_prompts.json: {entry}: unknown field \"sytem_prompt\"");
        QTest::newRow("persona without role")
            << QStringLiteral("persona") << 1 << QStringLiteral("role") << remove
            << QStringLiteral("ai_prompts.json: {entry}: missing field \"role\"");
        QTest::newRow("unsupported format")
            << QStringLiteral("root") << 0 << QStringLiteral("format") << QJsonValue(2)
            << QStringLiteral("ai_prompts.json: unsupported format 2");
    }

    void badFiles()
    {
        QFETCH(QString, target);
        QFETCH(int, index);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject root = bundledJson();
        const QString id0 = root.value(QStringLiteral("prompts"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("prompt_id"))
                                .toString();
        if (value.toString() == QLatin1String("{id0}"))
            value = id0;
        QByteArray bytes;
        if (target == QLatin1String("syntax")) {
            bytes = bundledBytes();
            const qsizetype at = bytes.indexOf("\"name\":");
            QVERIFY(at > 0);
            bytes.replace(at, 7, "\"name\" "); // the colon is missing
            expected.replace(QStringLiteral("{line}"),
                             QString::number(bytes.left(at).count('\n') + 1));
        } else if (target == QLatin1String("root")) {
            root.insert(field, value);
            bytes = toBytes(root);
        } else {
            const QString list = target == QLatin1String("prompt") ? QStringLiteral("prompts")
                                                                   : QStringLiteral("personas");
            QJsonArray entries = root.value(list).toArray();
            QJsonObject entry = entries.at(index).toObject();
            const QString key
                = entry
                      .value(target == QLatin1String("prompt") ? QStringLiteral("prompt_id")
                                                               : QStringLiteral("name"))
                      .toString();
            if (value.isUndefined())
                entry.remove(field);
            else
                entry.insert(field, value);
            entries.replace(index, entry);
            root.insert(list, entries);
            bytes = toBytes(root);
            expected.replace(
                QStringLiteral("{entry}"),
                QStringLiteral("%1[%2] (%3)")
                    .arg(list)
                    .arg(index)
                    .arg(field == QLatin1String("prompt_id") ? value.toString() : key));
        }
        QTemporaryDir dir;
        PromptSeedFile file;
        QVERIFY(!file.load(writeFile(dir, bytes)));
        QVERIFY2(
            file.errorText().contains(expected),
            qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(expected, file.errorText())));
        QVERIFY(file.prompts().isEmpty()); // nothing half-read is handed out

        // On a seeded database the seeder refuses it and changes nothing.
        Seeded s;
        PromptSeedFile good;
        QVERIFY(good.load(PromptSeedFile::bundledPath()));
        QVERIFY(s.seed(good).ok());
        const Counts before = counts(s);
        const PromptSeedReport r = s.seed(file, true);
        QCOMPARE(r.outcome, PromptSeedReport::Outcome::BadInput);
        QVERIFY(r.message.contains(expected));
        QCOMPARE(counts(s), before);
    }

    void cli()
    {
        Seeded s;
        auto run = [&](const QStringList &args, QString *err = nullptr) {
            QProcess p;
            p.start(TestCluster::migrateBinary(),
                    QStringList{QStringLiteral("--db"), s.db.conninfo()} + args);
            p.closeWriteChannel();
            if (!p.waitForFinished(120000))
                qFatal("uaip-migrate did not finish");
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return std::pair{p.exitCode(),
                             QJsonDocument::fromJson(p.readAllStandardOutput()).object()};
        };
        auto [code, json]
            = run({QStringLiteral("seed"), QStringLiteral("prompts"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("command")).toString(), QStringLiteral("seed prompts"));
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        const int n = s.count("ai_prompts");
        QVERIFY(n >= 4);
        QCOMPARE(json.value(QStringLiteral("prompts"))
                     .toObject()
                     .value(QStringLiteral("insert"))
                     .toInt(),
                 n);
        QCOMPARE(json.value(QStringLiteral("actions")).toArray().size(), n + s.count("personas"));
        std::tie(code, json)
            = run({QStringLiteral("seed"), QStringLiteral("prompts"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("writes")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("prompts"))
                     .toObject()
                     .value(QStringLiteral("unchanged"))
                     .toInt(),
                 n);

        // a bad --file: exit 2, the file and the entry named, nothing written
        QTemporaryDir dir;
        const QString path
            = writeFile(dir,
                        toBytes(withPromptField(bundledJson(), 1, QStringLiteral("system_prompt"),
                                                QJsonValue(QJsonValue::Undefined))));
        const QString id1 = bundledJson()
                                .value(QStringLiteral("prompts"))
                                .toArray()
                                .at(1)
                                .toObject()
                                .value(QStringLiteral("prompt_id"))
                                .toString();
        const int versions = s.count("ai_prompt_versions");
        QString err;
        std::tie(code, json) = run({QStringLiteral("seed"), QStringLiteral("prompts"),
                                    QStringLiteral("--update"), QStringLiteral("--file"), path},
                                   &err);
        QCOMPARE(code, 2);
        const QString expected
            = QStringLiteral("%1: prompts[1] (%2): missing field \"system_prompt\"").arg(path, id1);
        QVERIFY2(err.contains(expected), qPrintable(err));
        QCOMPARE(s.count("ai_prompt_versions"), versions);
        std::tie(code, json) = run({QStringLiteral("seed"), QStringLiteral("prompts"),
                                    QStringLiteral("--json"), QStringLiteral("--file"), path});
        QCOMPARE(code, 2);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(json.value(QStringLiteral("error")).toString().contains(expected));
        // an option of another seed command
        std::tie(code, json) = run({QStringLiteral("seed"), QStringLiteral("prompts"),
                                    QStringLiteral("--scale"), QStringLiteral("10")},
                                   &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--scale does not apply to \"seed prompts\"")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestPromptSeeder)
#include "tst_promptseeder.moc"
