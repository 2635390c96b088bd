#include "promptlabels.h"

#include "db/pgconnection.h"
#include "db/transaction.h"
#include "promptaudit.h"
#include "promptsql.h"
#include "prompttextcodec.h"

#include <QRegularExpression>

namespace uaip {

PromptLabels::PromptLabels(PgConnection &connection, const PromptTextCodec *codec)
    : m_connection(connection)
    , m_codec(codec)
{ }

bool PromptLabels::isValidLabel(const QString &label)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_-]{0,49}$"));
    return re.match(label).hasMatch() && label != PromptLabel::latest();
}

Result<QList<PromptLabel>> PromptLabels::labels(const QString &promptId)
{
    PgResult r = m_connection.exec(PromptSql::get("labels_of"), {promptId});
    if (!r.ok())
        //: what failed, before the server's message: "labels: <message>"
        return Error(r.error()).in(tr("labels"));
    QList<PromptLabel> out;
    for (int i = 0; i < r.rows(); ++i)
        out << PromptLabel{r.value(i, "label"), r.value(i, "version_no").toInt(),
                           r.value(i, "is_protected") == u't',
                           PromptSql::timestamp(r.value(i, "moved_at"))};
    return out;
}

Result<QList<PromptLabelMove>> PromptLabels::history(const QString &promptId)
{
    if (m_connection.scalar(PromptSql::get("prompt_uuid"), {promptId}).isEmpty()) {
        if (!m_connection.isOpen())
            return Error(ErrorCode::Connection, m_connection.connectionError());
        return Error(ErrorCode::NotFound, tr("no prompt with id \"%1\"").arg(promptId));
    }
    PgResult r = m_connection.exec(PromptSql::get("label_history"), {promptId});
    if (!r.ok())
        //: what failed, before the server's message: "label history: <message>"
        return Error(r.error()).in(tr("label history"));
    QList<PromptLabelMove> out;
    for (int i = 0; i < r.rows(); ++i)
        out << PromptLabelMove{r.value(i, "label"),
                               r.value(i, "from_version").toInt(),
                               r.value(i, "to_version").toInt(),
                               r.value(i, "database_user"),
                               r.value(i, "console_user"),
                               r.value(i, "reason"),
                               PromptSql::timestamp(r.value(i, "moved_at"))};
    return out;
}

Status PromptLabels::checkMove(const Move &m)
{
    if (m.label == PromptLabel::latest())
        return Error(ErrorCode::BadInput,
                     tr("\"latest\" always follows the newest version; it cannot be "
                        "moved"));
    if (!isValidLabel(m.label))
        return Error(ErrorCode::BadInput,
                     tr("label \"%1\": use lowercase letters, digits, '_' or '-', "
                        "starting with a letter, at most 50")
                         .arg(m.label));
    if (m.versionNo < 1)
        return Error(ErrorCode::BadInput, tr("version %1: versions start at 1").arg(m.versionNo));
    return {};
}

Status PromptLabels::lockVersion(const Move &m, PgResult *row, PgResult *target)
{
    *row = m_connection.exec(PromptSql::get("prompt_lock"), {m.promptId});
    if (!row->ok())
        //: what failed, before the server's message: "prompt: <message>"
        return Error(row->error()).in(tr("prompt"));
    if (row->rows() != 1)
        return Error(ErrorCode::NotFound, tr("no prompt with id \"%1\"").arg(m.promptId));
    const QString id = row->value(0, "id");
    *target = m_connection.exec(PromptSql::get("prompt_version"), {id, m.versionNo});
    if (!target->ok())
        //: what failed, before the server's message: "version: <message>"
        return Error(target->error()).in(tr("version"));
    if (target->rows() != 1)
        return Error(ErrorCode::NotFound,
                     tr("prompt \"%1\" has no version %2").arg(m.promptId).arg(m.versionNo));
    // With the key at hand, the version's text is opened first: a label never points at a text
    // that fails authentication (altered behind the console's back).
    const QString stored = target->value(0, "system_prompt");
    if (m_codec && m_codec->lockReason().isEmpty() && m_codec->isEncrypted(stored)) {
        const Result<QString> plain = m_codec->decode(stored, id, m.versionNo);
        if (!plain.ok() && PromptTextCodec::isTampered(plain.error()))
            return Error(ErrorCode::Locked,
                         tr("version %1 of \"%2\" is tampered (%3); label \"%4\" cannot point "
                            "at it")
                             .arg(m.versionNo)
                             .arg(m.promptId, plain.error().text(), m.label));
    }
    return {};
}

