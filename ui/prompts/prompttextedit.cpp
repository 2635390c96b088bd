#include "prompttextedit.h"

#include "widgets/statestyle.h"

#include <QFontDatabase>

namespace uaip {

PromptTextEdit::PromptTextEdit(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("0000"));
    setWrapMode(QsciScintilla::WrapWord);
    setWrapVisualFlags(QsciScintilla::WrapFlagByBorder);
    const QPalette pal = palette();
    setPaper(pal.color(QPalette::Base));
    setColor(pal.color(QPalette::Text));
    setMarginsBackgroundColor(pal.color(QPalette::AlternateBase));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    m_variableIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator);
    QColor variable = pal.color(QPalette::Highlight);
    setIndicatorForegroundColor(variable, m_variableIndicator);
    SendScintilla(SCI_INDICSETALPHA, m_variableIndicator, 70);
    SendScintilla(SCI_INDICSETUNDER, m_variableIndicator, 1);
    m_problemIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator);
    setIndicatorForegroundColor(StateStyle::danger(), m_problemIndicator);
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    connect(this, &QsciScintilla::textChanged, this, &PromptTextEdit::recheck);
}

void PromptTextEdit::setPlainText(const QString &text)
{
    setText(text);
    recheck();
}

void PromptTextEdit::fill(int indicator, int offset, int length, const QString &text)
{
    const int start = int(QStringView(text).left(offset).toUtf8().size());
    const int bytes = int(QStringView(text).mid(offset, length).toUtf8().size());
    SendScintilla(SCI_SETINDICATORCURRENT, indicator);
    SendScintilla(SCI_INDICATORFILLRANGE, start, qMax(1, bytes));
}

void PromptTextEdit::recheck()
{
    const QString current = text();
    m_variables = PromptVariables(current);
    const long bytes = SendScintilla(SCI_GETLENGTH);
    for (int indicator : {m_variableIndicator, m_problemIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0, bytes);
    }
    clearAnnotations();
    for (const PromptVariables::Occurrence &o : m_variables.occurrences())
        fill(m_variableIndicator, o.offset, o.length, current);
    QHash<int, QStringList> notes;
    for (const PromptVariables::Problem &p : m_variables.problems()) {
        fill(m_problemIndicator, p.offset, p.length, current);
        notes[p.line - 1] << p.toString();
    }
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        annotate(it.key(), it.value().join(u'\n'), 0);
    emit variablesChanged();
}

QList<QPair<int, int>> PromptTextEdit::marked(bool problems) const
{
    const int indicator = problems ? m_problemIndicator : m_variableIndicator;
    auto *self = const_cast<PromptTextEdit *>(this);
    QList<QPair<int, int>> runs;
    const long length = self->SendScintilla(SCI_GETLENGTH);
    long pos = 0;
    while (pos < length) {
        const long end = self->SendScintilla(SCI_INDICATOREND, indicator, pos);
        if (self->SendScintilla(SCI_INDICATORVALUEAT, indicator, pos) != 0)
            runs.append({int(pos), int(end - pos)});
        if (end <= pos)
            break;
        pos = end;
    }
    return runs;
}

} // namespace uaip
