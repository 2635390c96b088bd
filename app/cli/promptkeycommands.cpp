#include "promptkeycommands.h"

#include "prompts/promptactor.h"
#include "util/privatefile.h"

#include "clicontext.h"
#include "clikeychain.h"
#include "crypto/datakeystore.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptencryption.h"
#include "crypto/promptkeyaudit.h"
#include "passphrasereader.h"
#include "promptkeyconversions.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace uaip {

namespace {

// The audit row of a key leaving or entering the keychain; a failure is reported, not fatal
// to what already happened (the file is written, the key stored).
void audit(CliContext &ctx, PgConnection &connection, const QString &action,
           const QJsonObject &values)
{
    const Status e = PromptKeyAudit::record(connection, action, values,
                                            PromptActor::current(QStringLiteral("uaip-migrate")),
                                            ctx.describeTarget());
    if (!e)
        ctx.out().error(PromptKeyCommands::tr("the audit_logs row of %1 was not written: %2")
                            .arg(action, e.error().toString()));
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
            key.status = id.error.in(tr("cannot name the database for the keychain"));
        } else {
            DataKeyStore store;
            key = CliKeychain::find(store, id, s.keyId);
        }
    }
    return std::make_unique<EnvelopePromptCodec>(s, key);
}

int PromptKeyCommands::run(CliContext &ctx)
{
    const QString group = ctx.args().value(0);
    const QString sub = ctx.args().value(1);
    const QString usage
        = tr("usage: uaip-migrate prompts encryption enable (--backup-file F | --no-backup)"
             "|disable|status\n"
             "       uaip-migrate prompts key export F|import F [--passphrase-file P]\n"
             "       uaip-migrate prompts key rotate (--backup-file F | --no-backup)");
    if (group != QLatin1String("encryption") && group != QLatin1String("key"))
        return -1;
    const bool isKey = group == QLatin1String("key");
    const bool rotating = isKey && sub == QLatin1String("rotate");
    const int expected = isKey && !rotating ? 3 : 2;
    if (ctx.args().size() != expected)
        return ctx.fail(2, Error(ErrorCode::BadInput, usage));
    for (const char *o : {"search", "type", "model", "label", "period-days", "prompt-version",
                          "ids", "decrypt", "file", "dry-run", "protect", "unprotect", "confirm"})
        if (ctx.parser().isSet(QLatin1String(o)))
            return ctx.fail(
                2,
                Error(ErrorCode::BadInput,
                      tr("--%1 does not apply to \"prompts %2\"").arg(QLatin1String(o), group),
                      {{QStringLiteral("option"), QLatin1String(o)}}));
    const bool backs = rotating || (!isKey && sub == QLatin1String("enable"));
    for (const char *o : {"backup-file", "no-backup"})
        if (!backs && ctx.parser().isSet(QLatin1String(o)))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--%1 applies to \"prompts encryption enable\" and "
                                     "\"prompts key rotate\" only")
                                      .arg(QLatin1String(o)),
                                  {{QStringLiteral("option"), QLatin1String(o)}}));
    if (!isKey && !backs && ctx.parser().isSet(QStringLiteral("passphrase-file")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--passphrase-file applies to \"prompts key\" and to an "
                                 "enable with --backup-file only"),
                              {{QStringLiteral("option"), QStringLiteral("passphrase-file")}}));
    if (rotating)
        return PromptKeyConversions::rotate(ctx);
    if (!isKey && sub == QLatin1String("status"))
        return status(ctx);
    if (!isKey && (sub == QLatin1String("enable") || sub == QLatin1String("disable")))
        return PromptKeyConversions::convert(ctx, sub == QLatin1String("enable"));
    if (isKey && sub == QLatin1String("export"))
        return exportKey(ctx, ctx.args().at(2));
    if (isKey && sub == QLatin1String("import"))
        return importKey(ctx, ctx.args().at(2));
    return ctx.fail(2, Error(ErrorCode::BadInput, usage));
}

