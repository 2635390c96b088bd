#include "promptkeyconversions.h"

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

#include <optional>

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

// e said with "; nothing was converted" after it (its code and facts kept).
Error notConverted(const Error &e)
{
    return Error(e.code(), PromptKeyConversions::tr("%1; nothing was converted").arg(e.toString()),
                 e.args());
}

// A conversion that did not happen, in its words: the code of its error where it has one
// (the server's SQLSTATE kept as "sqlstate"), else Locked for a wrong key, Refused otherwise.
Error conversionFailure(const PromptConversionResult &r)
{
    if (!r.error.isSet())
        return Error(r.outcome == PromptConversionResult::Outcome::WrongKey ? ErrorCode::Locked
                                                                            : ErrorCode::Refused,
                     r.message);
    Error e(r.error.code(), r.message, r.error.args());
    return r.error.server() ? e.with(QStringLiteral("sqlstate"), r.error.sqlState()) : e;
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
                 Error(ErrorCode::BadInput,
                       none ? PromptKeyConversions::tr("%1: --backup-file and --no-backup "
                                                       "exclude each other")
                                  .arg(command)
                            : PromptKeyConversions::tr(
                                  "%1 needs a verified copy of the key first: --backup-file F "
                                  "(a key file wrapped under a passphrase, written and read "
                                  "back before anything is converted), or --no-backup to rely "
                                  "on the keychain alone; nothing was converted")
                                  .arg(command),
                       {{QStringLiteral("option"), QStringLiteral("backup-file")}}));
        return std::nullopt;
    }
    BackupChoice choice;
    if (none) {
        ctx.out().error(PromptKeyConversions::tr(
            "warning: --no-backup: the keychain holds the only copy of the key; if it is lost, "
            "every encrypted prompt text is lost with it"));
        return choice;
    }
    if (QFileInfo(file).exists() || QFileInfo(file).isSymLink()) {
        ctx.fail(2,
                 Error(ErrorCode::Conflict,
                       PromptKeyConversions::tr("%1 exists; the key file is never overwritten; "
                                                "nothing was converted")
                           .arg(file),
                       {{QStringLiteral("path"), file}}));
        return std::nullopt;
    }
    const auto pass = PassphraseReader::read(ctx, file, true);
    if (!pass)
        return std::nullopt;
    choice.file = file;
    choice.passphrase = *pass;
    return choice;
}

// Writes the key under the chosen passphrase and reads it back; 0, or the exit code of the
// failure (reported: nothing was converted). A choice of --no-backup writes nothing.
int backUp(CliContext &ctx, const BackupChoice &choice, const DataKey &key)
{
    if (choice.file.isEmpty())
        return 0;
    if (const Status backedUp = KeyBackup::writeVerified(choice.file, key, choice.passphrase);
        !backedUp)
        return ctx.fail(
            1,
            Error(backedUp.error().code(),
                  PromptKeyConversions::tr("the key backup failed: %1; nothing was converted")
                      .arg(backedUp.error().toString()),
                  backedUp.error().args()));
    ctx.out().progress(
        PromptKeyConversions::tr("key %1 written to %2 and verified (read back, unwrapped, "
                                 "compared)")
            .arg(key.id(), choice.file));
    return 0;
}

// After the commit: the estimate first, then VACUUM FULL; a failure is reported (exit 1), the
// conversion stays.
bool rewrite(CliContext &ctx, PgConnection &connection, QJsonObject *doc)
{
    PromptTableRewrite rewriter(connection);
    const PromptTableRewrite::Estimate e = rewriter.estimate();
    if (e.ok())
        ctx.out().progress(
            PromptKeyConversions::tr("removing the old row versions: %1").arg(e.describe()));
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
    ctx.out().progress(PromptKeyConversions::tr(
        "note: older WAL segments, replicas' history and backups taken before still hold the "
        "earlier form of the texts; they are not protected by this"));
    return true;
}

