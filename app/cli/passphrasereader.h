#pragma once

#include <QString>

#include <optional>

namespace uaip {

class CliContext;

// A passphrase for a key file: from --passphrase-file (first line, its line end removed) or
// asked on the terminal without echo (twice when confirm). Never from an argument. On failure
// it reports through ctx (exit 2) and returns nothing.
class PassphraseReader
{
public:
    static std::optional<QString> read(CliContext &ctx, const QString &purpose, bool confirm);
    // One line from the terminal without echo (stdin as it is when not a terminal); nothing
    // at end of input. Also what `seed initial` asks the admin password with.
    static std::optional<QString> askHidden(const QString &prompt);
};

} // namespace uaip
