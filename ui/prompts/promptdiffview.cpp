#include "promptdiffview.h"

#include "widgets/statestyle.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace uaip {

namespace {

// The colour c laid over the palette's base at alpha/255 (QTextDocument has no rgba()).
QString htmlTint(const QColor &c, int alpha)
{
    const QColor base = QGuiApplication::palette().color(QPalette::Base);
    auto mix
        = [alpha](int over, int under) { return (over * alpha + under * (255 - alpha)) / 255; };
    return QColor(mix(c.red(), base.red()), mix(c.green(), base.green()),
                  mix(c.blue(), base.blue()))
        .name();
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

PromptDiffView::PromptDiffView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_sideBySide(new QRadioButton(tr("Side by side"), this))
    , m_unified(new QRadioButton(tr("Unified"), this))
    , m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    top->addWidget(m_summary, 1);
    top->addWidget(m_sideBySide);
    top->addWidget(m_unified);
    layout->addLayout(top);
    m_browser->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_browser->setLineWrapMode(QTextEdit::WidgetWidth);
    layout->addWidget(m_browser, 1);
    auto *group = new QButtonGroup(this);
    group->addButton(m_sideBySide);
    group->addButton(m_unified);
    m_sideBySide->setChecked(true);
    connect(m_sideBySide, &QRadioButton::toggled, this, [this] { render(); });
    clear();
}

void PromptDiffView::setDiff(const PromptVersionDiff &diff)
{
    m_diff = diff;
    render();
}

void PromptDiffView::clear(const QString &message)
{
    m_diff.reset();
    m_summary->setText(message.isEmpty() ? tr("Pick two versions to compare.") : message);
    m_browser->clear();
}

void PromptDiffView::setSideBySide(bool sideBySide)
{
    (sideBySide ? m_sideBySide : m_unified)->setChecked(true);
}

bool PromptDiffView::isSideBySide() const
{
    return m_sideBySide->isChecked();
}

QString PromptDiffView::summaryText() const
{
    return m_summary->text();
}

QString PromptDiffView::bodyText() const
{
    return m_browser->toPlainText();
}

QString PromptDiffView::bodyHtml() const
{
    return m_browser->toHtml();
}

void PromptDiffView::render()
{
    if (!m_diff)
        return;
    // Line numbers on one line: as wide as the longest number of either text.
    int lines = 0;
    for (const LineDiff *d : {&m_diff->systemPrompt(), &m_diff->userTemplate()})
        for (const LineDiff::Hunk &h : d->hunks())
            lines = qMax(lines, qMax(h.oldStart + h.oldCount, h.newStart + h.newCount));
    m_numberWidth = m_browser->fontMetrics().horizontalAdvance(QString::number(lines)) + 8;
    const PromptVersionDiff &d = *m_diff;
    m_summary->setText(d.summary());
    QString html = QStringLiteral("<html><body>");
    html += parametersHtml();
    html += textHtml(tr("System prompt"), d.systemPrompt());
    if (d.userTemplatePresenceChanged() && d.userTemplate().identical())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("User template"),
                         tr("The user template was added or removed (both texts empty)."));
    else
        html += textHtml(tr("User template"), d.userTemplate());
    html += QStringLiteral("</body></html>");
    m_browser->setHtml(html);
}

QString PromptDiffView::parametersHtml() const
{
    const auto &changes = m_diff->parameters();
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Model parameters"));
    if (changes.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("Model parameters are identical."));
    html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='1'>"
                           "<tr><th align='left'>%1</th><th align='left'>v%2</th>"
                           "<th align='left'>v%3</th></tr>")
                .arg(tr("Field"))
                .arg(m_diff->beforeVersion())
                .arg(m_diff->afterVersion());
    for (const PromptVersionDiff::ParameterChange &c : changes)
        html += QStringLiteral("<tr><td>%1</td><td style='background:%2'>%3</td>"
                               "<td style='background:%4'>%5</td></tr>")
                    .arg(esc(c.field), htmlTint(StateStyle::danger(), 50), esc(c.before),
                         htmlTint(StateStyle::success(), 50), esc(c.after));
    return html + QStringLiteral("</table>");
}

QString PromptDiffView::textHtml(const QString &title, const LineDiff &diff) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(title));
    if (diff.identical())
        return html + QStringLiteral("<p>%1</p>").arg(tr("Identical."));
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("%n line(s) removed, ", nullptr, diff.removedCount())
                     + tr("%n line(s) added.", nullptr, diff.addedCount()));
    return html + (isSideBySide() ? sideBySideHtml(diff) : unifiedHtml(diff));
}

