// The prompt rules (migrations 0018-0021) against real non-owner roles created here, each
// connected with its own libpq session (issue 31): the application role (USAGE on public,
// SELECT/INSERT/UPDATE/DELETE on every table and sequence, TEMP from PUBLIC), the same with
// CREATE on a schema of its own, and a SELECT-only role. Every attack must change nothing:
//  - the trigger-depth trick (a temporary table's trigger) against versions, labels, protected
//    labels, the encryption state, audit_logs and ai_prompt_label_history;
//  - a temporary ai_prompt_encryption shadowing the state, both ways;
//  - functions of the role's own schema shadowing the rules' helpers;
//  - a role granted EXECUTE on the conversion functions rewriting the versions;
//  - a direct write to a protected label or to the history tables;
// and after enable and rotate no plain text is left in pg_stats; the conversion audits every
// version it converts (digest before and after).
#include "crypto/datakey.h"
#include "crypto/promptencryption.h"
#include "promptroletestutil.h"
#include "prompts/promptlabels.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");
const QString kFakeKey = QStringLiteral("0123456789abcdef");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptrulesroles"))
    {
        saveDraftOfTheCoach(*this);
    }
    // Everything the attacks could touch, as one text to compare before and after.
    QString snapshot()
    {
        return db.scalar(
            "SELECT concat_ws(' | ', "
            "(SELECT string_agg(v.id::text || v.version_no || md5(v.system_prompt) || "
            "v.content_sha256,"
            " ',' ORDER BY v.id) FROM ai_prompt_versions v), "
            "(SELECT string_agg(p.id::text || p.current_version || md5(p.system_prompt), ',' ORDER "
            "BY "
            "p.id) FROM ai_prompts p), "
            "(SELECT string_agg(l.prompt_id::text || l.label || l.version_no || l.is_protected, "
            "',' "
            "ORDER BY l.prompt_id, l.label) FROM ai_prompt_labels l), "
            "(SELECT string_agg(h.id::text || h.label || coalesce(h.to_version, 0) || h.reason, "
            "',' "
            "ORDER BY h.id) FROM ai_prompt_label_history h), "
            "(SELECT count(*) || '/' || md5(string_agg(a::text, ',' ORDER BY a.id)) FROM "
            "audit_logs a), "
            "(SELECT e::text FROM ai_prompt_encryption e))");
    }
    void protect(const QString &label)
    {
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = label;
        m.versionNo = 1;
        m.setProtected = true;
        if (const auto r = PromptLabels(connection).move(m, actor()); !r.ok())
            qFatal("protect: %s", qPrintable(r.error().toString()));
    }
    PromptEncryption::Options options() const { return {QStringLiteral("t"), QStringLiteral("t")}; }
};

const QByteArray kCoachVersion2
    = "FROM public.ai_prompts p WHERE p.id = v.prompt_id AND p.prompt_id = "
      "'reference-coach-v1' AND v.version_no = 2";
const QByteArray kCoachProduction = "FROM public.ai_prompts p WHERE p.id = l.prompt_id AND "
                                    "p.prompt_id = 'reference-coach-v1' AND l.label = ";

} // namespace

