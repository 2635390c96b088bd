#include "promptlister.h"

#include "db/pgconnection.h"
#include "promptsql.h"
#include "prompttextcodec.h"

#include <cstdlib>

namespace uaip {

namespace {

// A LIKE pattern for lower(prompt_id) starting with the text (its %, _ and \\ taken
// literally).
QString prefixPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return escaped.toLower() + u'%';
}

} // namespace

PromptLister::PromptLister(PgConnection &connection, const PromptTextCodec *codec)
    : m_connection(connection)
    , m_codec(codec)
{ }

Result<QList<PromptSummary>> PromptLister::list(const PromptListFilter &filter)
{
    const QDateTime to
        = filter.usageTo.isValid() ? filter.usageTo : QDateTime::currentDateTimeUtc().addSecs(60);
    const QDateTime from = filter.usageFrom.isValid() ? filter.usageFrom : to.addDays(-30);
    if (from > to)
        return Error(ErrorCode::BadInput,
                     QStringLiteral("the usage period ends before it "
                                    "starts"));
    const QString search = filter.search.trimmed();
    const QString active = !filter.active ? QString()
        : *filter.active                  ? QStringLiteral("true")
                                          : QStringLiteral("false");
    PgResult r = m_connection.exec(
        PromptSql::get("list_prompts"),
        {search, search.isEmpty() ? QString() : prefixPattern(search), filter.promptType,
         filter.modelPreference, filter.label, active, from.toUTC().toString(Qt::ISODateWithMs),
         to.toUTC().toString(Qt::ISODateWithMs),
         filter.withUsage ? QStringLiteral("true") : QStringLiteral("false")});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("prompt list"));
    QList<PromptSummary> out;
    out.reserve(r.rows());
    const int cId = r.columnIndex("id"), cKey = r.columnIndex("prompt_id"),
              cName = r.columnIndex("name"), cType = r.columnIndex("prompt_type"),
              cModel = r.columnIndex("model_preference"),
              cCurrent = r.columnIndex("current_version"), cLatest = r.columnIndex("latest"),
              cActive = r.columnIndex("is_active"), cUpdated = r.columnIndex("updated_ms"),
              cProbe = r.columnIndex("probe"), cCount = r.columnIndex("interactions"),
              cRate = r.columnIndex("success_rate"), cLatency = r.columnIndex("mean_latency_ms");
    // Numbers, flags and the (mostly NULL) probe are read from libpq's text without a QString
    // each: 10,000 rows x 14 cells.
    const QString noKey = QStringLiteral("encrypted; no key loaded");
    for (int i = 0; i < r.rows(); ++i) {
        PromptSummary &s = out.emplace_back();
        s.id = r.value(i, cId);
        s.promptId = r.value(i, cKey);
        s.name = r.value(i, cName);
        s.promptType = r.value(i, cType);
        s.modelPreference = r.value(i, cModel);
        s.currentVersion = int(std::strtol(r.view(i, cCurrent).data(), nullptr, 10));
        s.latestVersion = int(std::strtol(r.view(i, cLatest).data(), nullptr, 10));
        s.isActive = r.view(i, cActive).data()[0] == 't';
        s.updatedAt = QDateTime::fromMSecsSinceEpoch(
            std::strtoll(r.view(i, cUpdated).data(), nullptr, 10), Qt::UTC);
        if (!r.isNull(i, cProbe)) {
            const QString probe = r.value(i, cProbe);
            const bool encrypted
                = m_codec ? m_codec->isEncrypted(probe) : PromptTextCodec::looksEncrypted(probe);
            if (encrypted) {
                s.encrypted = true;
                const QString reason = m_codec ? m_codec->lockReason() : noKey;
                s.locked = !reason.isEmpty();
                s.lockReason = reason;
            }
        }
        s.interactions = std::strtoll(r.view(i, cCount).data(), nullptr, 10);
        if (!r.isNull(i, cRate))
            s.successRate = std::strtod(r.view(i, cRate).data(), nullptr);
        if (!r.isNull(i, cLatency))
            s.meanLatencyMs = std::strtod(r.view(i, cLatency).data(), nullptr);
    }
    // Encrypted rows the key can open: each is opened, so a tampered served text is listed as
    // such (and locked), never as a normal prompt.
    if (const Status marked = markTampered(&out); !marked)
        return marked.error();
    // The labels: one scan of the label table, merged by ai_prompts.id (cheaper than a
    // per-prompt aggregate joined in; see list_labels.sql).
    if (const Status merged = mergeLabels(&out); !merged)
        return merged.error();
    return out;
}

