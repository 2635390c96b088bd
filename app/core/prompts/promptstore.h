#pragma once

#include "error/result.h"
#include "error/status.h"
#include "promptactor.h"
#include "promptdetail.h"
#include "promptsaverequest.h"

#include <QCoreApplication>
#include <optional>

namespace uaip {

class PgConnection;
class PromptTextCodec;

// Reads one prompt with its versions, and writes new versions. Versions are immutable:
// saving inserts version N+1 (author = the database user, change note required, checksum
// from PromptDigest) in ONE transaction, with the prompt row locked (FOR UPDATE) and checked
// against the newest version the caller started from: when another console saved first, the
// result is a Conflict and nothing is written. Saving never publishes: no label moves (only
// the computed "latest" follows), and ai_prompts (current_version, the texts the platform
// serves) stays on the production version; promoting is PromptLabels::move of "production". Restore
// = a new version with an old version's content. Each write is recorded in audit_logs
// (PromptAudit). With a codec, system prompts are decoded on read and encoded on write; an
// encrypted text without a usable codec is Locked.
class PromptStore
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptStore)
public:
    explicit PromptStore(PgConnection &connection, const PromptTextCodec *codec = nullptr);

    // version: a version_no, or none for the current version.
    Result<PromptDetail> get(const QString &promptId, std::optional<int> version = {});
    Result<PromptVersion> version(const QString &promptId, int versionNo);
    // The prompt with its newest version as `version` (what an editor starts from: saving
    // does not promote, so the newest may be ahead of the current one).
    Result<PromptDetail> getLatest(const QString &promptId);

    Result<PromptSaveOutcome> save(const PromptSaveRequest &request, const PromptActor &actor);
    Result<PromptSaveOutcome> restore(const QString &promptId, int versionNo,
                                      int expectedLatestVersion, const QString &note,
                                      const PromptActor &actor);

private:
    Result<PromptSaveOutcome> write(const PromptSaveRequest &request, const PromptActor &actor,
                                    const QString &action, int restoredFrom);
    static Status checkRequest(const PromptSaveRequest &request);
    Status lockLatest(const PromptSaveRequest &request, PromptSaveOutcome *out);
    // The text to store (sealed when encryption is on), its checksum into out->checksum.
    Result<QString> sealText(const PromptSaveRequest &request, PromptSaveOutcome *out);
    PromptVersion decodeVersion(PromptVersion v, const QString &id, const QString &stored) const;
    Result<PromptVersion> readOne(const QString &id, const QString &promptId, int versionNo);
    bool isEncrypted(const QString &stored) const;
    QString lockReason(const QString &stored) const; // empty: readable

    PgConnection &m_connection;
    const PromptTextCodec *m_codec;
};

} // namespace uaip