QString PromptDiffView::segmentsHtml(const QList<LineDiff::Segment> &segments, bool removed) const
{
    const QString mark = htmlTint(removed ? StateStyle::danger() : StateStyle::success(), 110);
    QString html;
    for (const LineDiff::Segment &s : segments)
        html += s.kind == LineDiff::Line::Kind::Context
            ? esc(s.text)
            : QStringLiteral("<span style='background:%1'>%2</span>").arg(mark, esc(s.text));
    return html;
}

QString PromptDiffView::sideBySideHtml(const LineDiff &diff) const
{
    const QString red = htmlTint(StateStyle::danger(), 40);
    const QString green = htmlTint(StateStyle::success(), 40);
    QString html = QStringLiteral(
        "<table width='100%' cellspacing='0' cellpadding='2' style='white-space:pre-wrap'>");
    auto no = [](int n) { return n > 0 ? QString::number(n) : QString(); };
    auto cell = [](const QString &bg, const QString &body) {
        return QStringLiteral("<td width='49%' style='background:%1'>%2</td>").arg(bg, body);
    };
    for (const LineDiff::Row &r : diff.sideBySide()) {
        html += QStringLiteral("<tr>");
        using K = LineDiff::Row::Kind;
        const QString numStyle
            = QStringLiteral("<td align='right' nowrap width='%1' style='color:gray'>%2</td>")
                  .arg(m_numberWidth);
        switch (r.kind) {
        case K::Gap:
            html += QStringLiteral("<td></td><td>⋯</td><td></td><td>⋯</td>");
            break;
        case K::Context:
            html += numStyle.arg(no(r.oldNo)) + cell(QString(), esc(r.oldText))
                + numStyle.arg(no(r.newNo)) + cell(QString(), esc(r.newText));
            break;
        case K::Changed:
            html += numStyle.arg(no(r.oldNo)) + cell(red, segmentsHtml(r.words.before, true))
                + numStyle.arg(no(r.newNo)) + cell(green, segmentsHtml(r.words.after, false));
            break;
        case K::Removed:
            html += numStyle.arg(no(r.oldNo)) + cell(red, esc(r.oldText)) + numStyle.arg(QString())
                + cell(QString(), QString());
            break;
        case K::Added:
            html += numStyle.arg(QString()) + cell(QString(), QString()) + numStyle.arg(no(r.newNo))
                + cell(green, esc(r.newText));
            break;
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString PromptDiffView::unifiedHtml(const LineDiff &diff) const
{
    const QString red = htmlTint(StateStyle::danger(), 40);
    const QString green = htmlTint(StateStyle::success(), 40);
    QString html = QStringLiteral("<pre style='white-space:pre-wrap'>");
    auto line = [&](const QString &bg, const QString &body) {
        html += QStringLiteral("<div style='background:%1'>%2</div>").arg(bg, body);
    };
    using LK = LineDiff::Line::Kind;
    for (const LineDiff::Hunk &h : diff.hunks()) {
        line(QString(), QStringLiteral("<span style='color:gray'>%1</span>").arg(esc(h.header())));
        const auto &lines = h.lines;
        for (qsizetype i = 0; i < lines.size();) {
            if (lines[i].kind == LK::Context) {
                line(QString(), esc(QStringLiteral(" ") + lines[i].text));
                ++i;
                continue;
            }
            // A run of removed lines then added ones: the n-th of each are a changed pair.
            qsizetype r = i;
            while (r < lines.size() && lines[r].kind == LK::Removed)
                ++r;
            qsizetype a = r;
            while (a < lines.size() && lines[a].kind == LK::Added)
                ++a;
            const qsizetype removed = r - i;
            const qsizetype added = a - r;
            for (qsizetype k = 0; k < removed; ++k) {
                const QString &old = lines[i + k].text;
                line(red,
                     QStringLiteral("-")
                         + (k < added ? segmentsHtml(
                                LineDiff::wordDiff(old, lines[r + k].text).before, true)
                                      : esc(old)));
            }
            for (qsizetype k = 0; k < added; ++k) {
                const QString &now = lines[r + k].text;
                line(green,
                     QStringLiteral("+")
                         + (k < removed ? segmentsHtml(
                                LineDiff::wordDiff(lines[i + k].text, now).after, false)
                                        : esc(now)));
            }
            i = a;
        }
    }
    return html + QStringLiteral("</pre>");
}

} // namespace uaip
