#pragma once

#include "sqlpage.h"

#include <QByteArray>

namespace uaip {

// A cursor SqlRunner::closeResults closed: the rows it still read (rest.done: they were the
// last ones, the result is whole; else the rows after them were never read).
struct SqlClosedCursor
{
    QByteArray cursor;
    SqlPage rest;
};

} // namespace uaip
