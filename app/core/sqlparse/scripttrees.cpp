#include "scripttrees.h"

#include <algorithm>

namespace uaip {

ScriptTrees::ScriptTrees(qsizetype count)
    : m_slots(std::size_t(std::max<qsizetype>(count, 0)))
{ }

std::shared_ptr<const PgParseTree> ScriptTrees::tree(qsizetype index, const QByteArray &text) const
{
    if (index < 0 || std::size_t(index) >= m_slots.size())
        return std::make_shared<const PgParseTree>(PgParseTree::parse(text));
    Slot &slot = m_slots[std::size_t(index)];
    std::call_once(slot.once, [&slot, &text] {
        slot.tree = std::make_shared<const PgParseTree>(PgParseTree::parse(text));
    });
    return slot.tree;
}

void ScriptTrees::keep(qsizetype index, std::shared_ptr<const PgParseTree> tree)
{
    if (index < 0 || std::size_t(index) >= m_slots.size() || !tree)
        return;
    Slot &slot = m_slots[std::size_t(index)];
    std::call_once(slot.once, [&slot, &tree] { slot.tree = std::move(tree); });
}

qsizetype ScriptTrees::parsedCount() const
{
    // read after the parses the caller waited for: each slot's once_flag ordered its write
    return std::count_if(m_slots.begin(), m_slots.end(),
                         [](const Slot &s) { return s.tree != nullptr; });
}

} // namespace uaip
