#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// What an import does (or, dry run, would do) with each prompt of the file.
struct PromptImportItem
{
    enum class Kind { New, Changed, MetadataChanged, Unchanged };
    QString promptId;
    Kind kind = Kind::Unchanged;
    int fromVersion = 0; // 0 = new prompt
    int toVersion = 0;
    QStringList changedFields;

    static QString kindName(Kind kind);
};

struct PromptImportPlan
{
    QString file;
    bool dryRun = false;
    QList<PromptImportItem> items;
    QStringList newPersonas; // personas of the file that did not exist (inserted, audited)
    int count(PromptImportItem::Kind kind) const
    {
        int n = 0;
        for (const PromptImportItem &i : items)
            n += i.kind == kind;
        return n;
    }
};

} // namespace uaip
