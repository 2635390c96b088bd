#pragma once

#include <QObject>

class QWidget;

namespace uaip {

class PromptTaskRunner;

// Moving a label of a prompt from the Prompts view: the label name checked ("latest" is never
// moved), the typed database name asked for before `production` moves on a production
// profile (ProductionConfirmation), then PromptLabels::move on the view's session.
class PromptLabelActions : public QObject
{
    Q_OBJECT
public:
    PromptLabelActions(PromptTaskRunner *runner, QWidget *dialogParent);

    void requestMove(const QString &promptId, const QString &label, int version);

signals:
    void status(const QString &text, bool error);
    void moved(const QString &promptId); // the label table changed
    void finished(bool ok, const QString &message);

private:
    void move(const QString &promptId, const QString &label, int version, bool confirmed);

    PromptTaskRunner *m_runner;
    QWidget *m_dialogParent;
};

} // namespace uaip
