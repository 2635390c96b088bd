// Prompt core benchmark (run by hand): N prompts (default 10,000) with V versions each
// (default 10) and I interactions (default 100,000 over 60 days) in a fresh sandbox with
// fsync off, all bundled migrations applied. Measures, median of R runs after a warm-up:
// the prompt list as it opens (PromptLister: labels, latest, usage of the last 30 days),
// a full-text search, and the diff of two ~100 KB versions (line diff, side-by-side rows
// with word diffs) in memory and with both versions read from the database.
// Targets: list <= 100 ms, search <= 100 ms, diff <= 50 ms.
// Usage: bench_prompts [prompts] [versions] [interactions] [runs]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationsource.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompts/promptversiondiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs f `runs` times after one warm-up; returns {median ms, min ms}.
std::pair<double, double> time(int runs, const std::function<void()> &f)
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

bool exec(PgConnection &c, const QByteArray &sql, const QVariantList &params = {})
{
    const PgResult r = c.exec(sql, params);
    if (!r.ok())
        std::fprintf(stderr, "%s\n%s\n", sql.constData(), qPrintable(r.error().toString()));
    return r.ok();
}

// ~100 KB of prompt-like lines; `seed` varies the words.
QString bigText(int lines, quint32 seed)
{
    static const QStringList words{QStringLiteral("reference"), QStringLiteral("verify"),
                                   QStringLiteral("employer"),  QStringLiteral("candidate"),
                                   QStringLiteral("evidence"),  QStringLiteral("score"),
                                   QStringLiteral("the"),       QStringLiteral("and"),
                                   QStringLiteral("with"),      QStringLiteral("{{seeker_name}}"),
                                   QStringLiteral("must"),      QStringLiteral("never")};
    QRandomGenerator g(seed);
    QString out;
    for (int i = 0; i < lines; ++i) {
        for (int w = 0; w < 10; ++w)
            out += words.at(int(g.bounded(quint32(words.size())))) + u' ';
        out += QStringLiteral("line %1.\n").arg(i);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int prompts = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int versions = argc > 2 ? QByteArray(argv[2]).toInt() : 10;
    const int interactions = argc > 3 ? QByteArray(argv[3]).toInt() : 100000;
    const int runs = argc > 4 ? QByteArray(argv[4]).toInt() : 7;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path());
    QString error;
    if (!sandbox.start(Sandbox::Options{false, false}, &error)
        || !sandbox.createDatabase(QStringLiteral("bench"), &error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    PgConnection c;
    if (!c.open(sandbox.conninfo(QStringLiteral("bench")), QStringLiteral("bench_prompts"))) {
        std::fprintf(stderr, "%s\n", qPrintable(c.connectionError()));
        return 1;
    }
    MigrationSource source;
    source.load(MigrationSource::bundledDir());
    if (!MigrationRunner(c, source.migrations(), MigrationRunner::Options{}).up().ok()) {
        std::fprintf(stderr, "migrations failed\n");
        return 1;
    }

    QElapsedTimer load;
    load.start();
    // Prompts with ~1.5 KB texts built from a vocabulary (so the search has work), versions
    // 1..V (the row holds version V), labels by trigger, one staging label in ten.
    const bool ok = exec(c, "BEGIN")
        && exec(c,
                "INSERT INTO ai_prompts (prompt_id, name, description, prompt_type, system_prompt, "
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
        && exec(c, "COMMIT") && exec(c, "ANALYZE");
    if (!ok)
        return 1;
    std::printf("data: %d prompts x %d versions, %d interactions, loaded in %.1f s\n", prompts,
                versions, interactions, double(load.elapsed()) / 1000.0);

    // Baseline: the same rows' plain columns over the same connection, no labels or usage.
    const auto [baseMs, baseMin] = time(runs, [&] {
        c.exec("SELECT id, prompt_id, name, prompt_type, model_preference, current_version, "
               "is_active, updated_at FROM ai_prompts ORDER BY prompt_id");
    });
    std::printf("baseline: SELECT of the %d prompt rows' plain columns: median %.1f ms, min "
                "%.1f ms (machine load shows here)\n",
                prompts, baseMs, baseMin);
    PromptLister lister(c);
    int rows = 0;
    PromptListFilter opening;
    opening.withUsage = false;
    const auto [listMs, listMin]
        = time(runs, [&] { rows = int(lister.list(opening).value.size()); });
    std::printf("list opens (all %d prompts, labels, latest, lock probe; usage follows): median "
                "%.1f ms, min %.1f ms, %.1fx baseline  (target <= 100 ms)\n",
                rows, listMs, listMin, listMs / baseMs);
    const auto [usageMs, usageMin] = time(runs, [&] { lister.usage(opening); });
    std::printf("usage of the last 30 days filled in (PromptLister::usage): median %.1f ms, min "
                "%.1f ms\n",
                usageMs, usageMin);
    const auto [fullMs, fullMin] = time(runs, [&] { lister.list(); });
    std::printf("list with usage in one query: median %.1f ms, min %.1f ms\n", fullMs, fullMin);
    PromptListFilter f;
    f.withUsage = false;
    f.search = QStringLiteral("zeppelin");
    int hits = 0;
    const auto [searchMs, searchMin] = time(runs, [&] { hits = int(lister.list(f).value.size()); });
    std::printf("full-text search (\"zeppelin\", %d hits): median %.1f ms, min %.1f ms  "
                "(target <= 100 ms)\n",
                hits, searchMs, searchMin);
    f.search = QStringLiteral("employers");
    const auto [broadMs, broadMin] = time(runs, [&] { hits = int(lister.list(f).value.size()); });
    std::printf("full-text search (\"employers\", every prompt, %d hits): median %.1f ms, min "
                "%.1f ms\n",
                hits, broadMs, broadMin);

    // Two ~100 KB versions, 5 % of the lines changed.
    PromptVersion a;
    a.versionNo = 1;
    a.content.systemPrompt = bigText(1300, 1);
    a.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
    PromptVersion b = a;
    b.versionNo = 2;
    QStringList lines = a.content.systemPrompt.split(u'\n');
    QRandomGenerator g(7);
    for (int i = 0; i < lines.size() / 20; ++i) {
        const int at = int(g.bounded(quint32(lines.size() - 1)));
        lines[at] = lines[at].replace(QStringLiteral("score"), QStringLiteral("rate"))
            + QStringLiteral(" (edited)");
    }
    b.content.systemPrompt = lines.join(u'\n');
    b.content.temperature = 0.3;
    int sideRows = 0;
    const auto [diffMs, diffMin] = time(runs, [&] {
        const PromptVersionDiff d(a, b);
        sideRows = int(d.systemPrompt().sideBySide().size());
    });
    std::printf("diff of two versions (%.0f KB and %.0f KB, %d side-by-side rows with word "
                "diffs): median %.1f ms, min %.1f ms  (target <= 50 ms)\n",
                double(a.content.systemPrompt.toUtf8().size()) / 1024.0,
                double(b.content.systemPrompt.toUtf8().size()) / 1024.0, sideRows, diffMs, diffMin);
    // The same two texts as versions in the database, read and diffed.
    PromptStore store(c);
    PromptSaveRequest req;
    req.promptId = QStringLiteral("prompt-000001");
    req.expectedCurrentVersion = versions;
    req.content = a.content;
    req.changeNote = QStringLiteral("bench");
    PromptActor actor;
    actor.consoleUser = QStringLiteral("bench");
    const auto s1 = store.save(req, actor);
    req.expectedCurrentVersion = s1.value.versionNo;
    req.content = b.content;
    const auto s2 = store.save(req, actor);
    if (!s1.ok() || !s2.ok()) {
        std::fprintf(stderr, "save: %s%s\n", qPrintable(s1.error.message),
                     qPrintable(s2.error.message));
        return 1;
    }
    const auto [dbDiffMs, dbDiffMin] = time(runs, [&] {
        const auto va = store.version(req.promptId, s1.value.versionNo);
        const auto vb = store.version(req.promptId, s2.value.versionNo);
        const PromptVersionDiff d(va.value, vb.value);
        sideRows = int(d.systemPrompt().sideBySide().size());
    });
    std::printf("read both versions from the database and diff them: median %.1f ms, min %.1f ms\n",
                dbDiffMs, dbDiffMin);
    const bool pass = listMs <= 100 && searchMs <= 100 && diffMs <= 50;
    std::printf("%s\n", pass ? "all targets met" : "TARGET MISSED");
    return pass ? 0 : 3;
}
