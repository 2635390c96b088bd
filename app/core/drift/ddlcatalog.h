#pragma once

#include "ddlobject.h"
#include "error/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

class PgConnection;

// Every object of a database's schema with the SQL that creates and drops it, read from
// the catalog in one query (sql/ddl_catalog.sql). MigrationGenerator compares two of them.
class DdlCatalog
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DdlCatalog)

public:
    static Result<DdlCatalog> take(PgConnection &connection);

    const QMap<QString, DdlObject> &objects() const { return m_objects; }
    const DdlObject *find(const QString &key) const;
    // The keys of the object's parent, its parent's parent, ... (nearest first).
    QStringList ancestors(const QString &key) const;
    // Keys of the objects whose ancestors include 'key'.
    QStringList descendants(const QString &key) const;
    // Role names the schema's owners and grants name (other than the migrating role).
    QStringList roles() const;

    // Leaves out an object, everything that belongs to it, and the sequences its columns own
    // (another tool's history table is not part of the schema). Returns the keys left out.
    QStringList remove(const QString &key);

private:
    QMap<QString, DdlObject> m_objects;
    QMultiMap<QString, QString> m_children;
};

} // namespace uaip
