#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

class CliContext;

// The passphrase of a key file (named in the questions and errors): from --passphrase-file (first
// line, its line end removed) or asked on the terminal without echo (twice when confirm). Never
// from an argument. On failure it reports through ctx (exit 2) and returns nothing.
class PassphraseReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PassphraseReader)

public:
    static std::optional<QString> read(CliContext &ctx, const QString &keyFile, bool confirm);
    // One line from the terminal without echo (stdin as it is when not a terminal); nothing
    // at end of input. Also what `seed initial` asks the admin password with. Process-only: the
    // prompt goes to the process's stderr, not to CliStreams' err (it belongs beside the
    // terminal the answer is typed on); the callers ask only when stdin is a terminal.
    static std::optional<QString> askHidden(const QString &prompt);
};

} // namespace uaip
