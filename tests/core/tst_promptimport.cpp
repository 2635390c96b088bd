// PromptExporter and PromptImporter against a real PostgreSQL, checked through a second
// connection: export (one, a selection, all) in the seed file's format, import with a dry
// run (new / changed / unchanged) before writing, every problem named by file and entry or
// file:line:col, nothing written on any problem, an import that would move a protected
// label refused, the audit trail of an import.
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"
#include "prompttestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptimport"))
    { }
    int versions() { return count("SELECT count(*) FROM ai_prompt_versions"); }
    QJsonObject exported(const QStringList &ids = {})
    {
        const auto r = PromptExporter(connection).exportJson(ids, false);
        if (!r.ok())
            qFatal("export: %s", qPrintable(r.error().toString()));
        return QJsonDocument::fromJson(r.value()).object();
    }
    Result<PromptImportPlan> import(const QJsonObject &root, bool dryRun)
    {
        return PromptImporter(connection)
            .importJson(QJsonDocument(root).toJson(), QStringLiteral("p.json"), dryRun, actor());
    }
};

QJsonObject withField(QJsonObject root, int i, const QString &key, const QJsonValue &value)
{
    QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    QJsonObject p = prompts.at(i).toObject();
    p.insert(key, value);
    prompts.replace(i, p);
    root.insert(QStringLiteral("prompts"), prompts);
    return root;
}

int indexOf(const QJsonObject &root, const QString &key)
{
    const QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    for (int i = 0; i < prompts.size(); ++i)
        if (prompts.at(i).toObject().value(QStringLiteral("prompt_id")).toString() == key)
            return i;
    return -1;
}

using K = PromptImportItem::Kind;

K kindOf(const PromptImportPlan &plan, const QString &key)
{
    for (const PromptImportItem &i : plan.items)
        if (i.promptId == key)
            return i.kind;
    qFatal("no item %s", qPrintable(key));
}

} // namespace

class TestPromptImport : public QObject
{
    Q_OBJECT

private slots:
    void exportSelectionAndAll()
    {
        Db s;
        QCOMPARE(s.exported().value(QStringLiteral("prompts")).toArray().size(), 4);
        const QJsonArray one = s.exported({kCoach}).value(QStringLiteral("prompts")).toArray();
        QCOMPARE(one.size(), 1);
        const QJsonObject p = one.first().toObject();
        QCOMPARE(p.value(QStringLiteral("prompt_id")).toString(), kCoach);
        QCOMPARE(p.value(QStringLiteral("temperature")).toDouble(), 0.6);
        QVERIFY(
            p.value(QStringLiteral("variables")).toArray().contains(QStringLiteral("seeker_name")));
        // The export is a valid seed file.
        PromptSeedFile f;
        QVERIFY2(f.parse(QJsonDocument(s.exported()).toJson(), QStringLiteral("x.json")),
                 qPrintable(f.errorText()));
        // Unknown ids: nothing exported, no file written.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        const auto r = PromptExporter(s.connection)
                           .exportFile({kCoach, QStringLiteral("nope")}, false, path);
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
        QCOMPARE(r.error().toString(), QStringLiteral("no prompt with id \"nope\""));
        QVERIFY(!QFile::exists(path));
        const auto ok = PromptExporter(s.connection).exportFile({}, false, path);
        QCOMPARE(ok.value(), 4);
        QVERIFY(QFile::exists(path));
    }

