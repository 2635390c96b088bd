#include "promptkeycommands.h"

#include "prompts/promptactor.h"
#include "util/privatefile.h"

#include "clicontext.h"
#include "crypto/datakeystore.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptconversionestimate.h"
#include "crypto/promptencryption.h"
#include "passphrasereader.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>

namespace uaip {

namespace {

constexpr int kKeychainTimeoutMs = 30000;

// Runs the CLI's (only) event loop until the keychain answers; the CLI has no other loop, so
// this is not a nested one.
template<typename Signal, typename Slot>
void await(DataKeyStore &store, Signal signal, Slot slot, const std::function<void()> &start)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&store, signal, &loop, [&](auto... args) {
        slot(args...);
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    start();
    if (!done)
        loop.exec();
}

DataKeyLookup readKey(DataKeyStore &store, const QString &identity)
{
    DataKeyLookup out;
    out.identity = identity;
    out.error = PromptKeyCommands::tr("the keychain did not answer within %1 s")
                    .arg(kKeychainTimeoutMs / 1000);
    await(
        store, &DataKeyStore::readFinished, [&](const DataKeyLookup &l) { out = l; },
        [&] { store.read(identity); });
    return out;
}

QString writeKey(DataKeyStore &store, const QString &identity, const DataKey &key)
{
    QString error = PromptKeyCommands::tr("the keychain did not answer within %1 s")
                        .arg(kKeychainTimeoutMs / 1000);
    await(
        store, &DataKeyStore::writeFinished, [&](const QString &, const QString &e) { error = e; },
        [&] { store.write(identity, key); });
    if (!error.isEmpty())
        return error;
    const DataKeyLookup back = readKey(store, identity); // it is really there
    if (!back.ok())
        return back.error;
    if (!back.found || back.key.bytes() != key.bytes())
        return PromptKeyCommands::tr("the keychain did not keep the key");
    return QString();
}

QString consoleUser()
{
    return PromptActor::current(QStringLiteral("uaip-migrate")).consoleUser;
}

// Connects and names the database; reports failures (returns nullptr / empty identity).
struct Target
{
    PgConnection *connection = nullptr;
    KeychainIdentity id;
    int exitCode = 0; // when connection is null: what was reported
};

Target target(CliContext &ctx)
{
    Target t;
    t.connection = ctx.connect();
    if (!t.connection) {
        t.exitCode = 2;
        return t;
    }
    t.id = KeychainIdentity::read(*t.connection);
    if (!t.id.ok()) {
        t.exitCode = ctx.fail(1,
                              PromptKeyCommands::tr("cannot name the database for the keychain: %1")
                                  .arg(t.id.error.toString()));
        t.connection = nullptr;
    }
    return t;
}

// The state is missing on a database without migration 0014: bad input (exit 2) with a hint.
int stateFailure(CliContext &ctx, const PgError &e)
{
    if (e.sqlState == QLatin1String("42P01"))
        return ctx.fail(2,
                        PromptKeyCommands::tr("this database has no prompt encryption state "
                                              "(ai_prompt_encryption): apply the migrations first "
                                              "(uaip-migrate up)\n%1")
                            .arg(e.toString()));
    return ctx.fail(
        1, PromptKeyCommands::tr("cannot read the encryption state: %1").arg(e.toString()));
}

QString noKeyHint(const QString &identity)
{
    return PromptKeyCommands::tr(
               "no data key for this database in the keychain (entry \"%1\" of "
               "service \"%2\"); import it with: uaip-migrate prompts key import F")
        .arg(identity, DataKeyStore::defaultService());
}

} // namespace

std::unique_ptr<PromptTextCodec> PromptKeyCommands::codec(PgConnection &connection)
{
    const PromptEncryptionStatus s = PromptEncryption(connection).status();
    if (!s.ok())
        return nullptr;
    DataKeyLookup key;
    if (s.enabled || s.encryptedPrompts + s.encryptedVersions > 0) {
        const KeychainIdentity id = KeychainIdentity::read(connection);
        if (!id.ok()) {
            key.error
                = tr("cannot name the database for the keychain: %1").arg(id.error.toString());
        } else {
            DataKeyStore store;
            key = readKey(store, id.identity);
        }
    }
    return std::make_unique<EnvelopePromptCodec>(s, key);
}

int PromptKeyCommands::run(CliContext &ctx)
{
    const QString group = ctx.args().value(0);
    const QString sub = ctx.args().value(1);
    const QString usage
        = tr("usage: uaip-migrate prompts encryption enable|disable|status\n"
             "       uaip-migrate prompts key export F|import F [--passphrase-file P]");
    if (group != QLatin1String("encryption") && group != QLatin1String("key"))
        return -1;
    const bool isKey = group == QLatin1String("key");
    const int expected = isKey ? 3 : 2;
    if (ctx.args().size() != expected)
        return ctx.fail(2, usage);
    for (const char *o : {"search", "type", "model", "label", "period-days", "prompt-version",
                          "ids", "decrypt", "file", "dry-run", "protect", "unprotect", "confirm"})
        if (ctx.parser().isSet(QLatin1String(o)))
            return ctx.fail(
                2, tr("--%1 does not apply to \"prompts %2\"").arg(QLatin1String(o), group));
    if (!isKey && ctx.parser().isSet(QStringLiteral("passphrase-file")))
        return ctx.fail(2, tr("--passphrase-file applies to \"prompts key\" only"));
    if (!isKey && sub == QLatin1String("status"))
        return status(ctx);
    if (!isKey && (sub == QLatin1String("enable") || sub == QLatin1String("disable")))
        return convert(ctx, sub == QLatin1String("enable"));
    if (isKey && sub == QLatin1String("export"))
        return exportKey(ctx, ctx.args().at(2));
    if (isKey && sub == QLatin1String("import"))
        return importKey(ctx, ctx.args().at(2));
    return ctx.fail(2, usage);
}

int PromptKeyCommands::status(CliContext &ctx)
{
    const Target t = target(ctx);
    if (!t.connection)
        return t.exitCode;
    const PromptEncryptionStatus s = PromptEncryption(*t.connection).status();
    if (!s.ok())
        return stateFailure(ctx, s.error);
    DataKeyStore store;
    const DataKeyLookup key = readKey(store, t.id.identity);
    const bool keyMatches = key.found && (s.keyId.isEmpty() || key.key.id() == s.keyId);
    const bool locked = (s.encryptedPrompts + s.encryptedVersions) > 0 && !keyMatches;
    ctx.out().line(
        s.enabled ? tr("prompt encryption of %1: ON (key %2)").arg(ctx.describeTarget(), s.keyId)
                  : tr("prompt encryption of %1: off").arg(ctx.describeTarget()));
    ctx.out().line(tr("  changed %1 by %2").arg(s.changedAt.toString(Qt::ISODate), s.changedBy));
    ctx.out().line(tr("  ai_prompts: %1 encrypted, %2 plain; ai_prompt_versions: %3 "
                      "encrypted, %4 plain")
                       .arg(s.encryptedPrompts)
                       .arg(s.plainPrompts)
                       .arg(s.encryptedVersions)
                       .arg(s.plainVersions));
    ctx.out().line(tr("  database identity: %1 (from %2)").arg(t.id.identity, t.id.source));
    if (!key.ok())
        ctx.out().line(tr("  keychain: %1").arg(key.error));
    else if (!key.found)
        ctx.out().line(tr("  keychain: no key for this database"));
    else
        ctx.out().line(
            (keyMatches ? tr("  keychain: key %1") : tr("  keychain: key %1 (NOT the key in use)"))
                .arg(key.key.id()));
    if (locked)
        ctx.out().line(tr("  without the key the encrypted prompts are locked: %1")
                           .arg(noKeyHint(t.id.identity)));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("prompts encryption status")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("database"), t.connection->database()},
         {QStringLiteral("identity"), t.id.identity},
         {QStringLiteral("identity_source"), t.id.source},
         {QStringLiteral("enabled"), s.enabled},
         {QStringLiteral("key_id"), s.keyId.isEmpty() ? QJsonValue() : QJsonValue(s.keyId)},
         {QStringLiteral("changed_at"), s.changedAt.toString(Qt::ISODateWithMs)},
         {QStringLiteral("changed_by"), s.changedBy},
         {QStringLiteral("ai_prompts"),
          QJsonObject{{QStringLiteral("encrypted"), s.encryptedPrompts},
                      {QStringLiteral("plain"), s.plainPrompts}}},
         {QStringLiteral("ai_prompt_versions"),
          QJsonObject{{QStringLiteral("encrypted"), s.encryptedVersions},
                      {QStringLiteral("plain"), s.plainVersions}}},
         {QStringLiteral("keychain"),
          QJsonObject{
              {QStringLiteral("available"), key.ok()},
              {QStringLiteral("found"), key.found},
              {QStringLiteral("key_id"), key.found ? QJsonValue(key.key.id()) : QJsonValue()},
              {QStringLiteral("error"), key.ok() ? QJsonValue() : QJsonValue(key.error)}}},
         {QStringLiteral("locked"), locked}});
    return 0;
}

