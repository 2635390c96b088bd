#pragma once

#include "foreign/importedmigration.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace uaip {

class Sandbox;

// Converted migrations whose tool kept no down script (Prisma, Flyway community, an empty
// dbmate down section) get a down.sql written from the schema difference their up.sql makes:
// every up.sql runs in order on a scratch database of the sandbox, the schema is read before
// and after each one, and MigrationGenerator writes what turns "after" back into "before",
// under a REVIEW header (data an up.sql wrote is not removed). Each generated down.sql is
// then proved by verify's round trip; one that fails it, and every one after an up.sql that
// fails on an empty database, keeps the down.sql that refuses to run, and the reason is
// returned.
class ImportDownGenerator
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportDownGenerator)

public:
    // Notes, one per migration whose down.sql could not be generated; *error (and false)
    // when the sandbox cannot be used at all (the migrations are left as they were).
    static bool generate(Sandbox &sandbox, const QString &toolName,
                         QList<ImportedMigration> &migrations, QStringList *notes, QString *error);
};

} // namespace uaip
