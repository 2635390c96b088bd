#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// Where a batched statement (uaip:batch, BackfillRunner) stands: written to the dirty ledger
// row (progress_batch) in the transaction of each batch, so a run killed at any point resumes
// after the last batch that committed, never doing one twice.
struct BackfillPosition
{
    int statement = 0; // its index in the script (0-based)
    QString relation; // the table walked, as the server names it (a resume must find the same)
    QStringList after; // the primary key of the last row walked, each column as text (in
                       // BackfillRunner's fixed spelling); empty: none walked yet
    QStringList last; // the table's last key when the walk began: where it ends, so rows the
                      // statement itself adds or moves ahead are never walked again
    qint64 walked = 0; // keys walked so far
    qint64 changed = 0; // rows the batches updated, deleted or inserted
    int batches = 0;
    bool done = false; // the last batch committed
    // ProgressChecksum of the statements up to and including this one: a resume of an edited
    // statement is refused
    QString checksum;

    QString toJson() const;
    // nullopt for text that is not such a position
    static std::optional<BackfillPosition> fromJson(const QString &json);
};

} // namespace uaip
