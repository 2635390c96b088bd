#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace uaip {

class PromptTaskRunner;

// The one confirmation path of the Prompts view's protected changes (moving the production
// label, enabling or disabling encryption at rest): on a production profile a
// TypedConfirmDialog (object name "productionConfirm") asks for the typed database name and
// never blocks (open(), not exec()); elsewhere `confirmed` runs at once, or, for a change the
// platform serves at once (a label move: askOnEveryProfile), after a plain Yes/Cancel question
// (a QMessageBox named "promptConfirm", also opened without blocking).
class ProductionConfirmation
{
public:
    static void ask(const PromptTaskRunner &runner, QWidget *parent, const QString &question,
                    const std::function<void()> &confirmed, const std::function<void()> &cancelled);
    static void askOnEveryProfile(const PromptTaskRunner &runner, QWidget *parent,
                                  const QString &question, const std::function<void()> &confirmed,
                                  const std::function<void()> &cancelled);
};

} // namespace uaip
