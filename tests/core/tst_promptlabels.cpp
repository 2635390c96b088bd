// PromptLabels against a real PostgreSQL, checked through a second connection: moving and
// creating labels with their history (database and console user), "latest" computed,
// "production" = what the platform serves (is_active and current_version, kept by the
// database for every writer), protected labels that move only when confirmed, bad input.
#include "prompts/promptlabels.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptlabels"))
    { }
    QString label(const QString &name)
    {
        return db.scalar("SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p "
                         "ON p.id = l.prompt_id WHERE p.prompt_id = $1 AND l.label = $2",
                         {kCoach, name});
    }
    QString row(const char *column)
    {
        return db.scalar(QByteArray("SELECT ") + column + " FROM ai_prompts WHERE prompt_id = $1",
                         {kCoach});
    }
    // Saves version 2 of the coach.
    void saveV2()
    {
        PromptSaveRequest r;
        r.promptId = kCoach;
        r.expectedLatestVersion = 1;
        r.content.systemPrompt = QStringLiteral("version two");
        r.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
        r.changeNote = QStringLiteral("v2");
        const auto s = PromptStore(connection).save(r, actor());
        if (!s.ok())
            qFatal("save: %s", qPrintable(s.error().toString()));
    }
    Result<int> move(const QString &label, int version, bool confirm = false,
                     std::optional<bool> protect = {},
                     const QString &console = QStringLiteral("alice"))
    {
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = label;
        m.versionNo = version;
        m.confirmProtected = confirm;
        m.setProtected = protect;
        return PromptLabels(connection).move(m, actor(console));
    }
};

} // namespace

