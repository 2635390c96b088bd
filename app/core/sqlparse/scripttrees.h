#pragma once

#include "pgparsetree.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <mutex>
#include <vector>

namespace uaip {

// The typed trees of one split script's statements, each parsed on first use and then kept:
// every checker that reads a statement of the script (lint rules, the transaction check, the
// lock forecast, the pipeline, drops, the online forms) gets the same tree, so a statement is
// parsed once however many read it. Shared by the script's statements (SqlStatement::tree()).
// Thread-safe: a tree is parsed once even when two threads ask for it at once.
class ScriptTrees
{
public:
    explicit ScriptTrees(qsizetype count);
    ScriptTrees(const ScriptTrees &) = delete;
    ScriptTrees &operator=(const ScriptTrees &) = delete;

    // The tree of statement index, whose text is text (parsed now if no one asked before).
    std::shared_ptr<const PgParseTree> tree(qsizetype index, const QByteArray &text) const;
    // Gives statement index the tree its text was parsed to before the split (a COPY ...
    // FROM STDIN: CopyDataFinder), so that it is not parsed again; none when it has one.
    void keep(qsizetype index, std::shared_ptr<const PgParseTree> tree);

    // How many trees were parsed so far, read when no other thread parses (tests: "parsed
    // once").
    qsizetype parsedCount() const;

private:
    struct Slot
    {
        std::once_flag once;
        std::shared_ptr<const PgParseTree> tree;
    };
    mutable std::vector<Slot> m_slots;
};

} // namespace uaip
