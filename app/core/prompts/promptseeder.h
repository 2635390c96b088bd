#pragma once

#include "promptseedreport.h"

#include <QCoreApplication>
#include <functional>

namespace uaip {

class PgConnection;
class PromptSeedFile;
struct PromptSeed;

// Seeds the AI prompts and personas of a validated PromptSeedFile, in ONE transaction under
// an advisory lock: all of it or nothing.
//  - a prompt not in the database is inserted with its version 1 (ai_prompt_versions);
//  - an existing prompt is left alone, unless 'update' is set and it differs: when its text
//    (system prompt, user template, model, temperature, max tokens) changed, exactly one new
//    version N+1 is written and the ai_prompts row points at it; when only its metadata
//    changed, the row is updated without a new version;
//  - a persona is inserted when no persona of that name exists (never overwritten), created by
//    the first active admin user, or NULL when there is none.
// A dry run computes the same plan in the same way, then rolls back.
class PromptSeeder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptSeeder)
public:
    struct Options
    {
        bool update = false;
        bool dryRun = false;
        QString changeNote; // recorded on the versions written; a default names the file
        // Inside the transaction, under the lock, once the plan is known and before any
        // write: problems returned make the run BadInput (rolled back, nothing written).
        std::function<QStringList(const PromptSeedReport &plan)> checkPlan;
        // Inside the transaction after the writes, before COMMIT: a message makes it Failed.
        std::function<QString(const PromptSeedReport &report)> beforeCommit;
    };

    explicit PromptSeeder(PgConnection &connection);

    PromptSeedReport run(const PromptSeedFile &file, const Options &options);

private:
    PromptSeedReport fail(PromptSeedReport report, const QString &message);
    bool insertVersion(const QString &promptUuid, int versionNo, const PromptSeed &seed,
                       const QString &note, QString *error);

    PgConnection &m_connection;
};

} // namespace uaip
