#pragma once

#include "prompts/promptversiondiff.h"

#include <QWidget>

#include <optional>

class QLabel;
class QRadioButton;
class QTextBrowser;

namespace uaip {

// Shows a PromptVersionDiff: a summary line ("identical" stated plainly), the model
// parameters compared separately, then each text side by side (old | new, word differences
// inside changed line pairs highlighted) or unified (diff -u, the same word highlights).
class PromptDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit PromptDiffView(QWidget *parent = nullptr);

    void setDiff(const PromptVersionDiff &diff);
    void clear(const QString &message = QString());
    void setSideBySide(bool sideBySide);
    bool isSideBySide() const;

    QString summaryText() const;
    QString bodyText() const; // what the browser shows, as plain text (tests)
    QString bodyHtml() const;

private:
    void render();
    QString parametersHtml() const;
    QString textHtml(const QString &title, const LineDiff &diff) const;
    QString sideBySideHtml(const LineDiff &diff) const;
    QString unifiedHtml(const LineDiff &diff) const;
    QString segmentsHtml(const QList<LineDiff::Segment> &segments, bool removed) const;

    QLabel *m_summary;
    QRadioButton *m_sideBySide;
    QRadioButton *m_unified;
    QTextBrowser *m_browser;
    std::optional<PromptVersionDiff> m_diff;
    int m_numberWidth = 32;
};

} // namespace uaip
