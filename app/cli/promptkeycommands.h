#pragma once

#include "prompts/prompttextcodec.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace uaip {

class CliContext;
class PgConnection;

// prompts encryption enable|disable|status, prompts key export F | import F | rotate: the
// encryption at rest of a database's system prompts and its data keys (PromptEncryption,
// DataKeyStore, KeyFile). The keys live in the OS keychain in the database's key ring
// (KeychainIdentity); a key file holds one only wrapped under a passphrase. Here: the status
// and the key files (export, import); the conversions (enable, disable, rotate) are
// PromptKeyConversions'. Exit codes: 0 ok, 1 failed (nothing converted or written), 2 bad usage
// or bad input (wrong key, wrong passphrase, no key).
class PromptKeyCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptKeyCommands)

public:
    // ctx.args(): "encryption" or "key" first. Returns -1 when args()[0] is neither.
    static int run(CliContext &ctx);
    // The codec for the prompt commands: the database's encryption state and, when it has
    // encrypted texts, its key from the keychain (asked only then). Null when the database
    // has no encryption state (migration 0014 not applied): encrypted-looking texts are then
    // locked by the prompt core itself.
    static std::unique_ptr<PromptTextCodec> codec(PgConnection &connection);

private:
    static int status(CliContext &ctx);
    static int exportKey(CliContext &ctx, const QString &file);
    static int importKey(CliContext &ctx, const QString &file);
};

} // namespace uaip
