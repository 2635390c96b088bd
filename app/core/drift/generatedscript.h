#pragma once

#include "ddlstep.h"
#include "generatornote.h"

#include <QList>
#include <QSet>
#include <QString>

namespace uaip {

// One direction of a generated migration (up.sql or down.sql) before it is written.
struct GeneratedScript
{
    QList<DdlStep> steps; // in the order they run
    QList<GeneratorNote> notes;
    // Keys of objects left as they are on purpose (held-back steps, differences with no
    // SQL): the proof accepts their differences and nothing else.
    QSet<QString> leftAsIs;
    bool noTransaction = false; // an enum value it adds is used by a later statement

    bool isEmpty() const { return steps.isEmpty(); }
    int heldBackCount() const;
    // The file: a header naming what to review, then each step (a held-back one commented
    // out, its reason above it).
    QString render(const QString &header) const;
};

} // namespace uaip
