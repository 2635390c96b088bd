#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// new NAME --online SQL: a change no lock makes safe as an expand and a contract migration,
// proved on the sandbox (OnlineChangeBuilder), written into --dir (--dry-run prints them).
class OnlineCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineCommands)

public:
    static int create(CliContext &ctx);
};

} // namespace uaip
