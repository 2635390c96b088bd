#pragma once

#include "promptseeder.h"
#include "prompttextcodec.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace uaip {

class PgConnection;
class PgResult;
struct ExistingPrompt;
struct PersonaSeed;
struct PromptSeed;
struct SeedAction;

// The writes of a planned seed run (PromptSeeder), inside its transaction: a new prompt with its
// version 1, a new version N+1 (the row then serves it, its semver label one minor up) or the
// metadata of the row alone, and a new persona; each with its audit_logs row. While encryption
// is on, a text is written sealed for its prompt and version, and its content digest is keyed.
// Each returns done, or the failure said in its place ("file: entry: why"; the server's error
// kept where the server refused).
class PromptSeedWriter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptSeedWriter)
public:
    // file: the seed file's display name; note: the change note of the versions written; admin:
    // the user id the personas are created by (null: none).
    PromptSeedWriter(PgConnection &connection, const QString &file,
                     const PromptSeeder::Options &options, bool encrypting, const QString &keyId,
                     const QString &note, const QVariant &admin);

    // A prompt to insert, or (existing: its row) to give a new version or new metadata.
    Status writePrompt(const PromptSeed &seed, const SeedAction &a, const ExistingPrompt &existing);
    Status insertPersona(const PersonaSeed &seed, const SeedAction &a);

private:
    Status insertPrompt(const PromptSeed &seed, const SeedAction &a, const QString &digest);
    Status updatePrompt(const PromptSeed &seed, const SeedAction &a, const QString &digest,
                        const ExistingPrompt &e);
    // The one row of an INSERT ... RETURNING, or why not (Refused: a trigger skipped it).
    static Status rowWritten(const PgResult &r);
    // The text as it is stored: sealed for the prompt's uuid and the version written when
    // encryption is on (the ai_prompts row then serves that version).
    Result<QString> stored(const PromptSeed &seed, const QString &uuid, int versionNo) const;
    // The server's error when the version row is not written.
    Status insertVersion(const QString &promptUuid, int versionNo, const PromptSeed &seed,
                         const QString &stored, const QString &digest);
    // The audit row of an entity written.
    Status writeAudit(const QString &entity, const QString &uuid, const SeedAction &action);

    PgConnection &m_connection;
    const QString m_file;
    const PromptSeeder::Options &m_options;
    const bool m_encrypting;
    const QString m_keyId;
    const QString m_note;
    const QVariant m_admin;
};

} // namespace uaip
