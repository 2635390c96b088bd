#pragma once

#include "error/status.h"

#include <QByteArray>
#include <QCoreApplication>

namespace uaip {

class PgConnection;

// The console (its splitter, its guards, libpg_query) reads statements with
// standard_conforming_strings on. The server reports the setting (GUC_REPORT), so whether it
// reads a statement the same way costs no round trip: it does when the setting is on, or when
// the text holds no backslash (the only character whose reading the setting changes). Where it
// would differ, the setting is turned on for the open transaction only (set_config(..., true)):
// nothing the console sets outlives the transaction, so nothing reaches another client of a
// transaction pooler. Outside a transaction the statement is refused (refusal()).
class ConformingStrings
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConformingStrings)

public:
    static bool readsAsSplit(const PgConnection &connection, const QByteArray &statement);
    // In an open transaction: on for it (no-op when readsAsSplit). Outside one: refusal().
    static Status pinForTransaction(PgConnection &connection, const QByteArray &statement);
    static QString refusal();
};

} // namespace uaip
