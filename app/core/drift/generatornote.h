#pragma once

#include <QString>

namespace uaip {

// What a generated migration asks its reader to look at.
struct GeneratorNote
{
    enum class Kind {
        HeldBack, // a destructive step, commented out
        Rename, // taken as a rename: check that it is not a new object and a dropped one
        PossibleRename, // a dropped and an added table look alike: maybe a rename
        NotGenerated, // a difference the generator writes no SQL for: write it by hand
        Online, // written in its online form: the table is big (OnlineFormWriter)
        Blocking, // blocks a big table and has no online form the generator writes
    };
    Kind kind = Kind::HeldBack;
    QString object; // key ("table public.users")
    QString message;

    QString kindText() const
    {
        switch (kind) {
        case Kind::HeldBack:
            return QStringLiteral("held_back");
        case Kind::Rename:
            return QStringLiteral("rename");
        case Kind::PossibleRename:
            return QStringLiteral("possible_rename");
        case Kind::NotGenerated:
            return QStringLiteral("not_generated");
        case Kind::Online:
            return QStringLiteral("online");
        case Kind::Blocking:
            return QStringLiteral("blocking");
        }
        return {};
    }
};

} // namespace uaip