class TestPromptRulesRoles : public QObject
{
    Q_OBJECT

private slots:
    // Point 1 (and the depth trick against every other rule).
    void triggerDepthTrickChangesNothing()
    {
        Db d;
        d.protect(QStringLiteral("staging"));
        QVERIFY(d.db.witness()
                    .exec("WITH u AS (INSERT INTO users (email, role, password_hash) VALUES "
                          "('a@b.c', 'admin', 'x') RETURNING id) INSERT INTO audit_logs "
                          "(actor_type, action, entity_type, actor_user_id) SELECT 'user', "
                          "'x.y', 'z', id FROM u")
                    .ok());
        Role app(d.db, Role::Kind::Application);
        const QString before = d.snapshot();
        // (The version's DELETE last: the label attacks point at version 2.)
        const QList<QByteArray> attacks{
            "UPDATE public.ai_prompt_labels l SET version_no = 2 " + kCoachProduction
                + "'production'",
            "PERFORM set_config('uaip.confirm_protected', 'on', true); UPDATE "
            "public.ai_prompt_labels l SET version_no = 2, is_protected = false "
                + kCoachProduction + "'staging'",
            "UPDATE public.ai_prompt_encryption SET enabled = true, key_id = '0123456789abcdef'",
            "UPDATE public.audit_logs SET actor_user_id = NULL",
            "DELETE FROM public.audit_logs",
            "UPDATE public.ai_prompt_label_history SET reason = 'forged'",
            "DELETE FROM public.ai_prompt_label_history",
            "DELETE FROM public.ai_prompt_versions v USING public.ai_prompts p WHERE p.id = "
            "v.prompt_id AND p.prompt_id = 'reference-coach-v1' AND v.version_no = 2",
        };
        int refused = 0;
        for (const QByteArray &body : attacks) {
            const QString why = app.viaTrigger(body);
            if (why.isEmpty())
                qWarning("accepted through a trigger: %s", body.constData());
            else
                ++refused;
        }
        QCOMPARE(refused, int(attacks.size()));
        QCOMPARE(d.snapshot(), before);
        // The protected production label the same way, with the session's confirmation.
        d.protect(QStringLiteral("production"));
        const QString protectedBefore = d.snapshot();
        QVERIFY(!app.viaTrigger("PERFORM set_config('uaip.confirm_protected', 'on', true); "
                                "UPDATE public.ai_prompt_labels l SET version_no = 2 "
                                + kCoachProduction + "'production'")
                     .isEmpty());
        QCOMPARE(d.snapshot(), protectedBefore);
        // What the application may do still works: a new version, deleting a whole prompt.
        QCOMPARE(refusal(app.c(), "DELETE FROM ai_prompts WHERE prompt_id <> $1", {kCoach}),
                 QString());
    }

    // Point 6 and the direct writes: history tables are append-only, protected labels move
    // only through the confirmed function.
    void directWritesRefused()
    {
        Db d;
        d.protect(QStringLiteral("staging"));
        Role app(d.db, Role::Kind::Application);
        const QString before = d.snapshot();
        const QList<QByteArray> attacks{
            "UPDATE ai_prompt_labels SET version_no = 2, is_protected = false "
            "WHERE label = 'staging'",
            "UPDATE ai_prompt_label_history SET reason = 'forged'",
            "DELETE FROM ai_prompt_label_history",
            "TRUNCATE ai_prompt_label_history",
            "INSERT INTO ai_prompt_label_history (prompt_id, label, to_version, database_user, "
            "reason) SELECT id, 'production', 1, 'someone_else', 'label' FROM ai_prompts",
            "UPDATE audit_logs SET action = 'nothing'",
            "TRUNCATE audit_logs",
            "INSERT INTO ai_prompt_encryption_conversions (enabling, key_id) "
            "VALUES (false, '0123456789abcdef')",
        };
        int refused = 0;
        for (const QByteArray &sql : attacks) {
            QVERIFY(app.c().exec("BEGIN").ok());
            QVERIFY(app.c().exec("SELECT set_config('uaip.confirm_protected', 'on', true)").ok());
            const QString why = refusal(app.c(), sql);
            app.c().exec("COMMIT");
            if (why.isEmpty())
                qWarning("accepted: %s", sql.constData());
            else
                ++refused;
        }
        QCOMPARE(refused, int(attacks.size()));
        QCOMPARE(d.snapshot(), before);
    }

