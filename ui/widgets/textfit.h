#pragma once

class QString;
class QWidget;

namespace uaip {

// Sizes a dialog that shows a read-only text to that text: as wide as its longest line and as
// tall as its lines, at least a small minimum, at most 85 % of the screen (beyond that the text
// scrolls). A one-line report gets a small dialog, a long plan a big one.
class TextFit
{
public:
    // view: the text widget inside dialog's layout, whose font is measured; extraWidth: what
    // the view shows beside the text (a line-number margin).
    static void fitDialog(QWidget *dialog, QWidget *view, const QString &text, int extraWidth = 0);
    // A dialog of generated files: columns average characters wide and lines tall in its font,
    // at most 85 % of its screen.
    static void fitToScreen(QWidget *dialog, int columns, int lines);
};

} // namespace uaip