// The keys a disable opens envelopes with: the key in use when found, and the ring's keys of
// `others` (a repair: the keys the envelopes name; one the ring lacks is left out, the
// conversion names the first text it seals).
Result<QList<DataKey>> ringKeys(DataKeyStore &store, const KeychainIdentity &id,
                                const DataKeyLookup &key, const QStringList &others)
{
    QList<DataKey> ring;
    if (key.found)
        ring << key.key;
    for (const QString &keyId : others) {
        if (key.found && keyId == key.key.id())
            continue;
        const DataKeyLookup other = CliKeychain::find(store, id, keyId);
        if (!other.ok())
            return other.status.error();
        if (other.found && other.key.id() == keyId)
            ring << other.key;
    }
    return ring;
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

int PromptKeyConversions::convert(CliContext &ctx, bool enable)
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
        return ctx.fail(1, notConverted(key.status.error()));
    // Off, yet some texts are envelopes: disable repairs it, opening each envelope with the key
    // its id names (a key the keychain lacks: the conversion names the first text it seals).
    const bool repair = !enable && s.mixed();
    const Result<QList<DataKey>> ring
        = ringKeys(store, t.id, key, repair ? s.envelopeKeyIds : QStringList());
    if (!ring.ok())
        return ctx.fail(1, notConverted(ring.error()));
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
    if (enable && !s.enabled)
        if (const int failed = backUp(ctx, *backup, key.key))
            return failed;
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
        = enable ? encryption.enable(key.key, options) : encryption.disable(*ring, options);
    if (!r.ok())
        return ctx.fail(r.outcome == PromptConversionResult::Outcome::WrongKey ? 2 : 1,
                        conversionFailure(r));
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

int PromptKeyConversions::generateKey(CliContext &ctx, DataKeyStore &store,
                                      const KeychainIdentity &id, bool enable,
                                      const PromptEncryptionStatus &s, DataKeyLookup *key)
{
    if (!enable || s.enabled)
        return ctx.fail(
            2,
            Error(ErrorCode::NotFound,
                  tr("%1; nothing was converted").arg(CliKeychain::noKeyHint(key->identity)),
                  {{QStringLiteral("entry"), key->identity}}));
    // A new key goes to the key ring before any text is sealed with it.
    key->key = DataKey::generate();
    if (!key->key.isValid())
        return ctx.fail(1, Error(ErrorCode::Internal, tr("the random number generator failed")));
    if (const Status added = CliKeychain::add(store, id, key->key); !added)
        return ctx.fail(1, notConverted(added.error()));
    ctx.out().progress(tr("new data key %1 stored in the keychain (entry \"%2\")")
                           .arg(key->key.id(), id.entryFor(key->key.id())));
    return 0;
}

int PromptKeyConversions::rotate(CliContext &ctx)
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
        return ctx.fail(
            2,
            Error(ErrorCode::Refused, tr("prompt encryption is off; there is nothing to rotate")));
    DataKeyStore store;
    const DataKeyLookup old = CliKeychain::find(store, t.id, s.keyId);
    if (!old.ok())
        return ctx.fail(1, notConverted(old.status.error()));
    if (!old.found)
        return ctx.fail(
            2,
            Error(ErrorCode::NotFound,
                  tr("%1; nothing was converted").arg(CliKeychain::noKeyHint(old.identity)),
                  {{QStringLiteral("entry"), old.identity}}));
    const DataKey fresh = DataKey::generate();
    if (!fresh.isValid())
        return ctx.fail(1, Error(ErrorCode::Internal, tr("the random number generator failed")));
    // The new key into the ring (the old one stays) and into its backup before any text is
    // sealed with it.
    if (const Status added = CliKeychain::add(store, t.id, fresh); !added)
        return ctx.fail(1, notConverted(added.error()));
    ctx.out().progress(tr("new data key %1 stored in the keychain (entry \"%2\"); key %3 stays")
                           .arg(fresh.id(), t.id.entryFor(fresh.id()), old.key.id()));
    if (const int failed = backUp(ctx, *backup, fresh))
        return failed;
    const PromptTableRewrite::Estimate e = PromptTableRewrite(*t.connection).estimate();
    if (e.ok())
        ctx.out().progress(tr("after the conversion commits: %1").arg(e.describe()));
    const PromptConversionResult r = encryption.rotate(old.key, fresh, conversionOptions(ctx));
    if (!r.ok())
        return ctx.fail(r.outcome == PromptConversionResult::Outcome::WrongKey ? 2 : 1,
                        conversionFailure(r));
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