int PromptKeyCommands::status(CliContext &ctx)
{
    // reads only: a standby answers it
    const CliKeychain::Target t = CliKeychain::target(ctx, false);
    if (!t.connection)
        return t.exitCode;
    const PromptEncryptionStatus s = PromptEncryption(*t.connection).status();
    if (!s.ok())
        return CliKeychain::stateFailure(ctx, s.error);
    DataKeyStore store;
    const DataKeyLookup key = CliKeychain::find(store, t.id, s.keyId);
    const bool keyMatches = key.found && (s.keyId.isEmpty() || key.key.id() == s.keyId);
    const bool locked = (s.encryptedPrompts + s.encryptedVersions) > 0 && !keyMatches;
    ctx.out().line(
        s.enabled ? tr("prompt encryption of %1: ON (key %2)").arg(ctx.describeTarget(), s.keyId)
            : s.mixed()
            //: %n texts; %1 the database; keep "prompts encryption disable" as it is
            ? tr("prompt encryption of %1: off, but %n text(s) are envelopes: run \"prompts "
                 "encryption disable\" to repair",
                 nullptr, int(s.envelopes()))
                  .arg(ctx.describeTarget())
            : tr("prompt encryption of %1: off").arg(ctx.describeTarget()));
    ctx.out().line(tr("  changed %1 by %2").arg(s.changedAt.toString(Qt::ISODate), s.changedBy));
    ctx.out().line(tr("  ai_prompts: %1 encrypted, %2 plain; ai_prompt_versions: %3 "
                      "encrypted, %4 plain")
                       .arg(s.encryptedPrompts)
                       .arg(s.plainPrompts)
                       .arg(s.encryptedVersions)
                       .arg(s.plainVersions));
    ctx.out().line(tr("  key ring: %1 (from %2)").arg(t.id.identity, t.id.source));
    if (!key.ok())
        ctx.out().line(tr("  keychain: %1").arg(key.status.error().toString()));
    else if (!key.found)
        ctx.out().line(tr("  keychain: no key for this database"));
    else
        ctx.out().line(
            (keyMatches ? tr("  keychain: key %1") : tr("  keychain: key %1 (NOT the key in use)"))
                .arg(key.key.id()));
    if (locked)
        ctx.out().line(tr("  without the key the encrypted prompts are locked: %1")
                           .arg(CliKeychain::noKeyHint(key.identity)));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("prompts encryption status")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("database"), t.connection->database()},
         {QStringLiteral("identity"), t.id.identity},
         {QStringLiteral("identity_source"), t.id.source},
         {QStringLiteral("enabled"), s.enabled},
         {QStringLiteral("mixed"), s.mixed()},
         {QStringLiteral("envelope_key_ids"), QJsonArray::fromStringList(s.envelopeKeyIds)},
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
              {QStringLiteral("error"),
               key.ok() ? QJsonValue() : QJsonValue(key.status.error().toString())}}},
         {QStringLiteral("locked"), locked}});
    return 0;
}

int PromptKeyCommands::exportKey(CliContext &ctx, const QString &file)
{
    // (PrivateFile refuses an existing path or a symlink, dangling or not, when it writes.)
    if (QFileInfo(file).exists() || QFileInfo(file).isSymLink())
        return ctx.fail(2,
                        Error(ErrorCode::Conflict,
                              tr("%1 exists; the key file is never overwritten").arg(file),
                              {{QStringLiteral("path"), file}}));
    const CliKeychain::Target t = CliKeychain::target(ctx);
    if (!t.connection)
        return t.exitCode;
    const PromptEncryptionStatus s = PromptEncryption(*t.connection).status();
    if (!s.ok())
        return CliKeychain::stateFailure(ctx, s.error);
    if (s.keyId.isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::NotFound,
                              tr("this database has no data key yet (prompts encryption "
                                 "enable makes one)")));
    DataKeyStore store;
    const DataKeyLookup key = CliKeychain::find(store, t.id, s.keyId);
    if (!key.ok())
        return ctx.fail(1, key.status.error());
    if (!key.found)
        return ctx.fail(2,
                        Error(ErrorCode::NotFound, CliKeychain::noKeyHint(key.identity),
                              {{QStringLiteral("entry"), key.identity}}));
    const auto pass = PassphraseReader::read(ctx, file, true);
    if (!pass)
        return 2;
    if (const Status weak = KeyFile::checkPassphrase(*pass); !weak)
        return ctx.fail(2, weak.error());
    const Result<QByteArray> wrapped = KeyFile::wrap(key.key, *pass);
    if (!wrapped.ok())
        return ctx.fail(
            1, Error(wrapped.error().code(), wrapped.error().text(), wrapped.error().args()));
    if (const QString why = PrivateFile::write(file, *wrapped); !why.isEmpty())
        return ctx.fail(1, Error(ErrorCode::Io, why, {{QStringLiteral("path"), file}}));
    audit(ctx, *t.connection, QLatin1String(PromptKeyAudit::kKeyExport),
          {{QStringLiteral("key_id"), key.key.id()},
           {QStringLiteral("file"), QFileInfo(file).absoluteFilePath()}});
    ctx.out().line(tr("key %1 of %2 written to %3 (wrapped: AES-256-GCM under "
                      "scrypt of the passphrase)")
                       .arg(key.key.id(), key.identity, file));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts key export")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("identity"), key.identity},
                        {QStringLiteral("key_id"), key.key.id()},
                        {QStringLiteral("file"), file}});
    return 0;
}

