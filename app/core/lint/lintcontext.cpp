#include "lintcontext.h"

#include <QStringList>

#include <algorithm>

namespace uaip {

LintContext::LintContext(const QByteArray &sql)
    : m_sql(sql)
{ }

void LintContext::setLocation(int offset, TextPosition position)
{
    m_offset = offset;
    m_position = position;
}

void LintContext::add(LintFinding::Severity severity, LintFinding::Kind kind, const QString &object,
                      const QString &message, const QString &relation)
{
    LintFinding finding;
    finding.severity = severity;
    finding.kind = kind;
    finding.object = object;
    finding.message = message;
    finding.relation = relation;
    finding.offset = m_offset;
    finding.position = m_position;
    m_findings.append(finding);
}

void LintContext::setLastColumn(const QString &column)
{
    if (!m_findings.isEmpty())
        m_findings.last().column = column;
}

bool LintContext::isNewTableNamed(const QString &written) const
{
    // schema.name or name, quoted where needed; each dot outside quotes splits
    QStringList parts;
    QString part;
    bool quoted = false;
    for (qsizetype i = 0; i < written.size(); ++i) {
        const QChar c = written.at(i);
        if (c == u'"') {
            if (quoted && i + 1 < written.size() && written.at(i + 1) == u'"') {
                part += c;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == u'.' && !quoted) {
            parts << part;
            part.clear();
        } else {
            part += quoted ? c : c.toLower();
        }
    }
    parts << part;
    if (parts.size() > 2)
        return false;
    return isNewTable(parts.size() == 2 ? TableRef{parts.first(), parts.last()}
                                        : TableRef{QString(), parts.first()});
}

bool LintContext::isNewTable(const PgQuery__RangeVar *rangeVar) const
{
    return isNewTable(TableRef::of(rangeVar));
}

bool LintContext::isNewTable(const TableRef &table) const
{
    return std::any_of(m_newTables.cbegin(), m_newTables.cend(),
                       [&table](const TableRef &t) { return t.matches(table); });
}

void LintContext::rememberNewTable(const PgQuery__RangeVar *rangeVar)
{
    m_newTables.append(TableRef::of(rangeVar));
}

void LintContext::rememberNewTable(const TableRef &table)
{
    m_newTables.append(table);
}

void LintContext::forgetNewTable(const TableRef &table)
{
    m_newTables.removeIf([&table](const TableRef &t) { return t.matches(table); });
}

void LintContext::setInBlock(bool inBlock)
{
    if (m_fileInTransaction)
        return; // the plan check refuses BEGIN and COMMIT there
    m_inBlock = inBlock;
    if (!inBlock)
        m_notValid.clear();
}

void LintContext::rememberNotValid(const TableRef &table, const QString &constraint)
{
    if (inTransaction())
        m_notValid.append({table, constraint});
}

bool LintContext::addedNotValid(const TableRef &table, const QString &constraint) const
{
    return std::any_of(m_notValid.cbegin(), m_notValid.cend(), [&](const auto &added) {
        return added.second == constraint && added.first.matches(table);
    });
}

} // namespace uaip
