#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

// A down.sql written from the schema difference cannot tell a table or a column the up.sql
// renamed or moved (ALTER ... RENAME, SET SCHEMA) from one it dropped and another it made, where
// the rename was not recognised as one (two tables swapped, a table renamed and changed, moved
// to another schema): it drops the new one and makes the old one again, and a rollback loses
// its rows. The round trip on an empty database cannot see that. So a generated down.sql that
// drops a table or a column the up.sql renamed or moved something to (by name: the table, or
// the table and column) is refused, saying why.
class RenamedDataGuard
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RenamedDataGuard)

public:
    // Why the down.sql must not be used; nullopt when it may.
    static std::optional<QString> refusal(const QByteArray &upSql, const QByteArray &downSql);
};

} // namespace uaip
