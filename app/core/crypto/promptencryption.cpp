#include "promptencryption.h"

#include "db/transaction.h"

#include "contentdigest.h"
#include "cryptofailure.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "promptenvelope.h"
#include "prompts/promptdigest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <vector>

namespace uaip {

namespace {

// One stored text: its row, the associated data (prompt uuid, version) and the text.
struct StoredText
{
    QString rowId;
    QString promptId;
    int version = 0;
    QString text;
    std::optional<QString> userTemplate; // versions only: for the digest
    QString digest; // versions only: the new content_sha256
};

using Outcome = PromptConversionResult::Outcome;

constexpr int kBatch = 500; // UPDATEs per pipeline round trip
const QByteArray kPromptStatement = "uaip_crypt_prompt_update";
const QByteArray kVersionStatement = "uaip_crypt_version_update";
const char *const kTableNames[2] = {"ai_prompts", "ai_prompt_versions"};

PromptConversionResult failure(PromptConversionResult::Outcome outcome, const QString &message,
                               const Error &error = {})
{
    PromptConversionResult r;
    r.outcome = outcome;
    r.message = message;
    r.error = error;
    return r;
}

PromptConversionResult serverFailure(const QString &what, const Error &e)
{
    return failure(PromptConversionResult::Outcome::Failed,
                   QStringLiteral("%1: %2").arg(what, e.toString()), e);
}

// r failed, or answered without the one row expected (then the state row is missing).
PromptConversionResult serverFailure(const QString &what, const PgResult &r)
{
    return serverFailure(
        what,
        r.ok() ? Error(ErrorCode::NotFound, PromptEncryption::tr("ai_prompt_encryption has no row"))
               : Error(r.error()));
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The key of `keys` with that id; null when none has it.
const DataKey *keyWithId(const QList<DataKey> &keys, const QString &id)
{
    for (const DataKey &k : keys)
        if (!id.isEmpty() && k.id() == id)
            return &k;
    return nullptr;
}

QString idsOf(const QList<DataKey> &keys)
{
    QStringList ids;
    for (const DataKey &k : keys)
        ids << k.id();
    return ids.join(QStringLiteral(", "));
}

} // namespace

PromptEncryption::PromptEncryption(PgConnection &connection)
    : m_connection(connection)
{ }

PromptEncryptionStatus PromptEncryption::status()
{
    PromptEncryptionStatus s;
    PgResult r = m_connection.exec(SqlResource::of("crypto", "encryption_status"));
    if (!r.ok() || r.rows() != 1) {
        s.error = r.ok() ? Error(ErrorCode::NotFound, tr("ai_prompt_encryption has no row"))
                         : Error(r.error());
        return s;
    }
    s.enabled = r.value(0, 0) == QLatin1String("t");
    s.keyId = r.value(0, 1);
    s.changedAt = QDateTime::fromString(r.value(0, 2), Qt::ISODateWithMs);
    s.changedBy = r.value(0, 3);
    s.encryptedPrompts = r.value(0, 4).toLongLong();
    s.plainPrompts = r.value(0, 5).toLongLong();
    s.encryptedVersions = r.value(0, 6).toLongLong();
    s.plainVersions = r.value(0, 7).toLongLong();
    if (!r.isNull(0, 8))
        s.envelopeKeyIds = r.value(0, 8).split(u',', Qt::SkipEmptyParts);
    return s;
}

PromptConversionResult PromptEncryption::enable(const DataKey &key, const Options &options)
{
    return convert(Mode::Enable, {key}, key, options);
}

PromptConversionResult PromptEncryption::disable(const DataKey &key, const Options &options)
{
    return convert(Mode::Disable, {key}, key, options);
}

PromptConversionResult PromptEncryption::disable(const QList<DataKey> &keys, const Options &options)
{
    return convert(Mode::Disable, keys, keys.value(0), options);
}

PromptConversionResult PromptEncryption::rotate(const DataKey &oldKey, const DataKey &newKey,
                                                const Options &options)
{
    return convert(Mode::Rotate, {oldKey}, newKey, options);
}

PromptConversionResult PromptEncryption::rollback(Transaction &tx, PromptConversionResult result)
{
    tx.rollback(); // before DEALLOCATE, which an aborted transaction would refuse
    m_connection.exec("DEALLOCATE " + kPromptStatement);
    m_connection.exec("DEALLOCATE " + kVersionStatement);
    result.promptsConverted = 0;
    result.versionsConverted = 0;
    return result;
}

// The request and what the steps learn on the way, for the conversion of one convert() call.
struct PromptEncryption::Conversion
{
    Conversion(Mode m, const QList<DataKey> &ks, const DataKey &nk, const Options &o)
        : mode(m)
        , keys(ks)
        , newKey(nk)
        , options(o)
        , encrypt(m != Mode::Disable)
        , rotating(m == Mode::Rotate)
        , key(ks.value(0))
    { }

