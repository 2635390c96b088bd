#pragma once

#include <QSyntaxHighlighter>

namespace uaip {

// Colours unified diffs in a plain text (also when indented inside a report, as verify
// prints them): removed lines, added lines and @@ hunk headers. Inside a hunk the marker
// column is taken from its @@ line, so a context line that starts with "-" stays plain.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace uaip