Status PromptLister::mergeLabels(QList<PromptSummary> *rows)
{
    QHash<QString, qsizetype> rowOf;
    rowOf.reserve(rows->size());
    for (qsizetype i = 0; i < rows->size(); ++i)
        rowOf.insert((*rows)[i].id, i);
    const PgResult labels = m_connection.exec(PromptSql::get("list_labels"));
    if (!labels.ok())
        return Error(labels.error()).in(QStringLiteral("prompt list"));
    QHash<QByteArray, QString> names; // a handful of label names, one QString each
    for (int i = 0; i < labels.rows(); ++i) {
        const auto it = rowOf.constFind(labels.value(i, 0));
        if (it == rowOf.cend())
            continue;
        const QByteArray label(labels.view(i, 1).data());
        auto name = names.find(label);
        if (name == names.end())
            name = names.insert(label, QString::fromUtf8(label));
        (*rows)[*it].labels.insert(*name, int(std::strtol(labels.view(i, 2).data(), nullptr, 10)));
    }
    return {};
}

Status PromptLister::markTampered(QList<PromptSummary> *rows)
{
    if (!m_codec || !m_codec->lockReason().isEmpty())
        return {};
    QHash<QString, qsizetype> rowOf;
    QStringList ids;
    for (qsizetype i = 0; i < rows->size(); ++i)
        if (rows->at(i).encrypted && !rows->at(i).locked) {
            rowOf.insert(rows->at(i).id, i);
            ids << rows->at(i).id;
        }
    if (ids.isEmpty())
        return {};
    const PgResult r
        = m_connection.exec(PromptSql::get("list_envelopes"), {PromptSql::textArray(ids)});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("prompt list"));
    for (int i = 0; i < r.rows(); ++i) {
        const QString id = r.value(i, 0);
        const Result<QString> plain = m_codec->decode(r.value(i, 2), id, r.value(i, 1).toInt());
        if (plain.ok())
            continue;
        PromptSummary &s = (*rows)[rowOf.value(id)];
        s.locked = true;
        s.tampered = PromptTextCodec::isTampered(plain.error());
        s.lockReason = plain.error().text();
    }
    return {};
}

Result<QHash<QString, PromptLister::Usage>> PromptLister::usage(const PromptListFilter &filter)
{
    const QDateTime to
        = filter.usageTo.isValid() ? filter.usageTo : QDateTime::currentDateTimeUtc().addSecs(60);
    const QDateTime from = filter.usageFrom.isValid() ? filter.usageFrom : to.addDays(-30);
    PgResult r = m_connection.exec(
        PromptSql::get("prompt_usage"),
        {from.toUTC().toString(Qt::ISODateWithMs), to.toUTC().toString(Qt::ISODateWithMs)});
    if (!r.ok())
        return Error(r.error()).in(QStringLiteral("prompt usage"));
    QHash<QString, Usage> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        Usage u;
        u.interactions = r.value(i, 1).toLongLong();
        if (!r.isNull(i, 2))
            u.successRate = r.value(i, 2).toDouble();
        if (!r.isNull(i, 3))
            u.meanLatencyMs = r.value(i, 3).toDouble();
        out.insert(r.value(i, 0), u);
    }
    return out;
}

} // namespace uaip
