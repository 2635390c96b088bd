#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "error/result.h"

#include <optional>

namespace uaip {

// An object's name as a user writes it (`uaip-migrate ddl OBJECT`): [schema.]name, optionally
// followed by a function's argument types in parentheses ("app.add(int, text)"), or
// schema.table.name for a table's constraint, trigger, policy or index (their names are the
// table's: the same trigger name may be on many tables). Each part is
// an SQL identifier: unquoted it is folded to lower case (ASCII letters, as the server folds
// them), "quoted" it is kept as written, "" standing for one double quote. The arguments are
// kept as text, checked to be an argument list ([mode] [name] type, ...: RoutineArguments),
// whose types the server resolves.
class ObjectName
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectName)

public:
    std::optional<QString> schema;
    // The table of a schema.table.name (then schema is set and arguments are not).
    std::optional<QString> table;
    QString name;
    std::optional<QString> arguments;
    // What the server would have said about the name (a part longer than an identifier may be,
    // truncated as the server truncates it).
    QStringList notes;

    // The server's NAMEDATALEN - 1: the most bytes of an identifier.
    static constexpr qsizetype kMaxIdentifierBytes = 63;

    // BadInput (what is wrong, with the "name" as written) when text is not such a name.
    static Result<ObjectName> parse(const QString &text);
    // The name again, quoted where needed (for messages).
    QString display() const;

private:
    // part cut to kMaxIdentifierBytes bytes of UTF-8 at a character's end, with a note saying so.
    static QString truncated(const QString &part, QStringList *notes);
    // One identifier from text at *pos (up to a '.' or '(' outside quotes); *pos moved past it.
    static Result<QString> identifier(const QString &text, qsizetype *pos);
};

} // namespace uaip