    const Mode mode;
    const QList<DataKey> &keys;
    const DataKey &newKey;
    const Options &options;
    const bool encrypt;
    const bool rotating;
    const DataKey key;
    bool enabled = false; // the state row
    QString stateKey; // the state row's key id
    bool repair = false;
    std::vector<StoredText> texts[2]; // ai_prompts, ai_prompt_versions
    qsizetype plainLeft = 0;
    QStringList keysUsed;
    int converted[2] = {0, 0};
};

PromptConversionResult PromptEncryption::convert(Mode mode, const QList<DataKey> &keys,
                                                 const DataKey &newKey, const Options &options)
{
    Conversion run(mode, keys, newKey, options);
    if (const Stop refused = checkKeys(run))
        return *refused;
    if (const Stop failed = prepareStatements())
        return *failed;
    Transaction tx(m_connection);
    if (const Stop stop = beginAndLock(tx, options))
        return *stop;
    if (const Stop stop = readState(tx, run))
        return *stop;
    if (const Stop stop = readTexts(tx, run))
        return *stop;
    if (const Stop stop = convertTexts(tx, run))
        return *stop;
    if (const Stop stop = startConversion(tx, run))
        return *stop;
    if (const Stop stop = writeTexts(tx, run))
        return *stop;
    if (const Stop stop = finishConversion(tx, run))
        return *stop;
    return doneResult(run);
}

PromptEncryption::Stop PromptEncryption::checkKeys(const Conversion &run)
{
    // A disable may be given no key at all: a repair then names the first text it cannot open.
    const bool keysValid = run.encrypt ? run.key.isValid() && run.newKey.isValid()
                                       : std::all_of(run.keys.begin(), run.keys.end(),
                                                     [](const DataKey &k) { return k.isValid(); });
    if (!keysValid)
        return failure(Outcome::WrongKey, tr("no valid 32-byte data key"));
    if (run.rotating && run.newKey.id() == run.key.id())
        return failure(Outcome::Failed,
                       tr("a rotation needs a new key (both are %1)").arg(run.key.id()));
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::prepareStatements()
{
    PgResult prepared = m_connection.prepare(kPromptStatement,
                                             SqlResource::of("crypto", "encryption_prompt_update"));
    if (!prepared.ok())
        return serverFailure(tr("cannot prepare the conversion"), prepared);
    prepared = m_connection.prepare(kVersionStatement,
                                    SqlResource::of("crypto", "encryption_version_update"));
    if (!prepared.ok()) {
        m_connection.exec("DEALLOCATE " + kPromptStatement);
        return serverFailure(tr("cannot prepare the conversion"), prepared);
    }
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::beginAndLock(Transaction &tx, const Options &options)
{
    if (const Status begun = tx.begin(); !begun)
        return rollback(tx, serverFailure(tr("BEGIN failed"), begun.error()));
    PgResult r;
    r = m_connection.exec(SqlResource::of("crypto", "encryption_lock_timeout"),
                          {QStringLiteral("%1ms").arg(qMax(1, options.lockTimeoutMs))});
    if (!r.ok())
        return rollback(tx, serverFailure(tr("cannot set the lock timeout"), r));
    r = m_connection.exec(SqlResource::of("crypto", "encryption_lock"));
    if (!r.ok() && r.error().sqlState == QLatin1String("55P03")) // lock_not_available
        return rollback(
            tx,
            serverFailure(tr("another session holds a lock on ai_prompts or "
                             "ai_prompt_versions (an open transaction that wrote them?); "
                             "waited %1 ms (the lock timeout) and gave up")
                              .arg(qMax(1, options.lockTimeoutMs)),
                          r));
    if (!r.ok())
        return rollback(tx, serverFailure(tr("cannot lock the prompt tables"), r));
    return std::nullopt;
}

// Ends the conversion, too, when the database is already in the state asked for.
PromptEncryption::Stop PromptEncryption::readState(Transaction &tx, Conversion &run)
{
    PgResult r = m_connection.exec(SqlResource::of("crypto", "encryption_state_for_update"));
    if (!r.ok() || r.rows() != 1)
        return rollback(
            tx,
            serverFailure(tr("cannot read the encryption state (is migration 0014 applied?)"), r));
    run.enabled = r.value(0, 0) == QLatin1String("t");
    run.stateKey = r.value(0, 1);
    if (run.enabled
        && (run.encrypt ? run.stateKey != run.key.id() : !keyWithId(run.keys, run.stateKey)))
        return rollback(
            tx,
            failure(Outcome::WrongKey,
                    tr("the prompts of this database are encrypted with key %1, not with key "
                       "%2; import key %1 (prompts key import) first")
                        .arg(run.stateKey, run.encrypt ? run.key.id() : idsOf(run.keys))));
    if (run.rotating && !run.enabled)
        return rollback(
            tx,
            failure(Outcome::Failed, tr("prompt encryption is off; there is nothing to rotate")));
    // Off, yet some texts are envelopes (issue 20, point 1): a disable repairs that state.
    if (run.mode == Mode::Disable && !run.enabled) {
        r = m_connection.exec(SqlResource::of("crypto", "encryption_envelope_count"));
        if (!r.ok() || r.rows() != 1)
            return rollback(tx, serverFailure(tr("cannot count the encrypted texts"), r));
        run.repair = r.value(0, 0).toLongLong() > 0;
    }
    if (run.enabled == run.encrypt && !run.rotating && !run.repair) {
        PromptConversionResult done = rollback(tx, {});
        done.alreadyInState = true;
        done.message = run.encrypt ? tr("encryption is already on (key %1)").arg(run.stateKey)
                                   : tr("encryption is already off");
        return done;
    }
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::readTexts(Transaction &tx, Conversion &run)
{
    // Read every text and convert it here; the server only ever sees the results.
    const char *listings[2] = {"encryption_prompt_texts", "encryption_version_texts"};
    for (int t = 0; t < 2; ++t) {
        PgResult rows = m_connection.exec(SqlResource::of("crypto", listings[t]));
        if (!rows.ok())
            return rollback(tx, serverFailure(tr("cannot read the prompt texts"), rows));
        run.texts[t].reserve(size_t(rows.rows()));
        for (int i = 0; i < rows.rows(); ++i) {
            StoredText s;
            s.rowId = rows.value(i, 0);
            s.promptId = rows.value(i, 1);
            s.version = rows.value(i, 2).toInt();
            s.text = rows.value(i, 3);
            if (t == 1 && !rows.isNull(i, 4))
                s.userTemplate = rows.value(i, 4);
            run.texts[t].push_back(s);
        }
    }
    // A repair opens the envelopes only; the plain texts stay as they are.
    if (run.repair)
        for (std::vector<StoredText> &list : run.texts)
            run.plainLeft += std::erase_if(
                list, [](const StoredText &s) { return !PromptEnvelope::isEnvelope(s.text); });
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::convertTexts(Transaction &tx, Conversion &run)
{
    for (int t = 0; t < 2; ++t) {
        for (StoredText &s : run.texts[t]) {
            const QLatin1String table(kTableNames[t]);
            const QString version = QString::number(s.version);
            if (PromptEnvelope::isEnvelope(s.text) == (run.encrypt && !run.rotating))
                return rollback(
                    tx,
                    failure(Outcome::Failed,
                            run.encrypt
                                ? tr("%1 row %2 (prompt %3, version %4) is already an envelope "
                                     "while the encryption is off (a mixed state: disable "
                                     "repairs it); nothing was converted")
                                      .arg(table, s.rowId, s.promptId, version)
                                : tr("%1 row %2 (prompt %3, version %4) is already plain "
                                     "text while the encryption is on; nothing was converted")
                                      .arg(table, s.rowId, s.promptId, version)));
            // A disable opens each envelope with the key its id names.
            const QString sealedWith = PromptEnvelope::keyIdOf(s.text);
            const DataKey *opener
                = run.mode == Mode::Disable ? keyWithId(run.keys, sealedWith) : &run.key;
            if (!opener)
                return rollback(
                    tx,
                    sealedWith.isEmpty()
                        ? failure(Outcome::Failed,
                                  tr("%1 row %2 (prompt %3, version %4) starts with \"uaipenc:\" "
                                     "but is not a well-formed envelope; it cannot be opened; "
                                     "nothing was converted")
                                      .arg(table, s.rowId, s.promptId, version))
                        : failure(Outcome::WrongKey,
                                  tr("%1 row %2 (prompt %3, version %4) is sealed with key %5, "
                                     "which is not in the keychain; import key %5 (prompts key "
                                     "import) first; nothing was converted")
                                      .arg(table, s.rowId, s.promptId, version, sealedWith)));
            if (run.mode == Mode::Disable && !run.keysUsed.contains(sealedWith))
                run.keysUsed << sealedWith;
            Result<QString> c = run.mode == Mode::Enable
                ? PromptEnvelope::seal(run.key, s.text, s.promptId, s.version)
                : PromptEnvelope::open(*opener, s.text, s.promptId, s.version);
            const QString plain = run.mode == Mode::Enable ? s.text : c.ok() ? *c : QString();
            if (c.ok() && run.rotating)
                c = PromptEnvelope::seal(run.newKey, plain, s.promptId, s.version);
            if (!c.ok())
                return rollback(
                    tx,
                    failure(CryptoFailure::is(c.error(), CryptoFailure::kWrongKey)
                                ? Outcome::WrongKey
                                : Outcome::Failed,
                            tr("%1 row %2 (prompt %3, version %4): %5; nothing was converted")
                                .arg(table, s.rowId, s.promptId, version, c.error().text()),
                            c.error()));
            s.text = *c;
            if (t == 1) {
                s.digest = run.encrypt ? ContentDigest::keyed(run.newKey, plain, s.userTemplate)
                                       : PromptDigest::contentSha256(plain, s.userTemplate);
                if (s.digest.isEmpty())
                    return rollback(tx,
                                    failure(Outcome::Failed,
                                            tr("%1 row %2: the content digest could not be "
                                               "computed; nothing was converted")
                                                .arg(table, s.rowId)));
            }
        }
    }
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::startConversion(Transaction &tx, const Conversion &run)
{
    // The conversion runs only between the SECURITY DEFINER functions of migration 0018: begin()
    // writes the marker the triggers check (no session setting can stand in for it).
    // (A disable keeps the state's key id; a repair where the state names none records the
    // key of the first envelope.)
    const QString beginKey = run.encrypt || run.keysUsed.isEmpty() ? run.key.id()
        : run.stateKey.isEmpty()                                   ? run.keysUsed.first()
                                                                   : run.stateKey;
    const PgResult r = run.rotating
        ? m_connection.exec(SqlResource::of("crypto", "encryption_begin_rotation"),
                            {run.key.id(), run.newKey.id()})
        : m_connection.exec(
            SqlResource::of("crypto", "encryption_begin"),
            {run.encrypt ? QStringLiteral("true") : QStringLiteral("false"), beginKey});
    if (!r.ok())
        return rollback(tx, serverFailure(tr("cannot start the conversion"), r));
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::writeTexts(Transaction &tx, Conversion &run)
{
    const QByteArray statements[2] = {kPromptStatement, kVersionStatement};
    for (int t = 0; t < 2; ++t) {
        const std::vector<StoredText> &texts = run.texts[t];
        for (size_t from = 0; from < texts.size(); from += kBatch) {
            const size_t to = std::min(texts.size(), from + kBatch);
            QList<QByteArray> sqls;
            QList<QVariantList> params;
            QList<QByteArray> names;
            for (size_t i = from; i < to; ++i) {
                sqls.append(QByteArray());
                params.append(t == 0
                                  ? QVariantList{texts[i].rowId, texts[i].text}
                                  : QVariantList{texts[i].rowId, texts[i].text, texts[i].digest});
                names.append(statements[t]);
            }
            PipelineOptions named;
            named.statements = names;
            const std::vector<PgResult> results = m_connection.pipeline(sqls, params, named);
            for (size_t i = 0; i < results.size(); ++i) {
                const StoredText &s = texts[from + i];
                if (!results[i].ok() || results[i].affectedRows() != 1)
                    return rollback(
                        tx,
                        serverFailure(tr("%1 row %2 (prompt %3, version %4) was not converted; "
                                         "nothing was converted")
                                          .arg(QLatin1String(kTableNames[t]), s.rowId, s.promptId,
                                               QString::number(s.version)),
                                      results[i]));
                ++run.converted[t];
            }
        }
    }
    return std::nullopt;
}

PromptEncryption::Stop PromptEncryption::finishConversion(Transaction &tx, const Conversion &run)
{
    // finish() checks every text, records the state and writes the audit_logs row.
    // (A repair: migration 0020's finish() adds repair and envelopes_opened itself.)
    QJsonObject metadata{{QStringLiteral("console_user"), run.options.consoleUser},
                         {QStringLiteral("client"), run.options.client},
                         {QStringLiteral("prompts_converted"), run.converted[0]},
                         {QStringLiteral("versions_converted"), run.converted[1]}};
    if (run.repair) {
        metadata.insert(QStringLiteral("keys_used"), QJsonArray::fromStringList(run.keysUsed));
        metadata.insert(QStringLiteral("plain_left"), run.plainLeft);
    }
    const PgResult r
        = m_connection.exec(SqlResource::of("crypto", "encryption_finish"), {json(metadata)});
    if (!r.ok())
        return rollback(tx, serverFailure(tr("cannot finish the conversion"), r));
    if (const Status committed = tx.commit(); !committed)
        return rollback(tx, serverFailure(tr("COMMIT failed"), committed.error()));
    m_connection.exec("DEALLOCATE " + kPromptStatement);
    m_connection.exec("DEALLOCATE " + kVersionStatement);
    return std::nullopt;
}

// The result of a conversion that committed.
PromptConversionResult PromptEncryption::doneResult(const Conversion &run)
{
    PromptConversionResult done;
    done.promptsConverted = run.converted[0];
    done.versionsConverted = run.converted[1];
    done.repaired = run.repair;
    if (run.repair) {
        done.message = tr("repaired the mixed state (encryption off, yet %n text(s) were "
                          "envelopes): decrypted %1 prompt text(s) and %2 version text(s) with "
                          "key(s) %3; %4 plain text(s) left as they were; encryption stays off",
                          nullptr, run.converted[0] + run.converted[1])
                           .arg(run.converted[0])
                           .arg(run.converted[1])
                           .arg(run.keysUsed.join(QStringLiteral(", ")))
                           .arg(run.plainLeft);
        return done;
    }
    done.message = run.rotating
        ? tr("re-sealed %n prompt text(s) and %1 version text(s) from key %2 to key %3", nullptr,
             run.converted[0])
              .arg(run.converted[1])
              .arg(run.key.id(), run.newKey.id())
        : run.encrypt ? tr("encrypted %n prompt text(s) and %1 version text(s) with key %2",
                           nullptr, run.converted[0])
                            .arg(run.converted[1])
                            .arg(run.key.id())
                      : tr("decrypted %n prompt text(s) and %1 version text(s) with key %2",
                           nullptr, run.converted[0])
                            .arg(run.converted[1])
                            .arg(run.key.id());
    return done;
}

} // namespace uaip
