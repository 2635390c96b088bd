#pragma once

#include "db/connectionprofile.h"
#include "error/result.h"
#include "fleet/fleettarget.h"

namespace uaip {

// A targets-file target as a connection profile, to open the Migrations view on it: host,
// port, database, user and SSL mode read from its conninfo or URI (libpq's parser). The
// password is never in the file: libpq reads it from .pgpass / PGPASSFILE. Marked production;
// a conninfo with keywords a profile does not carry (options, client certificates, service…)
// is refused naming them.
class FleetTargetProfile
{
public:
    // The profile; BadInput when the conninfo does not parse or sets what a profile cannot
    // hold (arg "keywords": those it sets).
    static Result<ConnectionProfile> from(const FleetTarget &target);
};

} // namespace uaip
