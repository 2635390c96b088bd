// PromptKeyCommands: the conversions (encryption enable/disable, key rotate), each with the key
// backup before and the table rewrite after.
#include "promptkeycommands.h"

#include "clicontext.h"
#include "clikeychain.h"
#include "crypto/keybackup.h"
#include "crypto/promptconversionestimate.h"
#include "crypto/promptencryption.h"
#include "crypto/prompttablerewrite.h"
#include "passphrasereader.h"
#include "prompts/promptactor.h"

#include <QFileInfo>
#include <QJsonObject>

namespace uaip {

namespace {

// The conversion's lock_timeout: its table rewrite is not tried again (LockRetry is the
// migrations'), so it waits 10 s unless --lock-timeout says otherwise, not the migrations' budget.
int conversionLockTimeoutMs(const CliContext &ctx)
{
    constexpr int kDefaultMs = 10000;
    return ctx.parser().isSet(QStringLiteral("lock-timeout"))
        ? CliContext::parseDuration(ctx.parser().value(QStringLiteral("lock-timeout")))
        : kDefaultMs;
}

PromptEncryption::Options conversionOptions(CliContext &ctx)
{
    PromptEncryption::Options options;
    options.consoleUser = PromptActor::current(QStringLiteral("uaip-migrate")).consoleUser;
    options.client = ctx.clientName();
    options.lockTimeoutMs = conversionLockTimeoutMs(ctx);
    return options;
}

// --backup-file F (with its passphrase) or --no-backup; nullopt when refused (reported).
struct BackupChoice
{
    QString file; // empty: --no-backup
    QString passphrase;
};

std::optional<BackupChoice> backupChoice(CliContext &ctx, const QString &command)
{
    const bool none = ctx.parser().isSet(QStringLiteral("no-backup"));
    const QString file = ctx.parser().value(QStringLiteral("backup-file"));
    if (none == !file.isEmpty()) {
        ctx.fail(2,
                 none ? PromptKeyCommands::tr("%1: --backup-file and --no-backup exclude each "
                                              "other")
                            .arg(command)
                      : PromptKeyCommands::tr(
                            "%1 needs a verified copy of the key first: --backup-file F "
                            "(a key file wrapped under a passphrase, written and read back "
                            "before anything is converted), or --no-backup to rely on the "
                            "keychain alone; nothing was converted")
                            .arg(command));
        return std::nullopt;
    }
    BackupChoice choice;
    if (none) {
        ctx.out().error(PromptKeyCommands::tr(
            "warning: --no-backup: the keychain holds the only copy of the key; if it is lost, "
            "every encrypted prompt text is lost with it"));
        return choice;
    }
    if (QFileInfo(file).exists() || QFileInfo(file).isSymLink()) {
        ctx.fail(2,
                 PromptKeyCommands::tr("%1 exists; the key file is never overwritten; nothing "
                                       "was converted")
                     .arg(file));
        return std::nullopt;
    }
    const auto pass = PassphraseReader::read(ctx, file, true);
    if (!pass)
        return std::nullopt;
    choice.file = file;
    choice.passphrase = *pass;
    return choice;
}

// After the commit: the estimate first, then VACUUM FULL; a failure is reported (exit 1), the
// conversion stays.
bool rewrite(CliContext &ctx, PgConnection &connection, QJsonObject *doc)
{
    PromptTableRewrite rewriter(connection);
    const PromptTableRewrite::Estimate e = rewriter.estimate();
    if (e.ok())
        ctx.out().progress(
            PromptKeyCommands::tr("removing the old row versions: %1").arg(e.describe()));
    const PromptTableRewrite::RewriteOutcome r = rewriter.run(conversionLockTimeoutMs(ctx));
    doc->insert(QStringLiteral("rewrite"),
                QJsonObject{{QStringLiteral("ok"), r.ok()},
                            {QStringLiteral("estimated_seconds"), e.seconds},
                            {QStringLiteral("bytes_before"), r.bytesBefore},
                            {QStringLiteral("bytes_after"), r.bytesAfter},
                            {QStringLiteral("elapsed_ms"), r.elapsedMs},
                            {QStringLiteral("message"), r.message}});
    if (!r.ok()) {
        ctx.out().error(r.message);
        return false;
    }
    ctx.out().progress(r.message);
    ctx.out().progress(PromptKeyCommands::tr(
        "note: older WAL segments, replicas' history and backups taken before still hold the "
        "earlier form of the texts; they are not protected by this"));
    return true;
}

// convert's JSON document; keyId: the key the texts are (or stay) sealed with.
QJsonObject conversionDocument(const QString &command, const CliKeychain::Target &t,
                               const QString &keyId, bool generated,
                               const PromptConversionResult &r,
                               const std::optional<BackupChoice> &backup)
{
    return {{QStringLiteral("command"), command},
            {QStringLiteral("ok"), true},
            {QStringLiteral("database"), t.connection->database()},
            {QStringLiteral("identity"), t.id.entryFor(keyId)},
            {QStringLiteral("key_id"), keyId},
            {QStringLiteral("key_generated"), generated},
            {QStringLiteral("repaired"), r.repaired},
            {QStringLiteral("backup_file"),
             backup && !backup->file.isEmpty() ? QJsonValue(backup->file) : QJsonValue()},
            {QStringLiteral("already"), r.alreadyInState},
            {QStringLiteral("prompts_converted"), r.promptsConverted},
            {QStringLiteral("versions_converted"), r.versionsConverted}};
}

} // namespace

int PromptKeyCommands::convert(CliContext &ctx, bool enable)
{
    const QString command = enable ? QStringLiteral("prompts encryption enable")
                                   : QStringLiteral("prompts encryption disable");
    std::optional<BackupChoice> backup;
    if (enable && !(backup = backupChoice(ctx, command)))
        return 2;
    const CliKeychain::Target t = CliKeychain::target(ctx);
    if (!t.connection)
        return t.exitCode;
    PromptEncryption encryption(*t.connection);
    const PromptEncryptionStatus s = encryption.status();
    if (!s.ok())
        return CliKeychain::stateFailure(ctx, s.error);
    DataKeyStore store;
    DataKeyLookup key = CliKeychain::find(store, t.id, s.keyId);
    if (!key.ok())
        return ctx.fail(1, tr("%1; nothing was converted").arg(key.error));
    // Off, yet some texts are envelopes: disable repairs it, opening each envelope with the key
    // its id names (a key the keychain lacks: the conversion names the first text it seals).
    const bool repair = !enable && s.mixed();
    QList<DataKey> ring;
    if (key.found)
        ring << key.key;
    for (const QString &id : repair ? s.envelopeKeyIds : QStringList()) {
        if (key.found && id == key.key.id())
            continue;
        const DataKeyLookup other = CliKeychain::find(store, t.id, id);
        if (!other.ok())
            return ctx.fail(1, tr("%1; nothing was converted").arg(other.error));
        if (other.found && other.key.id() == id)
            ring << other.key;
    }
    if (repair)
        ctx.out().progress(
            tr("%1: encryption is off, but %n text(s) are envelopes (key(s) %2): repairing",
               nullptr, int(s.envelopes()))
                .arg(command, s.envelopeKeyIds.join(QStringLiteral(", "))));
    bool generated = false;
    if (!key.found && !repair) {
        if (const int e = generateKey(ctx, store, t.id, enable, s, &key))
            return e;
        generated = true;
    }
    if (enable && !s.enabled && !backup->file.isEmpty()) {
        if (const QString why = KeyBackup::writeVerified(backup->file, key.key, backup->passphrase);
            !why.isEmpty())
            return ctx.fail(1, tr("the key backup failed: %1; nothing was converted").arg(why));
        ctx.out().progress(tr("key %1 written to %2 and verified (read back, unwrapped, compared)")
                               .arg(key.key.id(), backup->file));
    }
    if (enable && !s.enabled) {
        const PromptTableRewrite::Estimate e = PromptTableRewrite(*t.connection).estimate();
        if (e.ok())
            ctx.out().progress(tr("after the conversion commits: %1").arg(e.describe()));
    }
    const PromptEncryption::Options options = conversionOptions(ctx);
    // How long the tables will be held, said before they are.
    if (s.enabled != enable || repair)
        ctx.out().progress(QStringLiteral("%1: %2").arg(
            command, PromptConversionEstimate::of(s, options.lockTimeoutMs).text()));
    const PromptConversionResult r
        = enable ? encryption.enable(key.key, options) : encryption.disable(ring, options);
    if (!r.ok())
        return ctx.fail(r.outcome == PromptConversionResult::Outcome::WrongKey ? 2 : 1, r.message);
    ctx.out().line(r.alreadyInState
                       ? QStringLiteral("%1: %2").arg(command, r.message)
                       //: %1 the command, %2 what it did, %3 the database (database x as y on z)
                       : tr("%1: %2 in %3").arg(command, r.message, ctx.describeTarget()));
    QJsonObject doc = conversionDocument(
        command, t, key.found || generated ? key.key.id() : s.keyId, generated, r, backup);
    const bool rewritten = !enable || r.alreadyInState || rewrite(ctx, *t.connection, &doc);
    doc.insert(QStringLiteral("ok"), rewritten);
    ctx.out().document(doc);
    return rewritten ? 0 : 1;
}

int PromptKeyCommands::generateKey(CliContext &ctx, DataKeyStore &store, const KeychainIdentity &id,
                                   bool enable, const PromptEncryptionStatus &s, DataKeyLookup *key)
{
    if (!enable || s.enabled)
        return ctx.fail(2,
                        tr("%1; nothing was converted").arg(CliKeychain::noKeyHint(key->identity)));
    // A new key goes to the key ring before any text is sealed with it.
    key->key = DataKey::generate();
    if (!key->key.isValid())
        return ctx.fail(1, tr("the random number generator failed"));
    if (const QString error = CliKeychain::add(store, id, key->key); !error.isEmpty())
        return ctx.fail(1, tr("%1; nothing was converted").arg(error));
    ctx.out().progress(tr("new data key %1 stored in the keychain (entry \"%2\")")
                           .arg(key->key.id(), id.entryFor(key->key.id())));
    return 0;
}

int PromptKeyCommands::rotate(CliContext &ctx)
{
    const QString command = QStringLiteral("prompts key rotate");
    const std::optional<BackupChoice> backup = backupChoice(ctx, command);
    if (!backup)
        return 2;
    const CliKeychain::Target t = CliKeychain::target(ctx);
    if (!t.connection)
        return t.exitCode;
    PromptEncryption encryption(*t.connection);
    const PromptEncryptionStatus s = encryption.status();
    if (!s.ok())
        return CliKeychain::stateFailure(ctx, s.error);
    if (!s.enabled)
        return ctx.fail(2, tr("prompt encryption is off; there is nothing to rotate"));
    DataKeyStore store;
    const DataKeyLookup old = CliKeychain::find(store, t.id, s.keyId);
    if (!old.ok())
        return ctx.fail(1, tr("%1; nothing was converted").arg(old.error));
    if (!old.found)
        return ctx.fail(2,
                        tr("%1; nothing was converted").arg(CliKeychain::noKeyHint(old.identity)));
    const DataKey fresh = DataKey::generate();
    if (!fresh.isValid())
        return ctx.fail(1, tr("the random number generator failed"));
    // The new key into the ring (the old one stays) and into its backup before any text is
    // sealed with it.
    if (const QString error = CliKeychain::add(store, t.id, fresh); !error.isEmpty())
        return ctx.fail(1, tr("%1; nothing was converted").arg(error));
    ctx.out().progress(tr("new data key %1 stored in the keychain (entry \"%2\"); key %3 stays")
                           .arg(fresh.id(), t.id.entryFor(fresh.id()), old.key.id()));
    if (!backup->file.isEmpty()) {
        if (const QString why = KeyBackup::writeVerified(backup->file, fresh, backup->passphrase);
            !why.isEmpty())
            return ctx.fail(1, tr("the key backup failed: %1; nothing was converted").arg(why));
        ctx.out().progress(tr("key %1 written to %2 and verified (read back, unwrapped, compared)")
                               .arg(fresh.id(), backup->file));
    }
    const PromptTableRewrite::Estimate e = PromptTableRewrite(*t.connection).estimate();
    if (e.ok())
        ctx.out().progress(tr("after the conversion commits: %1").arg(e.describe()));
    const PromptConversionResult r = encryption.rotate(old.key, fresh, conversionOptions(ctx));
    if (!r.ok())
        return ctx.fail(r.outcome == PromptConversionResult::Outcome::WrongKey ? 2 : 1, r.message);
    ctx.out().line(tr("%1: %2 in %3").arg(command, r.message, ctx.describeTarget()));
    QJsonObject doc{{QStringLiteral("command"), command},
                    {QStringLiteral("ok"), true},
                    {QStringLiteral("database"), t.connection->database()},
                    {QStringLiteral("old_key_id"), old.key.id()},
                    {QStringLiteral("key_id"), fresh.id()},
                    {QStringLiteral("identity"), t.id.entryFor(fresh.id())},
                    {QStringLiteral("backup_file"),
                     backup->file.isEmpty() ? QJsonValue() : QJsonValue(backup->file)},
                    {QStringLiteral("prompts_converted"), r.promptsConverted},
                    {QStringLiteral("versions_converted"), r.versionsConverted}};
    const bool rewritten = rewrite(ctx, *t.connection, &doc);
    doc.insert(QStringLiteral("ok"), rewritten);
    ctx.out().document(doc);
    return rewritten ? 0 : 1;
}

} // namespace uaip
