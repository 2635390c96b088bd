#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// The pieces every script of an online change is written with (OnlineColumnCopy,
// OnlineColumnSplit): quoted names, literals, the header of comment lines with the directives
// above them, and the helper objects' names.
class OnlineSql
{
public:
    static const QString kNoTransaction; // -- uaip:no-transaction
    static const QString kBatch; // -- uaip:batch rows=5000 pause=10ms
    // A contract's down that makes a column it adds again NOT NULL through a CHECK validated
    // first: its SET NOT NULL does not scan, which the blocking-work gate cannot know of a
    // column the plan adds (-- uaip:allow-blocking, with that reason).
    static const QString kAllowCheckedNotNull;

    static QString ident(const QString &name);
    // A string literal, standard_conforming_strings on (PostgreSQL's default since 9.1).
    static QString literal(const QString &text);
    // The comment lines of a script's header (no line of it can end the comment), after the
    // directives.
    static QString header(const QStringList &directives, const QStringList &lines);
    static QString script(const QString &head, const QStringList &statements);
    // The helper objects' names (unquoted): "uaip_online_" + the change's hash [+ _suffix].
    static QString helperName(const QString &hash, const QString &suffix);
    // A dollar quote that no text of body holds, for a function of the change (hash).
    static QString dollarQuote(const QString &hash, const QString &body);
};

} // namespace uaip
