#pragma once

#include "db/sandbox.h"

#include <QString>

namespace uaip::test {

// A cluster of its own for topology tests (a primary that a StandbyServer follows, or that a
// test stops to fail over): a Sandbox in a fresh folder, started on construction with the test
// cluster's superuser password (TestCluster::passFile() reaches it, its standbys and poolers),
// stopped (immediate) and removed on destruction. Destroy its standbys first.
class PrimaryServer : public Sandbox
{
public:
    PrimaryServer();
    ~PrimaryServer();
    PrimaryServer(const PrimaryServer &) = delete;
    PrimaryServer &operator=(const PrimaryServer &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }

private:
    bool m_running = false;
    QString m_error;
};

} // namespace uaip::test
