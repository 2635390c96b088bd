#pragma once

#include "ddlstep.h"
#include "generatornote.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace uaip {

// One direction of a generated migration (up.sql or down.sql) before it is written.
struct GeneratedScript
{
    QList<DdlStep> steps; // in the order they run
    QList<GeneratorNote> notes;
    // Keys of objects left as they are on purpose (held-back steps, differences with no
    // SQL): the proof accepts their differences and nothing else.
    QSet<QString> leftAsIs;
    // An enum value it adds is used by a later statement, or a statement is in its online form
    // (OnlineFormWriter: CONCURRENTLY, VALIDATE apart from the ADD).
    bool noTransaction = false;

    bool isEmpty() const { return steps.isEmpty(); }
    int heldBackCount() const;
    // The file: a header naming what to review, then each step (a held-back one commented
    // out, its reason above it). Every text that may hold a name (header, notes, reasons,
    // held-back SQL) goes into "--" comments through SqlComment, so no name can end one.
    QString render(const QString &header) const;
    // What render() writes outside comments, in order: the statements that run.
    QString liveSql() const;
    // The first statement of a rendered file that is not the statement liveSql() has at its
    // place (or a count that differs), as "line:col: text"; nullopt when the file's
    // statements are exactly liveSql()'s. Checked before a generated file runs anywhere.
    std::optional<QString> strayStatement(const QByteArray &file) const;

    // Whether it creates a function (whose body may name a table created further down: the
    // file then needs its transaction for SET LOCAL check_function_bodies = off).
    bool createsFunctions() const;

private:
    bool needsFunctionBodiesOff() const;
};

} // namespace uaip
