#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The PostgreSQL whose grammar the console's parser is (libpg_query, built with that version's
// parser: 17). A server of a newer major version may accept syntax this parser refuses: there a
// statement the parser cannot read is not refused for that alone; it runs as written, and every
// reader says it could not check it (SqlSplitResult::admitted, notCheckedNote()).
class ParserVersion
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ParserVersion)

public:
    // 17 (from libpg_query's PG_MAJORVERSION).
    static int major();
    // Whether a server of this version (server_version_num, e.g. 180004; 0: unknown) is of a
    // newer major version than the parser.
    static bool serverIsNewer(int serverVersionNum);
    // "not checked: syntax newer than the console's parser (PostgreSQL 17)"
    static QString notCheckedNote();
};

} // namespace uaip
