#pragma once

#include "widgets/sqlview.h"

#include <QByteArray>
#include <QStringList>

class QsciAPIs;

namespace uaip {

// The SQL console's editor: the project's SqlView (PostgreSQL colours, line numbers, the error
// mark in the margin) made editable, with completion of the catalog's schema, table and column
// names and of SQL keywords. Offsets are UTF-8 byte offsets into utf8Text(), as SqlScript counts.
class SqlEditor : public SqlView
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);
    ~SqlEditor() override;

    void setCompletionNames(const QStringList &names);
    int completionNameCount() const { return int(m_names.size()); }
    QByteArray utf8Text() const;
    int cursorOffset() const;
    // The selection as [from, to); false when nothing is selected.
    bool selectionOffsets(int *from, int *to) const;
    // Marks [from, to) (byte offsets) with a box, as the text a selected plan node scans, and
    // scrolls to it; clears the earlier mark. The cursor does not move.
    void highlightRange(int from, int to);
    void clearHighlight();
    // The marked range; false when none.
    bool highlightedRange(int *from, int *to) const;

protected:
    // Esc is the SQL tab's Cancel (a shortcut) unless the completion list is open: QScintilla
    // would otherwise take it for its own "cancel" before any shortcut sees it.
    bool event(QEvent *e) override;

private:
    QsciAPIs *m_apis;
    QStringList m_names;
    int m_highlight;
    int m_highlightFrom = -1;
    int m_highlightTo = -1;
};

} // namespace uaip
