#include "promptversiondiff.h"

namespace uaip {

namespace {

QString number(double t)
{
    return QString::number(t, 'f', 2);
}

} // namespace

PromptVersionDiff::PromptVersionDiff(const PromptVersion &before, const PromptVersion &after,
                                     int context)
    : m_beforeNo(before.versionNo)
    , m_afterNo(after.versionNo)
    , m_system(LineDiff::splitLines(before.content.systemPrompt),
               LineDiff::splitLines(after.content.systemPrompt), context)
    , m_user(LineDiff::splitLines(before.content.userPromptTemplate.value_or(QString())),
             LineDiff::splitLines(after.content.userPromptTemplate.value_or(QString())), context)
    , m_userPresence(before.content.userPromptTemplate.has_value()
                     != after.content.userPromptTemplate.has_value())
    , m_userBefore(before.content.userPromptTemplate.has_value())
{
    const PromptContent &a = before.content;
    const PromptContent &b = after.content;
    if (a.modelPreference != b.modelPreference)
        m_parameters << ParameterChange{QStringLiteral("model_preference"), a.modelPreference,
                                        b.modelPreference};
    if (number(a.temperature) != number(b.temperature))
        m_parameters << ParameterChange{QStringLiteral("temperature"), number(a.temperature),
                                        number(b.temperature)};
    if (a.maxTokens != b.maxTokens)
        m_parameters << ParameterChange{QStringLiteral("max_tokens"), QString::number(a.maxTokens),
                                        QString::number(b.maxTokens)};
}

bool PromptVersionDiff::identical() const
{
    return m_system.identical() && m_user.identical() && !m_userPresence && m_parameters.isEmpty();
}

QString PromptVersionDiff::summary() const
{
    if (identical())
        return tr("Versions %1 and %2 are identical.").arg(m_beforeNo).arg(m_afterNo);
    QStringList parts;
    auto text = [&parts](const QString &name, const LineDiff &d) {
        if (!d.identical())
            //: %1 is "system prompt" or "user template"
            parts << tr("%1: %n line(s) removed, %2 added", nullptr, d.removedCount())
                         .arg(name)
                         .arg(d.addedCount());
    };
    text(tr("system prompt"), m_system);
    text(tr("user template"), m_user);
    if (m_userPresence && m_user.identical())
        parts << tr("user template: present in one version only");
    for (const ParameterChange &p : m_parameters)
        parts << QStringLiteral("%1: %2 -> %3").arg(p.field, p.before, p.after);
    return tr("Versions %1 and %2 differ: %3.")
        .arg(m_beforeNo)
        .arg(m_afterNo)
        .arg(parts.join(QStringLiteral("; ")));
}

QStringList PromptVersionDiff::unifiedLines() const
{
    QStringList out;
    if (identical()) {
        out << summary();
        return out;
    }
    auto text = [&](const QString &name, const LineDiff &d) {
        if (d.identical())
            return;
        //: a header of a unified diff: keep "--- " in front; %1 is the field name
        out << tr("--- %1 (version %2)").arg(name).arg(m_beforeNo);
        //: a header of a unified diff: keep "+++ " in front; %1 is the field name
        out << tr("+++ %1 (version %2)").arg(name).arg(m_afterNo);
        out << d.unifiedLines();
    };
    text(QStringLiteral("system_prompt"), m_system);
    text(QStringLiteral("user_prompt_template"), m_user);
    if (m_userPresence && m_user.identical())
        out << tr("user_prompt_template: present in version %1 only")
                   .arg(m_userBefore ? m_beforeNo : m_afterNo);
    for (const ParameterChange &p : m_parameters)
        out << QStringLiteral("%1: %2 -> %3").arg(p.field, p.before, p.after);
    return out;
}

} // namespace uaip
