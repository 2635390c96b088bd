#pragma once

#include "objectsearch.h"

#include <QListWidget>

#include <optional>

namespace uaip {

// The Objects view's search results (issue 60): what an ObjectSearch found, grouped by database
// (a heading per database, not selectable, with how many it found), one line per object (its
// kind and identity; line breaks of a name shown as blanks, the whole name in the tool tip).
class ObjectSearchList : public QListWidget
{
    Q_OBJECT
public:
    explicit ObjectSearchList(QWidget *parent = nullptr);

    // Shows what search found so far (the current row is not kept).
    void show(const ObjectSearch &search);
    // The object on row, or nullopt for a heading or no row.
    std::optional<ObjectSearchHit> hitAt(int row) const;

private:
    QList<ObjectSearchHit> m_hits;
};

} // namespace uaip
