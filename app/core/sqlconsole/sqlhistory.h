#pragma once

#include "sqlhistoryentry.h"

#include "error/status.h"

#include <QList>
#include <QString>

namespace uaip {

// The SQL console's history of one profile: a JSON-lines file in the application's data folder
// (QStandardPaths::AppDataLocation, next to QSettings' data), one entry per run, private to the
// user (0600). The newest kMaxEntries are kept. Holds SQL text and outcomes only: no password,
// no result rows. Used on the GUI thread.
class SqlHistory
{
public:
    static constexpr int kMaxEntries = 2000;

    // folder empty: AppDataLocation/sql-history
    explicit SqlHistory(const QString &profileName, const QString &folder = QString());

    QString path() const { return m_path; }
    // Io (the file's error, with its "path") when the file cannot be written. What is kept is
    // the entry withoutSecrets().
    Status append(const SqlHistoryEntry &entry);
    // The entry as the history keeps it: its SQL without the secrets it carries (passwords,
    // connection strings, bodies naming them: StatementSecrets, from the typed parse tree) and,
    // when it carried one and the run failed, without its outcome (the server's message may
    // quote the secret: then empty, for the caller's words). How many secrets were removed.
    static int withoutSecrets(SqlHistoryEntry *entry);
    // Newest first; entries whose SQL or database contain text (case-insensitive), or all.
    QList<SqlHistoryEntry> search(const QString &text = QString()) const;

private:
    QList<SqlHistoryEntry> readAll() const;

    QString m_path;
};

} // namespace uaip