int PromptKeyCommands::convert(CliContext &ctx, bool enable)
{
    const QString command = enable ? QStringLiteral("prompts encryption enable")
                                   : QStringLiteral("prompts encryption disable");
    const Target t = target(ctx);
    if (!t.connection)
        return t.exitCode;
    PromptEncryption encryption(*t.connection);
    const PromptEncryptionStatus s = encryption.status();
    if (!s.ok())
        return stateFailure(ctx, s.error);
    DataKeyStore store;
    DataKeyLookup key = readKey(store, t.id.identity);
    if (!key.ok())
        return ctx.fail(1, tr("%1; nothing was converted").arg(key.error));
    bool generated = false;
    if (!key.found) {
        if (!enable || s.enabled)
            return ctx.fail(2, tr("%1; nothing was converted").arg(noKeyHint(t.id.identity)));
        // A new key goes to the keychain before any text is sealed with it.
        key.key = DataKey::generate();
        if (!key.key.isValid())
            return ctx.fail(1, tr("the random number generator failed"));
        const QString error = writeKey(store, t.id.identity, key.key);
        if (!error.isEmpty())
            return ctx.fail(1, tr("%1; nothing was converted").arg(error));
        generated = true;
        ctx.out().progress(tr("new data key %1 stored in the keychain (entry \"%2\"); "
                              "keep a copy: uaip-migrate prompts key export F")
                               .arg(key.key.id(), t.id.identity));
    }
    PromptEncryption::Options options{consoleUser(), ctx.clientName()};
    options.lockTimeoutMs
        = CliContext::parseDuration(ctx.parser().value(QStringLiteral("lock-timeout")));
    // How long the tables will be held, said before they are.
    if (s.enabled != enable)
        ctx.out().progress(QStringLiteral("%1: %2").arg(
            command, PromptConversionEstimate::of(s, options.lockTimeoutMs).text()));
    const PromptConversionResult r
        = enable ? encryption.enable(key.key, options) : encryption.disable(key.key, options);
    if (!r.ok())
        return ctx.fail(r.outcome == PromptConversionResult::Outcome::WrongKey ? 2 : 1, r.message);
    ctx.out().line(r.alreadyInState
                       ? QStringLiteral("%1: %2").arg(command, r.message)
                       //: %1 the command, %2 what it did, %3 the database (database x as y on z)
                       : tr("%1: %2 in %3").arg(command, r.message, ctx.describeTarget()));
    ctx.out().document({{QStringLiteral("command"), command},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("database"), t.connection->database()},
                        {QStringLiteral("identity"), t.id.identity},
                        {QStringLiteral("key_id"), key.key.id()},
                        {QStringLiteral("key_generated"), generated},
                        {QStringLiteral("already"), r.alreadyInState},
                        {QStringLiteral("prompts_converted"), r.promptsConverted},
                        {QStringLiteral("versions_converted"), r.versionsConverted}});
    return 0;
}

