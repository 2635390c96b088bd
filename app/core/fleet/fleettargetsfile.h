#pragma once

#include "fleettargetsresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace uaip {

// A fleet's targets file: one target a line, "NAME CONNINFO-or-URI"; blank lines and lines
// starting with '#' are skipped; "[wave NAME]" starts a wave (waves run in file order).
// Refused, with FILE:LINE, before anything runs: a malformed line, a line that is not UTF-8,
// a name with a control character, a duplicate name, a password in the conninfo or URI
// (passwords come from .pgpass / PGPASSFILE), connect_timeout=0. A BOM and CRLF are fine.
class FleetTargetsFile
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetTargetsFile)

public:
    // a larger file is refused (a million targets fit in it)
    static constexpr qint64 kMaxBytes = qint64(64) << 20;

    static FleetTargetsResult parse(const QByteArray &text, const QString &fileName);
    static FleetTargetsResult read(const QString &path);

private:
    struct ParseState;

    // parse()'s steps: a line's refusal, or empty.
    static QString readWaveHeading(const QString &line, ParseState *state);
    static QString readTarget(const QString &line, int lineNo, const QString &fileName,
                              ParseState *state);
    // Why a conninfo or URI is refused (a password in it, or it does not parse), or empty.
    static QString conninfoProblem(const QString &conninfo);
    // What names the database in a conninfo or URI (host, hostaddr, port, dbname, user,
    // service as libpq parses them), for telling one database given twice before connecting.
    static QString connectionKey(const QString &conninfo);
};

} // namespace uaip
