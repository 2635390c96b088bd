#pragma once

#include <Qsci/qsciscintilla.h>

namespace uaip {

// Read-only SQL text with syntax colours, line numbers and one "error here" marker:
// markError() puts a marker in the margin, highlights the line and the column, and scrolls to it.
class SqlView : public QsciScintilla
{
    Q_OBJECT
public:
    explicit SqlView(QWidget *parent = nullptr);
    // A view of a file's SQL (UTF-8) in the fixed-width font: a dialog's up.sql or down.sql tab.
    static SqlView *ofFile(const QByteArray &sql, QWidget *parent);

    void setSql(const QString &sql);
    // 1-based line and column; clears any earlier mark.
    void markError(int line, int column);
    void clearError();
    // 1-based line of the error mark, 0 when none.
    int markedLine() const;

private:
    void applyPalette();

    int m_marker = -1;
    int m_indicator = -1;
};

} // namespace uaip
