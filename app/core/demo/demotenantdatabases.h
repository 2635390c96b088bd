#pragma once

#include "error/status.h"

#include <QStringList>

namespace uaip {

class PgConnection;

// Empty databases next to the connected one, for the screenshot mode's Fleet view: each made
// (CREATE DATABASE, the name quoted by the driver) unless one of that name exists.
class DemoTenantDatabases
{
public:
    static Status ensure(PgConnection &server, const QStringList &names);
};

} // namespace uaip
