#pragma once

#include "error/result.h"
#include "promptactor.h"
#include "promptimportplan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace uaip {

class PgConnection;
class PromptSeedFile;
class PromptTextCodec;
struct PromptSeed;
struct PromptSeedReport;

// Imports prompts from JSON in the seed file's format (PromptSeedFile): first every problem
// of the file ("file: prompts[i] (prompt_id): ..." or "file:line:col: invalid JSON"), then,
// under the seeder's lock in one transaction, the plan (new / changed / unchanged) — a dry run
// stops there. A prompt whose new version would move a protected label ("production")
// is a problem too; nothing is written when there is any. Encrypted stored texts are compared
// decrypted and what is written is sealed while encryption is on (the codec; without the key
// that fails). A file over PromptSeedFile::kMaxFileBytes is refused before it is read.
// Writes go through PromptSeeder with update semantics (a new version per changed text),
// and each written prompt is recorded in audit_logs as ai_prompt.import.
class PromptImporter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptImporter)
public:
    explicit PromptImporter(PgConnection &connection, const PromptTextCodec *codec = nullptr);

    Result<PromptImportPlan> importFile(const QString &path, bool dryRun, const PromptActor &actor);
    Result<PromptImportPlan> importJson(const QByteArray &json, const QString &displayName,
                                        bool dryRun, const PromptActor &actor);
    // A file parsed before (PromptSeedFile::load/parse): the GUI keeps the file it previewed
    // and writes exactly that, never reading the file again.
    Result<PromptImportPlan> importSeedFile(const PromptSeedFile &file, bool dryRun,
                                            const PromptActor &actor);

private:
    // The plan's new versions that would move a protected "production" (PromptSeeder's
    // checkPlan); seeds: the file's prompts by prompt_id.
    QStringList protectedProblems(const PromptSeedReport &plan,
                                  const QHash<QString, const PromptSeed *> &seeds,
                                  const QString &displayName, const PromptActor &actor);

    PgConnection &m_connection;
    const PromptTextCodec *m_codec;
};

} // namespace uaip
