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
    // an error has no one to be reported to: the work is done, and it said what it found
    m_sandbox.stop();
}

Status SandboxLease::acquire()
{
    // started also when it runs: start() then checks that it runs as this version set it up
    // (a sandbox an earlier version started trusts every connection), and changes nothing
    const bool running = m_sandbox.isRunning();
    if (const Status started = m_sandbox.start(); !started)
        return started;
    m_started = !running;
    return {};
}

} // namespace uaip
