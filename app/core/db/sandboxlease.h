#pragma once

#include "error/status.h"

namespace uaip {

class Sandbox;

// The sandbox for one piece of work (a proof on a scratch database: import-migrations' downs and
// verify, diff, verify, the fleet's expected schemas): started when it is not running, and
// stopped again when the lease ends if — and only if — the lease started it. A sandbox the user
// (or the console) runs stays running; one the work needed is not left behind (issue 41: an
// `import-migrations` run left a default sandbox running under the user's app-data folder).
class SandboxLease
{
public:
    explicit SandboxLease(Sandbox &sandbox);
    ~SandboxLease();
    SandboxLease(const SandboxLease &) = delete;
    SandboxLease &operator=(const SandboxLease &) = delete;

    // Starts the sandbox unless it runs; an error when it cannot (Sandbox::start).
    Status acquire();
    bool startedIt() const { return m_started; }

private:
    Sandbox &m_sandbox;
    bool m_started = false;
};

} // namespace uaip