class TestPromptLabels : public QObject
{
    Q_OBJECT

private slots:
    void moveRecordsWhoAndWhen()
    {
        Db s;
        s.saveV2();
        auto r = s.move(QStringLiteral("staging"), 1);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value(), 0); // new label
        r = s.move(QStringLiteral("staging"), 2, false, {}, QStringLiteral("bob"));
        QCOMPARE(r.value(), 1);
        QCOMPARE(s.label(QStringLiteral("staging")), QStringLiteral("2"));
        const auto h = PromptLabels(s.connection).history(kCoach);
        QVERIFY(h.ok());
        QList<PromptLabelMove> staging;
        for (const PromptLabelMove &m : h.value())
            if (m.label == QLatin1String("staging"))
                staging << m;
        QCOMPARE(staging.size(), 2); // newest first
        QCOMPARE(staging[0].fromVersion, 1);
        QCOMPARE(staging[0].toVersion, 2);
        QCOMPARE(staging[0].consoleUser, QStringLiteral("bob"));
        QCOMPARE(staging[0].reason, QStringLiteral("label"));
        QCOMPARE(staging[0].databaseUser, s.db.scalar("SELECT current_user"));
        QCOMPARE(staging[1].fromVersion, 0);
        QCOMPARE(staging[1].consoleUser, QStringLiteral("alice"));
        QVERIFY(staging[0].movedAt.isValid());
        // audit_logs too
        QCOMPARE(
            s.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.label' "
                    "AND metadata ->> 'console_user' = 'bob' "
                    "AND (old_values ->> 'version') = '1' AND (new_values ->> 'version') = '2'"),
            1);
        // moving it where it is changes nothing
        QCOMPARE(s.move(QStringLiteral("staging"), 2).value(), 2);
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.label'"), 2);
    }

    void latestIsComputed()
    {
        Db s;
        s.saveV2();
        const auto r = s.move(QStringLiteral("latest"), 1);
        QCOMPARE(r.error().code(), ErrorCode::BadInput);
        QCOMPARE(r.error().toString(),
                 QStringLiteral("\"latest\" always follows the newest version; "
                                "it cannot be moved"));
        QVERIFY(s.move(QStringLiteral("production"), 1).ok());
        const auto list = PromptLister(s.connection).list();
        for (const PromptSummary &p : list.value())
            if (p.promptId == kCoach) {
                QCOMPARE(p.latestVersion, 2);
                QCOMPARE(p.currentVersion, 1);
                QVERIFY(!p.labels.contains(QStringLiteral("latest")));
            }
        // the database refuses a stored "latest" from anyone
        QVERIFY(!s.db.witness()
                     .exec("INSERT INTO ai_prompt_labels (prompt_id, label, version_no) "
                           "SELECT id, 'latest', 1 FROM ai_prompts WHERE prompt_id = $1",
                           {kCoach})
                     .ok());
    }

    void productionIsWhatThePlatformServes()
    {
        Db s;
        const QString v1 = s.row("system_prompt");
        s.saveV2();
        // Saving does not promote (issue 21, point 6): production and the served row stay.
        QCOMPARE(s.label(QStringLiteral("production")), QStringLiteral("1"));
        QCOMPARE(s.row("current_version"), QStringLiteral("1"));
        QCOMPARE(s.row("system_prompt"), v1);
        // Promoting is the move: the row serves version 2, with the next semver label.
        QVERIFY(s.move(QStringLiteral("production"), 2).ok());
        QCOMPARE(s.row("current_version"), QStringLiteral("2"));
        QCOMPARE(s.row("system_prompt"), QStringLiteral("version two"));
        QCOMPARE(s.row("version"), QStringLiteral("1.1.0"));
        QCOMPARE(s.label(QStringLiteral("production")), QStringLiteral("2"));
        // Moving production back publishes version 1 (the semver label stays).
        QVERIFY(s.move(QStringLiteral("production"), 1).ok());
        QCOMPARE(s.row("current_version"), QStringLiteral("1"));
        QCOMPARE(s.row("version"), QStringLiteral("1.1.0"));
        QCOMPARE(s.row("system_prompt"), v1);
        QCOMPARE(s.label(QStringLiteral("production")), QStringLiteral("1"));
        // Another writer (the platform) deactivates the prompt: the label goes, recorded.
        QVERIFY(s.db.witness()
                    .exec("UPDATE ai_prompts SET is_active = false WHERE prompt_id = $1", {kCoach})
                    .ok());
        QCOMPARE(s.label(QStringLiteral("production")), QString());
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_label_history WHERE label = "
                         "'production' AND from_version = 1 AND to_version IS NULL "
                         "AND reason = 'database' AND console_user IS NULL"),
                 1);
        // Moving production onto an inactive prompt activates it.
        QVERIFY(s.move(QStringLiteral("production"), 2).ok());
        QCOMPARE(s.row("is_active"), QStringLiteral("t"));
        QCOMPARE(s.row("current_version"), QStringLiteral("2"));
        QCOMPARE(s.label(QStringLiteral("production")), QStringLiteral("2"));
    }

    void protectedLabelsNeedConfirmation()
    {
        Db s;
        QVERIFY(s.move(QStringLiteral("production"), 1, false, true).ok()); // protect in place
        QCOMPARE(s.db.scalar("SELECT is_protected FROM ai_prompt_labels WHERE label = "
                             "'production' AND version_no = 1 LIMIT 1"),
                 QStringLiteral("t"));
        // A save moves no label: no confirmation, production stays on version 1.
        PromptSaveRequest req;
        req.promptId = kCoach;
        req.expectedLatestVersion = 1;
        req.content.systemPrompt = QStringLiteral("v2");
        req.content.modelPreference = QStringLiteral("m");
        req.changeNote = QStringLiteral("n");
        auto saved = PromptStore(s.connection).save(req, Db::actor());
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_versions"), 5);
        QCOMPARE(s.row("current_version"), QStringLiteral("1"));
        QCOMPARE(s.label(QStringLiteral("production")), QStringLiteral("1"));
        // Promoting it is an explicit move: refused, then confirmed.
        auto r = s.move(QStringLiteral("production"), 2);
        QCOMPARE(r.error().code(), ErrorCode::NeedsConfirmation);
        QCOMPARE(r.error().toString(),
                 QStringLiteral("label \"production\" of \"reference-coach-v1\" "
                                "is protected; confirm to move it (version 1 "
                                "-> 2)"));
        QCOMPARE(s.row("current_version"), QStringLiteral("1"));
        QVERIFY(s.move(QStringLiteral("production"), 2, true).ok());
        QCOMPARE(s.row("current_version"), QStringLiteral("2"));
        r = s.move(QStringLiteral("production"), 1);
        QCOMPARE(r.error().code(), ErrorCode::NeedsConfirmation);
        QCOMPARE(s.row("current_version"), QStringLiteral("2"));
        r = s.move(QStringLiteral("production"), 1, true);
        QVERIFY(r.ok());
        QCOMPARE(s.row("current_version"), QStringLiteral("1"));
        // Unprotecting is a change of a protected label: confirmed too.
        QCOMPARE(s.move(QStringLiteral("production"), 1, false, false).error().code(),
                 ErrorCode::NeedsConfirmation);
        QVERIFY(s.move(QStringLiteral("production"), 1, true, false).ok());
        QVERIFY(s.move(QStringLiteral("production"), 2).ok());
    }

    void badMoves_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("uppercase") << kCoach << "Staging" << 1 << int(ErrorCode::BadInput)
                                   << "label \"Staging\": use lowercase letters, digits, '_' or "
                                      "'-', starting with a letter, at most 50";
        QTest::newRow("version 0") << kCoach << "staging" << 0 << int(ErrorCode::BadInput)
                                   << "version 0: versions start at 1";
        QTest::newRow("no such version") << kCoach << "staging" << 7 << int(ErrorCode::NotFound)
                                         << "prompt \"reference-coach-v1\" has no version 7";
        QTest::newRow("no such prompt")
            << "nope"
            << "staging" << 1 << int(ErrorCode::NotFound) << "no prompt with id \"nope\"";
    }

    void badMoves()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, label);
        QFETCH(int, version);
        QFETCH(int, kind);
        QFETCH(QString, message);
        Db s;
        PromptLabels::Move m;
        m.promptId = prompt;
        m.label = label;
        m.versionNo = version;
        const auto r = PromptLabels(s.connection).move(m, Db::actor());
        QCOMPARE(int(r.error().code()), kind);
        QCOMPARE(r.error().toString(), message);
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_labels"), 4);
        QCOMPARE(s.count("SELECT count(*) FROM audit_logs WHERE action NOT LIKE '%.seed'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptLabels)
#include "tst_promptlabels.moc"
