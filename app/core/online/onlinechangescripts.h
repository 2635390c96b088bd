#pragma once

#include <QByteArray>
#include <QStringList>

namespace uaip {

// The scripts of an online change: the expand (version V: the new shape beside the old) and
// the contract (a later version: the old shape removed), each with its down.
struct OnlineChangeScripts
{
    QByteArray expandUp, expandDown, contractUp, contractDown;
    // No pair: expandUp/expandDown are one plain migration (a type change PostgreSQL makes in
    // the catalog alone); contractUp/contractDown are empty.
    bool single = false;
    QStringList notes; // for people: what was decided and why
    // The statement PostgreSQL runs for the same end shape, where the change as written is no
    // such statement (a column split); empty: the change's own statement. The proof compares
    // the schema after the expand and the contract with the one it makes.
    QByteArray endShape;
};

} // namespace uaip