    // Point 2: a temporary ai_prompt_encryption shadows the state.
    void temporaryTableShadowingChangesNothing()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        QVERIFY(app.c()
                    .exec("CREATE TEMP TABLE ai_prompt_encryption (enabled bool, key_id text)")
                    .ok());
        QVERIFY(app.c()
                    .exec("INSERT INTO ai_prompt_encryption VALUES (true, '0123456789abcdef')")
                    .ok());
        QString before = d.snapshot();
        const QByteArray envelope = "uaipenc:1:0123456789abcdef:AAAAAAAAAAAAAAAA::"
                                    "AAAAAAAAAAAAAAAAAAAAAA";
        QVERIFY(!refusal(app.c(), "UPDATE ai_prompts SET system_prompt = $1 WHERE prompt_id = $2",
                         {QString::fromLatin1(envelope), kCoach})
                     .isEmpty());
        QCOMPARE(d.snapshot(), before);
        // Encrypted database, the temporary state says off: no plain text gets in.
        const DataKey key = DataKey::generate();
        QVERIFY(PromptEncryption(d.connection).enable(key, d.options()).ok());
        QVERIFY(
            app.c().exec("UPDATE ai_prompt_encryption SET enabled = false, key_id = NULL").ok());
        before = d.snapshot();
        QVERIFY(
            !refusal(app.c(),
                     "UPDATE ai_prompts SET system_prompt = 'plain secret' WHERE prompt_id = $1",
                     {kCoach})
                 .isEmpty());
        QVERIFY(!refusal(app.c(),
                         "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                         "content_sha256) SELECT id, 9, 'plain secret', repeat('a', 64) FROM "
                         "public.ai_prompts WHERE prompt_id = $1",
                         {kCoach})
                     .isEmpty());
        QCOMPARE(d.snapshot(), before);
    }

    // Point 3: the role's own functions shadow the rules' helpers.
    void functionShadowingChangesNothing()
    {
        Db d;
        Role app(d.db, Role::Kind::OwnSchema);
        for (const QByteArray &sql : {
                 QByteArray("CREATE FUNCTION sneaky.ai_prompt_conversion_in_progress(OUT enabling "
                            "boolean, OUT key_id text) LANGUAGE sql AS $$ SELECT false, "
                            "'0123456789abcdef'::text $$"),
                 QByteArray("CREATE FUNCTION sneaky.ai_prompt_conversion_rotating_from() RETURNS "
                            "text LANGUAGE sql AS $$ SELECT NULL::text $$"),
                 QByteArray("CREATE FUNCTION sneaky.ai_prompt_text_is_envelope(t text) RETURNS "
                            "boolean LANGUAGE sql AS $$ SELECT $1 NOT LIKE 'FORGED%' $$"),
                 QByteArray("CREATE FUNCTION sneaky.ai_prompt_envelope_of(t text, k text) RETURNS "
                            "boolean LANGUAGE sql AS $$ SELECT true $$"),
                 QByteArray("CREATE FUNCTION sneaky.ai_prompt_content_sha256(a text, b text) "
                            "RETURNS text LANGUAGE sql AS $$ SELECT repeat('a', 64) $$"),
                 QByteArray("SET search_path = sneaky, public"),
             })
            QCOMPARE(refusal(app.c(), sql), QString());
        const QString before = d.snapshot();
        QVERIFY(!refusal(app.c(),
                         "UPDATE ai_prompt_versions v SET system_prompt = 'FORGED history', "
                         "content_sha256 = repeat('a', 64) FROM public.ai_prompts p WHERE p.id = "
                         "v.prompt_id AND p.prompt_id = $1 AND v.version_no = 1",
                         {kCoach})
                     .isEmpty());
        QVERIFY(!refusal(app.c(), "UPDATE ai_prompt_encryption SET key_id = '0123456789abcdef'")
                     .isEmpty());
        QCOMPARE(d.snapshot(), before);
    }

    // Point 5: EXECUTE on the conversion functions (the old README's advice) forges nothing.
    void delegatedOperatorCannotForgeHistory()
    {
        Db d;
        const DataKey key = DataKey::generate();
        QVERIFY(PromptEncryption(d.connection).enable(key, d.options()).ok());
        Role op(d.db, Role::Kind::Application);
        op.run("GRANT EXECUTE ON FUNCTION ai_prompt_encryption_begin(boolean, text), "
               "ai_prompt_encryption_finish(jsonb) TO "
               + op.quoted());
        const QString before = d.snapshot();
        QVERIFY(op.c().exec("BEGIN").ok());
        const QStringList steps{
            QStringLiteral("SELECT ai_prompt_encryption_begin(false, '%1')").arg(key.id()),
            QStringLiteral("UPDATE ai_prompts SET system_prompt = 'FORGED: ' || prompt_id"),
            QStringLiteral("UPDATE ai_prompt_versions SET system_prompt = 'FORGED: ' || id, "
                           "content_sha256 = ai_prompt_content_sha256('FORGED: ' || id, "
                           "user_prompt_template)"),
            QStringLiteral("SELECT ai_prompt_encryption_finish('{}')"),
            QStringLiteral("COMMIT"),
        };
        int refused = 0;
        for (const QString &s : steps)
            if (!refusal(op.c(), s.toUtf8()).isEmpty())
                ++refused;
        op.c().exec("ROLLBACK");
        QVERIFY(refused > 0);
        QCOMPARE(d.snapshot(), before);
        QCOMPARE(d.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt LIKE "
                             "'FORGED%'"),
                 QStringLiteral("0"));
    }

    // Point 4: no plain text in pg_stats after enable and after rotate; the conversion audits
    // every version with its digest before and after.
    void statisticsAndConversionAudit()
    {
        Db d;
        PgConnection &o = d.db.witness();
        QVERIFY(o.exec("INSERT INTO ai_prompts (prompt_id, name, prompt_type, system_prompt, "
                       "model_preference) SELECT 'stat-' || i, 'Stat ' || i, 'verification', "
                       "'Zebraword secret ' || (i % 5), 'm' FROM generate_series(1, 50) i")
                    .ok());
        QVERIFY(o.exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                       "content_sha256) SELECT id, 1, system_prompt, "
                       "ai_prompt_content_sha256(system_prompt, NULL) FROM ai_prompts WHERE "
                       "prompt_id LIKE 'stat-%'")
                    .ok());
        QVERIFY(o.exec("ANALYZE ai_prompts").ok());
        QVERIFY(o.exec("ANALYZE ai_prompt_versions").ok());
        Role reader(d.db, Role::Kind::SelectOnly);
        const QByteArray leaks
            = "SELECT count(*) FROM pg_stats WHERE tablename IN ('ai_prompts', "
              "'ai_prompt_versions') AND (most_common_vals::text ILIKE '%zebraword%' OR "
              "histogram_bounds::text ILIKE '%zebraword%' OR most_common_elems::text ILIKE "
              "'%zebraword%')";
        QVERIFY(reader.c().scalar(leaks).toInt() > 0); // the premise: plain text while off
        const int versions = d.count("SELECT count(*) FROM ai_prompt_versions");
        const DataKey key = DataKey::generate();
        const PromptConversionResult on = PromptEncryption(d.connection).enable(key, d.options());
        QVERIFY2(on.ok(), qPrintable(on.message));
        QCOMPARE(reader.c().scalar(leaks), QStringLiteral("0"));
        QVERIFY(o.exec("ANALYZE ai_prompts").ok()); // autovacuum's analyze adds nothing
        QVERIFY(o.exec("ANALYZE ai_prompt_versions").ok());
        QCOMPARE(reader.c().scalar(leaks), QStringLiteral("0"));
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs a JOIN ai_prompt_versions v ON v.id = "
                         "a.entity_id WHERE a.action = 'ai_prompt.version_convert' AND "
                         "a.new_values->>'content_sha256' = v.content_sha256 AND "
                         "a.old_values->>'content_sha256' <> v.content_sha256"),
                 versions);
        const DataKey next = DataKey::generate();
        QVERIFY(PromptEncryption(d.connection).rotate(key, next, d.options()).ok());
        QVERIFY(o.exec("ANALYZE ai_prompts").ok());
        QCOMPARE(reader.c().scalar(leaks), QStringLiteral("0"));
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = "
                         "'ai_prompt.version_convert'"),
                 2 * versions);
        QVERIFY(PromptEncryption(d.connection).disable(next, d.options()).ok());
        QCOMPARE(d.count("SELECT count(*) FROM pg_attribute WHERE attrelid IN "
                         "('ai_prompts'::regclass, 'ai_prompt_versions'::regclass) AND attname "
                         "IN ('system_prompt', 'user_prompt_template', 'search_vector') AND "
                         "attstattarget <> -1"),
                 0);
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = "
                         "'ai_prompt.version_convert'"),
                 3 * versions);
    }
};

QTEST_GUILESS_MAIN(TestPromptRulesRoles)
#include "tst_promptrulesroles.moc"
