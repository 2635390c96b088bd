#include "sqlview.h"

#include <Qsci/qscilexersql.h>

#include <QFontDatabase>

namespace uaip {

SqlView::SqlView(QWidget *parent)
    : QsciScintilla(parent)
{
    auto *lexer = new QsciLexerSQL(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    setLexer(lexer);
    setReadOnly(true);
    setUtf8(true);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, QStringLiteral("00"));
    setWrapMode(QsciScintilla::WrapNone);
    // A horizontal scroll bar only when a line is wider than the view (Scintilla's default
    // width of 2000 px always shows one).
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
    setCaretLineVisible(false);
    m_marker = markerDefine(QsciScintilla::RightArrow, 1);
    m_indicator = indicatorDefine(QsciScintilla::SquiggleIndicator);
    applyPalette();
}

void SqlView::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    if (QsciLexer *l = lexer()) {
        l->setDefaultPaper(base);
        l->setPaper(base);
        l->setDefaultColor(text);
        // Keep the lexer's own colours for keywords and strings, but never invisible on base.
        for (int style = 0; style < 32; ++style) {
            QColor c = l->color(style);
            if (qAbs(c.lightness() - base.lightness()) < 60)
                l->setColor(text, style);
        }
    }
    setMarginsBackgroundColor(pal.color(QPalette::AlternateBase));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    QColor error(Qt::red);
    error.setAlpha(60);
    setMarkerBackgroundColor(error, m_marker);
    setMarkerForegroundColor(QColor(Qt::red), m_marker);
    setIndicatorForegroundColor(QColor(Qt::red), m_indicator);
}

void SqlView::setSql(const QString &sql)
{
    clearError();
    setText(sql);
}

void SqlView::markError(int line, int column)
{
    clearError();
    if (line < 1 || line > lines())
        return;
    markerAdd(line - 1, m_marker);
    const int length = lineLength(line - 1);
    const int from = qBound(0, column - 1, qMax(0, length - 1));
    fillIndicatorRange(line - 1, from, line - 1, qMax(from + 1, length), m_indicator);
    setCursorPosition(line - 1, from);
    ensureLineVisible(line - 1);
    setSelection(line - 1, 0, line - 1, length);
}

void SqlView::clearError()
{
    markerDeleteAll(m_marker);
    clearIndicatorRange(0, 0, qMax(0, lines() - 1), qMax(0, lineLength(lines() - 1)), m_indicator);
}

int SqlView::markedLine() const
{
    const int found = markerFindNext(0, 1 << m_marker);
    return found < 0 ? 0 : found + 1;
}

SqlView *SqlView::ofFile(const QByteArray &sql, QWidget *parent)
{
    auto *view = new SqlView(parent);
    view->setSql(QString::fromUtf8(sql));
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace uaip
