#include "sandboxlease.h"

#include "sandbox.h"

namespace uaip {

SandboxLease::SandboxLease(Sandbox &sandbox)
    : m_sandbox(sandbox)
{ }

SandboxLease::~SandboxLease()
{
    if (!m_started)
        return;
    QString ignored; // nothing to report it to: the work is done, and it said what it found
    m_sandbox.stop(&ignored);
}

bool SandboxLease::acquire(QString *error)
{
    // started also when it runs: start() then checks that it runs as this version set it up
    // (a sandbox an earlier version started trusts every connection), and changes nothing
    const bool running = m_sandbox.isRunning();
    if (!m_sandbox.start(error))
        return false;
    m_started = !running;
    return true;
}

} // namespace uaip
