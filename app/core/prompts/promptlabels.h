#pragma once

#include "error/result.h"
#include "error/status.h"
#include "promptactor.h"
#include "promptlabel.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace uaip {

class PgConnection;
class PgResult;
class PromptTextCodec;

// Labels of a prompt and their history. A move is one transaction: the label row, its
// history row (written by the database trigger with the database user and the console user
// the session names), and an audit_logs row.
// Rules: label names are lowercase [a-z][a-z0-9_-]{0,49}; "latest" is computed, never
// moved. A protected label moves only when the caller confirms (confirmProtected: the CLI
// and the GUI set it after the typed database name on production profiles, or at once on
// other profiles). Moving "production" to a version publishes it (promotes it): the
// ai_prompts row takes that version's text (current_version) and is_active becomes true. This
// is the only way a version reaches production: saving one (PromptStore) moves no label.
class PromptLabels
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptLabels)
public:
    struct Move
    {
        QString promptId; // the key
        QString label;
        int versionNo = 0;
        bool confirmProtected = false;
        std::optional<bool> setProtected; // protect / unprotect the label with the move
    };

    // codec: with the key, a move to a version whose text fails authentication is refused.
    explicit PromptLabels(PgConnection &connection, const PromptTextCodec *codec = nullptr);

    Result<QList<PromptLabel>> labels(const QString &promptId);
    // Returns the version the label was on before (0 = new label).
    Result<int> move(const Move &move, const PromptActor &actor);
    Result<QList<PromptLabelMove>> history(const QString &promptId);

    static bool isValidLabel(const QString &label);

private:
    static Status checkMove(const Move &move);
    Status lockVersion(const Move &move, PgResult *row, PgResult *target);
    Status publish(const Move &move, const QString &id, const PgResult &row,
                   const PgResult &target);
    Status upsertLabel(const Move &move, const QString &id);

    PgConnection &m_connection;
    const PromptTextCodec *m_codec;
};

} // namespace uaip
