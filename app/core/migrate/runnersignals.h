#pragma once

namespace uaip::RunnerSignals {

// What the runner's own statements fail with on purpose: planted by ScriptPipelineBuilder (and
// the SQL it sends), read by StepOutcomeReader. Never shown: the runner acts on them.

// A ledger write (or the lock check of a run in one transaction) after a script that got no
// session reset, when an event trigger is enabled: the steps from there run again, each with
// its reset and lock check.
constexpr char kEventTriggerFound[] = "uaip-migrate:event-trigger-enabled";
// ledger_step_check.sql behind a pooler: another run did one of these steps meanwhile.
constexpr char kPlanChanged[] = "uaip-migrate:plan-changed";
// A prepared statement of the runner that is gone (DEALLOCATE ALL through EXECUTE).
constexpr char kNoSuchStatement[] = "26000";
// The lock was not obtained within its lock_timeout.
constexpr char kLockNotAvailable[] = "55P03";

} // namespace uaip::RunnerSignals
