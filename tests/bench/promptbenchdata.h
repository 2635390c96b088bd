#pragma once

// Shared by bench_prompts and bench_prompts_view: timing helpers and the prompt benchmark data
// (N prompts with V versions each and I interactions over 60 days) in a fresh sandbox with
// fsync off, all bundled migrations applied, vacuumed and analysed.
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace uaip::bench {

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs f `runs` times after one warm-up; returns {median ms, min ms}.
inline std::pair<double, double> time(int runs, const std::function<void()> &f)
{
    f();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return {median(ms), *std::min_element(ms.begin(), ms.end())};
}

inline bool exec(PgConnection &c, const QByteArray &sql, const QVariantList &params = {})
{
    const PgResult r = c.exec(sql, params);
    if (!r.ok())
        std::fprintf(stderr, "%s\n%s\n", sql.constData(), qPrintable(r.error().toString()));
    return r.ok();
}

struct PromptBenchData
{
    QTemporaryDir dir;
    std::unique_ptr<Sandbox> sandbox;
    PgConnection c;

    // Starts the sandbox and loads the data; false (and a message on stderr) on failure.
    bool load(int prompts, int versions, int interactions)
    {
        sandbox = std::make_unique<Sandbox>(dir.path());
        Sandbox &sb = *sandbox;
        Status started = sb.start(Sandbox::Options{false, false});
        if (started)
            started = sb.createDatabase(QStringLiteral("bench"));
        if (!started) {
            std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
            return false;
        }
        if (!c.open(sb.conninfo(QStringLiteral("bench")), QStringLiteral("bench_prompts"))) {
            std::fprintf(stderr, "%s\n", qPrintable(c.connectionError()));
            return false;
        }
        MigrationSource source;
        source.load(MigrationSource::bundledDir());
        if (!MigrationRunner(c, source.migrations(), MigrationRunner::Options{}).up().ok()) {
            std::fprintf(stderr, "migrations failed\n");
            return false;
        }
        QElapsedTimer load;
        load.start();
        // Prompts with ~1.5 KB texts built from a vocabulary (so the search has work), versions
        // 1..V (the row holds version V), labels by trigger, one staging label in ten.
        const bool ok
            = exec(c, "BEGIN")
            && exec(
                  c,
                  "INSERT INTO ai_prompts (prompt_id, name, description, prompt_type, "
                  "system_prompt, "
                  "  current_version, model_preference, is_active) "
                  "SELECT 'prompt-' || lpad(g::text, 6, '0'), 'Prompt ' || g, "
                  "  'Benchmark prompt number ' || g, "
                  "  (ARRAY['reference_coach','verification','authenticity','quality_analysis',"
                  "         'bulk_processing'])[1 + g % 5]::ai_prompts_prompt_type_enum, "
                  "  repeat('You verify references for employers and score the evidence. ', 20) "
                  "    || CASE WHEN g % 100 = 0 THEN ' Watch for zeppelin anomalies.' ELSE '' END, "
                  "  $2, (ARRAY['claude-sonnet-4-5','claude-opus-4-1'])[1 + g % 2], g % 7 <> 0 "
                  "FROM generate_series(1, $1::int) g",
                  {prompts, versions})
            && exec(c,
                    "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                    "  model_preference, temperature, max_tokens, change_note, content_sha256) "
                    "SELECT p.id, v, p.system_prompt || ' v' || v, p.model_preference, 0.5, 2048, "
                    "  'bench', encode(sha256(convert_to(p.prompt_id || v, 'UTF8')), 'hex') "
                    "FROM ai_prompts p, generate_series(1, $1::int) v",
                    {versions})
            && exec(c,
                    "INSERT INTO ai_prompt_labels (prompt_id, label, version_no) "
                    "SELECT id, 'staging', 1 FROM ai_prompts WHERE prompt_id LIKE '%0'")
            && exec(c, "INSERT INTO users (email, role, password_hash) VALUES ('b@x', 'user', 'x')")
            && exec(c,
                    "INSERT INTO ai_sessions (agent_id, user_id, session_type) "
                    "SELECT gen_random_uuid(), (SELECT id FROM users), 'verification' "
                    "FROM generate_series(1, 100)")
            && exec(c,
                    "INSERT INTO ai_interactions (session_id, prompt_id, user_input, model_used, "
                    "  interaction_id, success, response_time_ms, created_at) "
                    "SELECT s.id, p.id, 'q', 'm', 'int_' || g, g % 10 <> 0, 50 + g % 900, "
                    "  now() - (g % 60) * interval '1 day' "
                    "FROM generate_series(1, $1::int) g "
                    "JOIN LATERAL (SELECT id FROM ai_sessions OFFSET g % 100 LIMIT 1) s ON true "
                    "JOIN ai_prompts p ON p.prompt_id = 'prompt-' || lpad((1 + g % $2::int)::text, "
                    "  6, '0')",
                    {interactions, prompts})
            && exec(c, "COMMIT")
            // As autovacuum leaves a table in use: statistics and the visibility map (index-only
            // scans read no heap page of an all-visible one). Not measured in between.
            && exec(c, "VACUUM ANALYZE");
        if (!ok)
            return false;
        std::printf("data: %d prompts x %d versions, %d interactions, loaded in %.1f s\n", prompts,
                    versions, interactions, double(load.elapsed()) / 1000.0);
        return true;
    }
};

} // namespace uaip::bench