int PromptKeyCommands::importKey(CliContext &ctx, const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return ctx.fail(
            2, CliContext::fileError(file, tr("cannot read %1: %2").arg(file, in.errorString())));
    const QByteArray bytes = in.read(64 * 1024);
    const auto pass = PassphraseReader::read(ctx, file, false);
    if (!pass)
        return 2;
    const Result<QByteArray> unwrapped = KeyFile::unwrap(bytes, *pass);
    if (!unwrapped.ok())
        return ctx.fail(unwrapped.error().code() == ErrorCode::Internal ? 1 : 2,
                        Error(unwrapped.error().code(),
                              QStringLiteral("%1: %2").arg(file, unwrapped.error().text()),
                              unwrapped.error().args())
                            .with(QStringLiteral("path"), file));
    const DataKey key = DataKey::fromBytes(*unwrapped);
    const CliKeychain::Target t = CliKeychain::target(ctx);
    if (!t.connection)
        return t.exitCode;
    const PromptEncryptionStatus s = PromptEncryption(*t.connection).status();
    if (!s.ok())
        return CliKeychain::stateFailure(ctx, s.error);
    // The ring keeps every key: a key other than the one in use is added beside it (older
    // dumps and backups may need it), never instead of it.
    DataKeyStore store;
    const DataKeyLookup existing = CliKeychain::find(store, t.id, key.id());
    if (!existing.ok())
        return ctx.fail(1, existing.status.error());
    const bool same = existing.found && existing.key.bytes() == key.bytes();
    if (!same)
        if (const Status added = CliKeychain::add(store, t.id, key); !added)
            return ctx.fail(1,
                            Error(added.error().code(),
                                  tr("%1; nothing was imported").arg(added.error().toString()),
                                  added.error().args()));
    const QString entry = t.id.entryFor(key.id());
    audit(ctx, *t.connection, QLatin1String(PromptKeyAudit::kKeyImport),
          {{QStringLiteral("key_id"), key.id()},
           {QStringLiteral("file"), QFileInfo(file).absoluteFilePath()},
           {QStringLiteral("already_present"), same}});
    const bool inUse = s.keyId.isEmpty() || s.keyId == key.id();
    ctx.out().line(same
                       ? tr("key %1 is already in the keychain (entry \"%2\")").arg(key.id(), entry)
                       : tr("key %1 added to the key ring in the keychain (entry \"%2\")")
                             .arg(key.id(), entry));
    if (!inUse)
        ctx.out().line(tr("the prompts of this database use key %1; key %2 is kept beside it "
                          "(for older dumps and backups)")
                           .arg(s.keyId, key.id()));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts key import")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("identity"), entry},
                        {QStringLiteral("key_id"), key.id()},
                        {QStringLiteral("already_present"), same},
                        {QStringLiteral("in_use"), inUse},
                        {QStringLiteral("file"), file}});
    return 0;
}

} // namespace uaip
