#pragma once

#include "promptactor.h"
#include "promptseedreport.h"

#include <QCoreApplication>
#include <functional>
#include <optional>

namespace uaip {

class PgConnection;
class PromptSeedFile;
class PromptTextCodec;
struct PersonaSeed;
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
// Rules shared with save, import and label moves (the database enforces them too, migration
// 0018): a new version of an active prompt whose "production" is protected moves that label,
// so it is refused (NeedsConfirmation, naming the prompt ids; a dry run lists them in
// protectedMoves) unless confirmProtected is set after the caller's typed-name confirmation; a
// system prompt starting with "uaipenc:" is refused (BadInput, naming the prompt id). Every written
// prompt and inserted persona gets an audit_logs row (action "ai_prompt.<reason>" /
// "persona.<reason>", the actor's OS account, the database user and the application). A dry run
// computes the same plan in the same way, then rolls back. With encryption on, stored envelopes
// are compared decrypted and everything written is sealed (Options::codec).
class PromptSeeder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptSeeder)
public:
    struct Options
    {
        bool update = false;
        bool dryRun = false;
        QString changeNote; // recorded on the versions written; a default names the file
        bool confirmProtected = false; // the caller confirmed moving protected labels
        PromptActor actor = PromptActor::current(); // who, for the audit rows
        QString reason = QStringLiteral("seed"); // audit action suffix and label-history reason
        // Inside the transaction, under the lock, once the plan is known and before any
        // write: problems returned make the run BadInput (rolled back, nothing written).
        std::function<QStringList(const PromptSeedReport &plan)> checkPlan;
        // Encrypted texts: stored envelopes are compared decrypted, and while encryption is on
        // (the state row, read FOR SHARE in the transaction) what is written is sealed with
        // it. Without one, encryption on or an encrypted text to compare fails the run.
        const PromptTextCodec *codec = nullptr;
        // Inside the transaction after the writes, before COMMIT: a message makes it Failed.
        std::function<QString(const PromptSeedReport &report)> beforeCommit;
    };

    explicit PromptSeeder(PgConnection &connection);

    PromptSeedReport run(const PromptSeedFile &file, const Options &options);

private:
    struct Run; // one run's state: its file, options and report, and what the steps read
    using Stop = std::optional<PromptSeedReport>; // set: the report run() returns at once

    Stop readEncryption(Run &run);
    Stop readExisting(Run &run);
    Stop plan(Run &run);
    Stop planPrompt(Run &run, const PromptSeed &seed);
    Stop checkRules(Run &run);
    // The writes of the plan (PromptSeedWriter), after the session's actor and the confirmed
    // label moves are set.
    Stop write(Run &run);
    // A failed run; sqlState the server's when one of its statements failed.
    PromptSeedReport fail(PromptSeedReport report, const Error &error);

    PgConnection &m_connection;
};

} // namespace uaip