int PromptKeyCommands::exportKey(CliContext &ctx, const QString &file)
{
    // (PrivateFile refuses an existing path or a symlink, dangling or not, when it writes.)
    if (QFileInfo(file).exists() || QFileInfo(file).isSymLink())
        return ctx.fail(2, tr("%1 exists; the key file is never overwritten").arg(file));
    const Target t = target(ctx);
    if (!t.connection)
        return t.exitCode;
    DataKeyStore store;
    const DataKeyLookup key = readKey(store, t.id.identity);
    if (!key.ok())
        return ctx.fail(1, key.error);
    if (!key.found)
        return ctx.fail(2, noKeyHint(t.id.identity));
    const auto pass = PassphraseReader::read(ctx, file, true);
    if (!pass)
        return 2;
    const QString weak = KeyFile::checkPassphrase(*pass);
    if (!weak.isEmpty())
        return ctx.fail(2, weak);
    const CryptoResult wrapped = KeyFile::wrap(key.key, *pass);
    if (!wrapped.ok())
        return ctx.fail(1, wrapped.message);
    if (const QString why = PrivateFile::write(file, wrapped.bytes); !why.isEmpty())
        return ctx.fail(1, why);
    ctx.out().line(tr("key %1 of %2 written to %3 (wrapped: AES-256-GCM under "
                      "scrypt of the passphrase)")
                       .arg(key.key.id(), t.id.identity, file));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts key export")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("identity"), t.id.identity},
                        {QStringLiteral("key_id"), key.key.id()},
                        {QStringLiteral("file"), file}});
    return 0;
}

