#pragma once

#include <QString>

namespace uaip {

// One database of the server as the object browser's top level shows it
// (ObjectCatalog::databases): whether the session's role may open a session on it, and if not,
// which of the two reasons holds (the database refuses connections, datallowconn; the role lacks
// CONNECT on it).
struct CatalogDatabase
{
    QString name;
    quint32 oid = 0;
    bool current = false; // the session's own database
    bool allowsConnections = true;
    bool mayConnect = true; // the role has CONNECT on it
    QString comment;

    bool canOpen() const { return allowsConnections && mayConnect; }
};

} // namespace uaip
