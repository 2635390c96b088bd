#include "promptstore.h"

#include "db/pgconnection.h"
#include "db/transaction.h"
#include "promptaudit.h"
#include "promptdigest.h"
#include "promptsql.h"
#include "prompttextcodec.h"
#include "promptvalidator.h"

#include <QJsonDocument>

namespace uaip {

namespace {

PromptVersion readVersion(const PgResult &r, int i)
{
    PromptVersion v;
    v.versionNo = r.value(i, "version_no").toInt();
    v.author = r.value(i, "author");
    v.claimedAuthor = r.value(i, "claimed_author");
    v.claimedCreatedAt = PromptSql::timestamp(r.value(i, "claimed_created_at"));
    v.changeNote = r.value(i, "change_note");
    v.checksum = r.value(i, "content_sha256");
    v.createdAt = PromptSql::timestamp(r.value(i, "created_at"));
    v.content.modelPreference = r.value(i, "model_preference");
    v.content.temperature = r.value(i, "temperature").toDouble();
    v.content.maxTokens = r.value(i, "max_tokens").toInt();
    return v;
}

Error notFound(const QString &promptId)
{
    return Error(
        ErrorCode::NotFound,
        QCoreApplication::translate("uaip::PromptStore", "no prompt with id \"%1\"").arg(promptId));
}

} // namespace

PromptStore::PromptStore(PgConnection &connection, const PromptTextCodec *codec)
    : m_connection(connection)
    , m_codec(codec)
{ }

bool PromptStore::isEncrypted(const QString &stored) const
{
    return m_codec ? m_codec->isEncrypted(stored) : PromptTextCodec::looksEncrypted(stored);
}

QString PromptStore::lockReason(const QString &stored) const
{
    if (!isEncrypted(stored))
        return QString();
    return m_codec ? m_codec->lockReason() : tr("encrypted; no key loaded");
}

PromptVersion PromptStore::decodeVersion(PromptVersion v, const QString &id,
                                         const QString &stored) const
{
    const QString reason = lockReason(stored);
    if (!reason.isEmpty()) {
        v.locked = true;
        v.lockReason = reason;
        v.content.systemPrompt.clear();
        return v;
    }
    if (!isEncrypted(stored)) {
        v.content.systemPrompt = stored;
        return v;
    }
    const Result<QString> plain = m_codec->decode(stored, id, v.versionNo);
    if (!plain.ok()) {
        v.locked = true;
        v.tampered = PromptTextCodec::isTampered(plain.error());
        v.lockReason = plain.error().text();
        return v;
    }
    v.content.systemPrompt = *plain;
    return v;
}

Result<PromptVersion> PromptStore::readOne(const QString &id, const QString &promptId,
                                           int versionNo)
{
    PgResult r = m_connection.exec(PromptSql::get("prompt_version"), {id, versionNo});
    if (!r.ok())
        //: what failed, before the server's message: "prompt version: <message>"
        return Error(r.error()).in(tr("prompt version"));
    if (r.rows() != 1)
        return Error(ErrorCode::NotFound,
                     tr("prompt \"%1\" has no version %2").arg(promptId).arg(versionNo));
    PromptVersion v = readVersion(r, 0);
    const int t = r.columnIndex("user_prompt_template");
    if (!r.isNull(0, t))
        v.content.userPromptTemplate = r.value(0, t);
    return decodeVersion(v, id, r.value(0, "system_prompt"));
}

Result<PromptDetail> PromptStore::get(const QString &promptId, std::optional<int> version)
{
    PgResult p = m_connection.exec(PromptSql::get("prompt_get"), {promptId});
    if (!p.ok())
        //: what failed, before the server's message: "prompt: <message>"
        return Error(p.error()).in(tr("prompt"));
    if (p.rows() != 1)
        return notFound(promptId);
    PromptDetail d;
    PromptSummary &s = d.summary;
    s.id = p.value(0, "id");
    s.promptId = p.value(0, "prompt_id");
    s.name = p.value(0, "name");
    s.promptType = p.value(0, "prompt_type");
    s.modelPreference = p.value(0, "model_preference");
    s.currentVersion = p.value(0, "current_version").toInt();
    s.latestVersion = p.value(0, "latest").toInt();
    s.isActive = p.value(0, "is_active") == u't';
    s.updatedAt = PromptSql::timestamp(p.value(0, "updated_at"));
    s.labels = PromptSql::labels(p.value(0, "labels"));
    d.description = p.value(0, "description");
    d.versionLabel = p.value(0, "version");
    if (!p.isNull(0, p.columnIndex("validation_rules")))
        d.validationRules
            = QJsonDocument::fromJson(p.value(0, "validation_rules").toUtf8()).object();
    d.metadata = QJsonDocument::fromJson(p.value(0, "metadata").toUtf8()).object();

    PgResult vs = m_connection.exec(PromptSql::get("prompt_versions"), {s.id});
    if (!vs.ok())
        //: what failed, before the server's message: "prompt versions: <message>"
        return Error(vs.error()).in(tr("prompt versions"));
    for (int i = 0; i < vs.rows(); ++i) {
        PromptVersion v = readVersion(vs, i);
        const QString reason = lockReason(vs.value(i, "probe"));
        v.locked = !reason.isEmpty();
        v.lockReason = reason;
        d.versions << v;
    }
    Result<PromptVersion> one = readOne(s.id, promptId, version.value_or(s.currentVersion));
    if (!one.ok())
        return one.error();
    d.version = one.value();
    s.locked = d.version.locked;
    s.tampered = d.version.tampered;
    s.lockReason = d.version.lockReason;
    // The served text (what the platform reads) is opened too: altered behind the console's
    // back, the prompt shows as tampered even when its version row is intact.
    const QString served = p.value(0, "system_prompt");
    s.encrypted = isEncrypted(served);
    if (s.encrypted && m_codec && m_codec->lockReason().isEmpty()) {
        const Result<QString> plain = m_codec->decode(served, s.id, s.currentVersion);
        if (!plain.ok() && PromptTextCodec::isTampered(plain.error())) {
            s.locked = true;
            s.tampered = true;
            s.lockReason = tr("the served text (ai_prompts) is %1").arg(plain.error().text());
        }
    }
    return d;
}

Result<PromptDetail> PromptStore::getLatest(const QString &promptId)
{
    Result<PromptDetail> d = get(promptId);
    if (!d.ok() || d.value().summary.latestVersion == d.value().version.versionNo)
        return d;
    Result<PromptVersion> newest
        = readOne(d.value().summary.id, promptId, d.value().summary.latestVersion);
    if (!newest.ok())
        return newest.error();
    d.value().version = newest.value();
    d.value().summary.locked = newest.value().locked;
    d.value().summary.lockReason = newest.value().lockReason;
    return d;
}

Result<PromptVersion> PromptStore::version(const QString &promptId, int versionNo)
{
    const QString id = m_connection.scalar(PromptSql::get("prompt_uuid"), {promptId});
    if (id.isEmpty())
        return notFound(promptId);
    return readOne(id, promptId, versionNo);
}

Result<PromptSaveOutcome> PromptStore::save(const PromptSaveRequest &request,
                                            const PromptActor &actor)
{
    return write(request, actor, QStringLiteral("ai_prompt.version"), 0);
}

Result<PromptSaveOutcome> PromptStore::restore(const QString &promptId, int versionNo,
                                               int expectedLatestVersion, const QString &note,
                                               const PromptActor &actor)
{
    Result<PromptVersion> old = version(promptId, versionNo);
    if (!old.ok())
        return old.error();
    if (old.value().locked)
        return Error(ErrorCode::Locked,
                     tr("version %1 of \"%2\" cannot be restored: %3")
                         .arg(versionNo)
                         .arg(promptId, old.value().lockReason));
    PromptSaveRequest request;
    request.promptId = promptId;
    request.expectedLatestVersion = expectedLatestVersion;
    request.content = old.value().content;
    // A change note is stored in the database for every reader: not translated.
    request.changeNote
        = note.trimmed().isEmpty() ? QStringLiteral("restore of version %1").arg(versionNo) : note;
    return write(request, actor, QStringLiteral("ai_prompt.restore"), versionNo);
}

Status PromptStore::checkRequest(const PromptSaveRequest &request)
{
    QStringList problems = PromptValidator::check(request.content);
    if (request.changeNote.trimmed().isEmpty())
        problems << tr("change note: required");
    if (!problems.isEmpty())
        return Error(
            ErrorCode::BadInput,
            tr("prompt \"%1\": %2").arg(request.promptId, problems.join(QStringLiteral("; "))));
    return {};
}

Status PromptStore::lockLatest(const PromptSaveRequest &request, PromptSaveOutcome *out)
{
    PgResult row = m_connection.exec(PromptSql::get("prompt_lock"), {request.promptId});
    if (!row.ok())
        //: what failed, before the server's message: "prompt: <message>"
        return Error(row.error()).in(tr("prompt"));
    if (row.rows() != 1)
        return notFound(request.promptId);
    out->id = row.value(0, "id");
    out->fromVersion = row.value(0, "latest").toInt();
    if (out->fromVersion != request.expectedLatestVersion)
        return Error(ErrorCode::Conflict,
                     tr("prompt \"%1\" was changed meanwhile: its newest version is "
                        "now %2, not %3 as when editing started. Nothing was written; "
                        "compare with version %2 and save again.")
                         .arg(request.promptId)
                         .arg(out->fromVersion)
                         .arg(request.expectedLatestVersion));
    const QString locked = lockReason(row.value(0, "probe"));
    if (!locked.isEmpty())
        return Error(ErrorCode::Locked,
                     tr("prompt \"%1\" cannot be edited: %2").arg(request.promptId, locked));
    out->versionNo = out->fromVersion + 1;
    return {};
}

Result<QString> PromptStore::sealText(const PromptSaveRequest &request, PromptSaveOutcome *out)
{
    const PromptContent &c = request.content;
    // Encrypt or not: decided here, from the state row read FOR SHARE in this transaction (an
    // enable or disable of another console waits for this save, or this save for it), never
    // from what the codec saw when it was built.
    PgResult state = m_connection.exec(PromptSql::get("encryption_state_share"));
    if (!state.ok())
        //: what failed, before the server's message: "encryption state: <message>"
        return Error(state.error()).in(tr("encryption state"));
    if (state.rows() != 1)
        return Error(ErrorCode::NotFound, tr("ai_prompt_encryption has no row"));
    out->checksum = PromptDigest::contentSha256(c.systemPrompt, c.userPromptTemplate);
    if (state.value(0, "enabled") != u't')
        return c.systemPrompt;
    const QString keyId = state.value(0, "key_id");
    if (!m_codec)
        return Error(ErrorCode::Locked,
                     tr("prompt \"%1\": encryption is on (key %2) and no key is loaded")
                         .arg(request.promptId, keyId));
    const Result<QString> sealed = m_codec->encode(c.systemPrompt, out->id, out->versionNo, keyId);
    if (!sealed.ok())
        return sealed.error().in(tr("prompt \"%1\"").arg(request.promptId));
    // A sealed version's digest is keyed (ContentDigest): no plain SHA-256 beside it.
    const Result<QString> digest
        = m_codec->contentDigest(c.systemPrompt, c.userPromptTemplate, keyId);
    if (!digest.ok())
        return digest.error().in(tr("prompt \"%1\"").arg(request.promptId));
    out->checksum = *digest;
    return sealed;
}

Result<PromptSaveOutcome> PromptStore::write(const PromptSaveRequest &request,
                                             const PromptActor &actor, const QString &action,
                                             int restoredFrom)
{
    if (const Status checked = checkRequest(request); !checked)
        return checked.error();

    Transaction tx(m_connection);
    if (Status s = tx.begin(); !s)
        return Error(s.error()).in(QString::fromLatin1(Transaction::beginCommand()));
    PromptAudit audit(m_connection);
    const QString reason = restoredFrom ? QStringLiteral("restore") : QStringLiteral("save");
    if (auto who = audit.setSessionActor(actor, reason); !who.ok())
        return who.error();
    PromptSaveOutcome out;
    if (const Status locked = lockLatest(request, &out); !locked)
        return locked.error();

    const PromptContent &c = request.content;
    const Result<QString> sealed = sealText(request, &out);
    if (!sealed.ok())
        return sealed.error();
    const QString &stored = *sealed;
    const QVariant tmpl = c.userPromptTemplate ? QVariant(*c.userPromptTemplate) : QVariant();
    PgResult ins
        = m_connection.exec(PromptSql::get("version_insert"),
                            {out.id, out.versionNo, stored, tmpl, c.modelPreference, c.temperature,
                             c.maxTokens, request.changeNote, out.checksum});
    if (!ins.ok())
        //: what failed, before the server's message: "new version: <message>"
        return Error(ins.error()).in(tr("new version"));
    // No label moves and the row the platform serves stays as it is: "latest" is computed
    // (0016), "production" and current_version move only by promoting (PromptLabels::move).
    QJsonObject newValues{{QStringLiteral("version"), out.versionNo},
                          {QStringLiteral("checksum"), out.checksum},
                          {QStringLiteral("note"), request.changeNote}};
    if (restoredFrom)
        newValues.insert(QStringLiteral("restored_from"), restoredFrom);
    if (const Status recorded = audit.record(
            out.id, action, {{QStringLiteral("version"), out.fromVersion}}, newValues, actor);
        !recorded)
        return recorded.error();
    if (Status s = tx.commit(); !s)
        return Error(s.error()).in(QString::fromLatin1(Transaction::commitCommand()));
    return out;
}

} // namespace uaip
