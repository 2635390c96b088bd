#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace uaip {

// SQL kept in .sql files under app/core, embedded as :/sql/<path>. Loaded once, cached.
class SqlResource
{
public:
    // path relative to app/core, e.g. "ledger/sql/ledger_create.sql"; aborts if missing
    // (a missing embedded file is a build error, not a user error).
    static QByteArray get(const QString &path);
    // A module's statement: of("ledger", "ledger_events") is "ledger/sql/ledger_events.sql".
    static QByteArray of(const char *module, const char *name);
    // The first line of every embedded statement (each starts with its own comment): how the
    // console's own statements are told apart in pg_stat_statements, which keeps their text as
    // sent.
    static QStringList firstLines();
    // The statement with each %NAME% mark of marks replaced by its text (quoted identifiers),
    // in one pass: text put in is never read for marks again, so an identifier holding
    // "%COLUMNS%" stays an identifier.
    static QByteArray fill(const QByteArray &statement,
                           const QList<QPair<QByteArray, QByteArray>> &marks);
};

} // namespace uaip