    void dryRunThenImport()
    {
        Db s;
        QJsonObject root = s.exported();
        const int coach = indexOf(root, kCoach);
        root = withField(root, coach, QStringLiteral("system_prompt"),
                         QStringLiteral("A new coach text for {{seeker_name}}."));
        root = withField(root, indexOf(root, QStringLiteral("authenticity-analyzer-v1")),
                         QStringLiteral("name"), QStringLiteral("Renamed"));
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        QJsonObject fresh = prompts.at(coach).toObject();
        fresh.insert(QStringLiteral("prompt_id"), QStringLiteral("brand-new-v1"));
        prompts.append(fresh);
        root.insert(QStringLiteral("prompts"), prompts);

        const auto dry = s.import(root, true);
        QVERIFY2(dry.ok(), dry.ok() ? "" : qPrintable(dry.error().toString()));
        QCOMPARE(kindOf(dry.value(), kCoach), K::Changed);
        QCOMPARE(kindOf(dry.value(), QStringLiteral("authenticity-analyzer-v1")),
                 K::MetadataChanged);
        QCOMPARE(kindOf(dry.value(), QStringLiteral("brand-new-v1")), K::New);
        QCOMPARE(kindOf(dry.value(), QStringLiteral("verification-orchestrator-v1")), K::Unchanged);
        QCOMPARE(s.versions(), 4); // the dry run wrote nothing
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action NOT LIKE '%.seed'"), 0);

        const auto r = s.import(root, false);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(s.versions(), 6); // coach v2 + brand-new v1
        QCOMPARE(s.db.scalar("SELECT current_version || ' ' || system_prompt FROM ai_prompts "
                             "WHERE prompt_id = $1",
                             {kCoach}),
                 QStringLiteral("2 A new coach text for {{seeker_name}}."));
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.import' "
                         "AND metadata ->> 'console_user' = 'alice'"),
                 3);
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_label_history WHERE reason = 'import' "
                         "AND console_user = 'alice' AND from_version = 1 AND to_version = 2"),
                 1);
        // Again: all unchanged.
        const auto again = s.import(root, true);
        QCOMPARE(again.value().count(K::Unchanged), 5);
    }

    void brokenJsonNamesLineAndColumn()
    {
        Db s;
        const auto r = PromptImporter(s.connection)
                           .importJson("{\n  \"format\": 1,\n  \"prompts\": [ }\n",
                                       QStringLiteral("bad.json"), false, Db::actor());
        QCOMPARE(r.error().code(), ErrorCode::BadInput);
        QVERIFY2(r.error().toString().startsWith(QStringLiteral("bad.json:3:")),
                 qPrintable(r.error().toString()));
    }

    void badFieldsWriteNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("temperature") << "temperature" << QJsonValue(1.5)
                                     << "field \"temperature\" is 1.5; it must be between 0 and 1";
        QTest::newRow("max_tokens") << "max_tokens" << QJsonValue(0)
                                    << "field \"max_tokens\" is 0; it must be between 1 and 200000";
        QTest::newRow("unbalanced")
            << "system_prompt" << QJsonValue(QStringLiteral("Hi\nthere {{seeker_name"))
            << "system_prompt:2:7: unclosed {{";
        QTest::newRow("NUL") << "system_prompt"
                             << QJsonValue(QStringLiteral("a") + QChar(u'\0') + u'b')
                             << "system_prompt: contains a NUL character at position 2 "
                                "(PostgreSQL text cannot hold it)";
        QTest::newRow("over 1 MiB")
            << "system_prompt" << QJsonValue(QString(1024 * 1024 + 10, u'y'))
            << "system_prompt: 1048586 bytes, more than the limit of 1 MiB (1048576 bytes)";
    }

    void badFieldsWriteNothing()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, problem);
        Db s;
        QJsonObject root = s.exported();
        const int i = indexOf(root, kCoach);
        // another prompt changes too: it must not be written either
        root = withField(root, indexOf(root, QStringLiteral("authenticity-analyzer-v1")),
                         QStringLiteral("system_prompt"), QStringLiteral("changed"));
        root = withField(root, i, field, value);
        const auto r = s.import(root, false);
        QCOMPARE(r.error().code(), ErrorCode::BadInput);
        QVERIFY2(
            r.error().toString().contains(
                QStringLiteral("p.json: prompts[%1] (reference-coach-v1): %2").arg(i).arg(problem)),
            qPrintable(r.error().toString()));
        QCOMPARE(s.versions(), 4);
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action NOT LIKE '%.seed'"), 0);
    }

    void importMovingAProtectedLabelIsRefused()
    {
        Db s;
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = QStringLiteral("production");
        m.versionNo = 1;
        m.setProtected = true;
        QVERIFY(PromptLabels(s.connection).move(m, Db::actor()).ok());
        QJsonObject root = s.exported();
        const int i = indexOf(root, kCoach);
        root = withField(root, i, QStringLiteral("system_prompt"), QStringLiteral("sneaky"));
        root = withField(root, indexOf(root, QStringLiteral("authenticity-analyzer-v1")),
                         QStringLiteral("system_prompt"), QStringLiteral("also changed"));
        const int auditsBefore = s.count("SELECT count(*) FROM audit_logs");
        for (bool dryRun : {true, false}) {
            const auto r = s.import(root, dryRun);
            QCOMPARE(r.error().code(), ErrorCode::BadInput);
            QCOMPARE(r.error().toString(),
                     QStringLiteral("p.json: prompts[%1] (reference-coach-v1): a new version 2 "
                                    "would move the protected label \"production\" (now on "
                                    "version 1)")
                         .arg(i));
        }
        QCOMPARE(s.versions(), 4);
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs"), auditsBefore);
        QCOMPARE(s.db.scalar("SELECT system_prompt = 'also changed' FROM ai_prompts "
                             "WHERE prompt_id = 'authenticity-analyzer-v1'"),
                 QStringLiteral("f"));
    }
};

QTEST_GUILESS_MAIN(TestPromptImport)
#include "tst_promptimport.moc"
