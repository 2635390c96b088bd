#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class DataKeyStore;
struct DataKeyLookup;
struct KeychainIdentity;
struct PromptEncryptionStatus;

// prompts encryption enable|disable, prompts key rotate (run by PromptKeyCommands): the
// conversions of a database's system prompts (PromptEncryption). enable and rotate write a
// verified key file first (--backup-file, or --no-backup with a warning), put a new key into
// the key ring before any text is sealed with it, and rewrite the prompt tables after the commit
// (PromptTableRewrite); a disable of a mixed state (off, yet envelopes) repairs it. Exit codes as
// PromptKeyCommands'.
class PromptKeyConversions
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptKeyConversions)

public:
    static int convert(CliContext &ctx, bool enable);
    static int rotate(CliContext &ctx);

private:
    // convert without a key: a new one into key->key and the keychain (enable only; refused
    // otherwise). 0, or the exit code of the failure (reported).
    static int generateKey(CliContext &ctx, DataKeyStore &store, const KeychainIdentity &id,
                           bool enable, const PromptEncryptionStatus &s, DataKeyLookup *key);
};

} // namespace uaip
