#include "sqleditor.h"

#include <QColor>
#include <QKeyEvent>

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>

namespace uaip {

SqlEditor::SqlEditor(QWidget *parent)
    : SqlView(parent)
    , m_apis(new QsciAPIs(lexer()))
    , m_highlight(indicatorDefine(QsciScintilla::StraightBoxIndicator))
{
    setObjectName(QStringLiteral("sqlEditor"));
    setReadOnly(false);
    setCaretLineVisible(true);
    setAutoIndent(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    m_apis->prepare();
    setIndicatorForegroundColor(QColor(255, 170, 0, 110), m_highlight);
    setIndicatorDrawUnder(true, m_highlight);
}

SqlEditor::~SqlEditor()
{
    // QsciAPIs stops its preparation thread when it is destroyed, and that thread calls the
    // lexer's virtual functions. Destroyed as the lexer's child it would wait for the thread
    // while the lexer is already half destroyed (a crash in that thread): go first.
    if (QsciLexer *l = lexer())
        l->setAPIs(nullptr);
    delete m_apis;
}

void SqlEditor::setCompletionNames(const QStringList &names)
{
    m_names = names;
    m_apis->clear();
    for (const QString &name : names)
        m_apis->add(name);
    m_apis->prepare();
}

QByteArray SqlEditor::utf8Text() const
{
    return text().toUtf8();
}

int SqlEditor::cursorOffset() const
{
    return int(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETCURRENTPOS));
}

bool SqlEditor::selectionOffsets(int *from, int *to) const
{
    auto *self = const_cast<SqlEditor *>(this);
    const int start = int(self->SendScintilla(SCI_GETSELECTIONSTART));
    const int end = int(self->SendScintilla(SCI_GETSELECTIONEND));
    if (start == end)
        return false;
    *from = start;
    *to = end;
    return true;
}

void SqlEditor::highlightRange(int from, int to)
{
    clearHighlight();
    const int length = int(SendScintilla(SCI_GETLENGTH));
    if (from < 0 || to <= from || to > length)
        return;
    SendScintilla(SCI_SETINDICATORCURRENT, m_highlight);
    SendScintilla(SCI_INDICATORFILLRANGE, from, to - from);
    ensureLineVisible(int(SendScintilla(SCI_LINEFROMPOSITION, from)));
    m_highlightFrom = from;
    m_highlightTo = to;
}

void SqlEditor::clearHighlight()
{
    SendScintilla(SCI_SETINDICATORCURRENT, m_highlight);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    m_highlightFrom = -1;
    m_highlightTo = -1;
}

bool SqlEditor::highlightedRange(int *from, int *to) const
{
    if (m_highlightFrom < 0)
        return false;
    *from = m_highlightFrom;
    *to = m_highlightTo;
    return true;
}

bool SqlEditor::event(QEvent *e)
{
    if (e->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(e);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && !isListActive()) {
            e->ignore(); // the window's shortcuts first
            return false;
        }
    }
    return SqlView::event(e);
}

} // namespace uaip
