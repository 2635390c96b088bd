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

private:
    static std::optional<QString> ask(const QString &prompt);
};

} // namespace uaip