Status PromptLabels::publish(const Move &m, const QString &id, const PgResult &row,
                             const PgResult &target)
{
    // Publish the version: the platform serves the row; the trigger moves the label.
    // The stored text is copied as it is (an envelope stays bound to that version). A
    // newer version than the one served takes the next semver label (saving no longer
    // does), an older one keeps the row's.
    const QString semver = m.versionNo > row.value(0, "current_version").toInt()
        ? PromptSql::nextSemver(row.value(0, "version"), m.versionNo)
        : row.value(0, "version");
    const int t = target.columnIndex("user_prompt_template");
    PgResult pub
        = m_connection.exec(PromptSql::get("prompt_publish"),
                            {id, target.value(0, "system_prompt"),
                             target.isNull(0, t) ? QVariant() : QVariant(target.value(0, t)),
                             target.value(0, "model_preference"), target.value(0, "temperature"),
                             target.value(0, "max_tokens"), m.versionNo, semver, true});
    if (!pub.ok())
        //: what failed, before the server's message: "publish: <message>"
        return Error(pub.error()).in(tr("publish"));
    return {};
}

Status PromptLabels::upsertLabel(const Move &m, const QString &id)
{
    PgResult up = m_connection.exec(
        PromptSql::get("label_upsert"),
        {id, m.label, m.versionNo,
         m.setProtected ? QVariant(*m.setProtected ? "true" : "false") : QVariant()});
    if (!up.ok())
        //: what failed, before the server's message: "label: <message>"
        return Error(up.error()).in(tr("label"));
    return {};
}

Result<int> PromptLabels::move(const Move &m, const PromptActor &actor)
{
    if (const Status checked = checkMove(m); !checked)
        return checked.error();

    Transaction tx(m_connection);
    if (Status s = tx.begin(); !s)
        return Error(s.error()).in(QString::fromLatin1(Transaction::beginCommand()));
    PromptAudit audit(m_connection);
    if (auto who = audit.setSessionActor(actor, QStringLiteral("label")); !who.ok())
        return who.error();
    PgResult row;
    PgResult target;
    if (const Status locked = lockVersion(m, &row, &target); !locked)
        return locked.error();
    const QString id = row.value(0, "id");
    PgResult current = m_connection.exec(PromptSql::get("label_get"), {id, m.label});
    if (!current.ok())
        //: what failed, before the server's message: "label: <message>"
        return Error(current.error()).in(tr("label"));
    const int from = current.rows() ? current.value(0, "version_no").toInt() : 0;
    const bool wasProtected = current.rows() && current.value(0, "is_protected") == u't';
    const bool moves = from != m.versionNo;
    const bool protectionChanges = m.setProtected && *m.setProtected != wasProtected;
    if (wasProtected && (moves || protectionChanges) && !m.confirmProtected)
        return Error(ErrorCode::NeedsConfirmation,
                     tr("label \"%1\" of \"%2\" is protected; confirm to move it "
                        "(version %3 -> %4)")
                         .arg(m.label, m.promptId)
                         .arg(from)
                         .arg(m.versionNo));
    if (!moves && !protectionChanges) {
        tx.rollback();
        return from;
    }
    // The database refuses moving, removing or unprotecting a protected label except through
    // the owner's ai_prompt_label_move() (migration 0021), called only after the caller's
    // confirmation: it writes the label (for "production" its protection; the publish below
    // moves it) and its audit row.
    const bool confirmed = wasProtected && m.confirmProtected;
    if (confirmed)
        if (const Status moved = audit.confirmProtected(m.promptId, m.label,
                                                        m.label == PromptLabel::production()
                                                            ? std::nullopt
                                                            : std::optional<int>(m.versionNo),
                                                        m.setProtected, actor);
            !moved)
            return moved.error();

    if (m.label == PromptLabel::production() && moves)
        if (const Status published = publish(m, id, row, target); !published)
            return published.error();
    if (!confirmed && (m.label != PromptLabel::production() || protectionChanges))
        if (const Status written = upsertLabel(m, id); !written)
            return written.error();
    QJsonObject oldValues{{QStringLiteral("label"), m.label},
                          {QStringLiteral("version"), from ? QJsonValue(from) : QJsonValue()},
                          {QStringLiteral("protected"), wasProtected}};
    QJsonObject newValues{{QStringLiteral("label"), m.label},
                          {QStringLiteral("version"), m.versionNo},
                          {QStringLiteral("protected"), m.setProtected.value_or(wasProtected)}};
    if (const Status recorded
        = audit.record(id, QStringLiteral("ai_prompt.label"), oldValues, newValues, actor);
        !recorded)
        return recorded.error();
    if (Status s = tx.commit(); !s)
        return Error(s.error()).in(QString::fromLatin1(Transaction::commitCommand()));
    return from;
}

} // namespace uaip
