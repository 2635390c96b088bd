#pragma once

#include "prompts/promptcontent.h"
#include "prompts/promptdetail.h"
#include "prompts/promptversion.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace uaip {

class PromptEditor;
class PromptTaskRunner;
class ReviewChangesDialog;

// Saving from the Prompts view: the editor's draft (or an old version to restore) is shown in
// the "review changes" dialog (the diff against the version the editor shows, which labels
// move, a required change note, the typed database name on production profiles); accepted,
// one PromptStore call writes the new version, which moves no label (promoting is separate). A
// conflict (another console saved meanwhile) keeps the draft in the editor.
class PromptSaveFlow : public QObject
{
    Q_OBJECT
public:
    PromptSaveFlow(PromptTaskRunner *runner, PromptEditor *editor, QWidget *dialogParent);

    // The prompt shown (what the review diffs against; its latest version is what the save
    // expects as the newest).
    void setDetail(const PromptDetail &detail) { m_detail = detail; }
    void clear() { m_detail = PromptDetail(); }

    void requestSave(); // the editor's draft
    void requestRestore(int version); // reads the version, then the review
    ReviewChangesDialog *reviewDialog() const { return m_review.data(); }
    int nextVersion() const { return m_detail.summary.latestVersion + 1; }

signals:
    void status(const QString &text, bool error);
    // Read the prompt again: keepDraft after a conflict (the editor's text stays).
    void reloadRequested(const QString &promptId, bool keepDraft);
    void written(); // a new version: the list changed
    void saveFinished(bool ok, const QString &message);

private:
    void openReview(const PromptVersion &target, const QString &note, int restoreFrom);
    void save(const PromptContent &content, const QString &note, int restoreFrom);
    QString promptId() const { return m_detail.summary.promptId; }

    PromptTaskRunner *m_runner;
    PromptEditor *m_editor;
    QWidget *m_dialogParent;
    PromptDetail m_detail;
    QPointer<ReviewChangesDialog> m_review;
};

} // namespace uaip
