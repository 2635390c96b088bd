#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// Which PostgreSQL servers the console supports: 15, 16, 17 and 18, each built and tested here
// (the suite's server matrix). An older one is refused at connect (PgConnection::open), before
// anything runs: its catalog lacks what the console reads (15's NULLS NOT DISTINCT,
// indnullsnotdistinct), and 14 reached its end of life on 2026-11-12. A newer one is used, and
// said to be untested: its syntax beyond the parser's is run unchecked (ParserVersion).
class ServerSupport
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ServerSupport)

public:
    static constexpr int kOldestMajor = 15;
    static constexpr int kNewestMajor = 18;

    enum class Level {
        Supported,
        TooOld, // refused at connect
        Newer, // newer than any the console was tested with: used, said so
    };
    // versionNum: server_version_num (150018, 180004).
    static Level of(int versionNum);
    static int majorOf(int versionNum) { return versionNum / 10000; }
    // "18.4" (and "9.6.24" for the numbering before 10).
    static QString versionText(int versionNum);
    // The JSON word: "supported", "too_old", "newer".
    static QString levelName(Level level);
    // One sentence: "PostgreSQL 18.4 (supported: 15 to 18)", "PostgreSQL 19.0 is newer than the
    // console was tested with (15 to 18): ...", the refusal for an older one.
    static QString describe(int versionNum);
    // Why an older server is refused: its version, the supported ones, and why.
    static QString refusal(int versionNum);
};

} // namespace uaip
