#pragma once

// The roles the schema drift tests grant to and hand objects to (tst_schemadrift,
// tst_driftmigration). Roles are cluster-wide: made once, kept, since other test programs
// may run at the same time.
namespace uaip::test {

constexpr const char *kDriftRoles
    = "DO $$ BEGIN\n"
      "  CREATE ROLE uaip_drift_reader NOLOGIN;\n"
      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  CREATE ROLE uaip_drift_owner NOLOGIN;\n"
      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  CREATE ROLE uaip_drift_deploy NOLOGIN;\n"
      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
      "END $$;\n";

} // namespace uaip::test