int PromptKeyCommands::importKey(CliContext &ctx, const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return ctx.fail(2, tr("cannot read %1: %2").arg(file, in.errorString()));
    const QByteArray bytes = in.read(64 * 1024);
    const auto pass = PassphraseReader::read(ctx, file, false);
    if (!pass)
        return 2;
    const CryptoResult unwrapped = KeyFile::unwrap(bytes, *pass);
    if (!unwrapped.ok())
        return ctx.fail(unwrapped.error == CryptoError::Internal ? 1 : 2,
                        QStringLiteral("%1: %2").arg(file, unwrapped.message));
    const DataKey key = DataKey::fromBytes(unwrapped.bytes);
    const Target t = target(ctx);
    if (!t.connection)
        return t.exitCode;
    const PromptEncryptionStatus s = PromptEncryption(*t.connection).status();
    if (!s.ok())
        return stateFailure(ctx, s.error);
    if (s.enabled && s.keyId != key.id())
        return ctx.fail(2,
                        tr("%1 holds key %2, but the prompts of this database are "
                           "encrypted with key %3; nothing was imported")
                            .arg(file, key.id(), s.keyId));
    DataKeyStore store;
    const DataKeyLookup existing = readKey(store, t.id.identity);
    if (!existing.ok())
        return ctx.fail(1, existing.error);
    const bool same = existing.found && existing.key.bytes() == key.bytes();
    if (!same) {
        const QString error = writeKey(store, t.id.identity, key);
        if (!error.isEmpty())
            return ctx.fail(1, error);
    }
    ctx.out().line(
        same ? tr("key %1 is already in the keychain for %2").arg(key.id(), t.id.identity)
            : existing.found
            ? tr("key %1 imported into the keychain for %2 (replacing unused key %3)")
                  .arg(key.id(), t.id.identity, existing.key.id())
            : tr("key %1 imported into the keychain for %2").arg(key.id(), t.id.identity));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts key import")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("identity"), t.id.identity},
                        {QStringLiteral("key_id"), key.id()},
                        {QStringLiteral("already_present"), same},
                        {QStringLiteral("replaced_key_id"),
                         existing.found && !same ? QJsonValue(existing.key.id()) : QJsonValue()},
                        {QStringLiteral("file"), file}});
    return 0;
}

} // namespace uaip
