#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// What seeding does (or, in a dry run, would do) with one entry of a seed file.
struct SeedAction
{
    enum class Kind {
        Insert, // new prompt (with its version 1) or new persona
        NewVersion, // --update: the prompt's text changed; version N+1 written
        UpdateMetadata, // --update: only name/description/type/rules/metadata changed; no version
        Unchanged, // already in the database as in the file
        Differs, // in the database but different; left alone without --update
        Exists, // persona of that name exists; personas are never overwritten
    };

    QString entity; // "prompt" or "persona"
    QString key; // prompt_id or persona name
    Kind kind = Kind::Unchanged;
    int fromVersion = 0; // prompts: current version before (0 = none)
    int toVersion = 0; // prompts: current version after
    QStringList changedFields;

    bool writes() const
    {
        return kind == Kind::Insert || kind == Kind::NewVersion || kind == Kind::UpdateMetadata;
    }
    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Insert:
            return QStringLiteral("insert");
        case Kind::NewVersion:
            return QStringLiteral("new_version");
        case Kind::UpdateMetadata:
            return QStringLiteral("update_metadata");
        case Kind::Unchanged:
            return QStringLiteral("unchanged");
        case Kind::Differs:
            return QStringLiteral("differs");
        case Kind::Exists:
            return QStringLiteral("exists");
        }
        return QString();
    }
};

} // namespace uaip
