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
    if (m_sandbox.isRunning())
        return true;
    if (!m_sandbox.start(error))
        return false;
    m_started = true;
    return true;
}

} // namespace uaip
