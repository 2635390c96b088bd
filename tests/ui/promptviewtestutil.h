#pragma once

// Shared by the Prompts view tests: a migrated database with the bundled prompts seeded
// (through the core seeder), and a PromptsView pointed at it through its own SessionWorker.
#include "../core/prompttestutil.h"
#include "db/sessionspec.h"
#include "prompts/promptsview.h"

#include <QSignalSpy>

namespace uaip::test {

inline const QString kCoach = QStringLiteral("reference-coach-v1");

struct PromptViewFixture : PromptDatabase
{
    explicit PromptViewFixture(const QString &application, bool production = false,
                               bool readOnly = false)
        : PromptDatabase(application)
    {
        view.setActor(actor(QStringLiteral("carol")));
        view.resize(1200, 800);
        view.show();
        ConnectionProfile profile = db.profile();
        profile.production = production;
        profile.readOnly = readOnly;
        profile.name = QStringLiteral("test profile");
        spec = SessionSpec::from(profile, QString(), QStringLiteral("test"));
        QSignalSpy listed(&view, &PromptsView::listLoaded);
        view.setTarget(spec);
        if (!listed.wait(20000) || listed.first().first().toInt() <= 0)
            qFatal("the prompt list did not load: %s", qPrintable(view.statusText()));
    }
    // Opens a prompt and waits until the editor, history, labels and audit show it.
    bool open(const QString &promptId = kCoach)
    {
        QSignalSpy loaded(&view, &PromptsView::promptLoaded);
        view.openPrompt(promptId);
        return loaded.wait(20000);
    }
    QString text(const QByteArray &sql, const QVariantList &params = {})
    {
        return db.scalar(sql, params);
    }

    SessionSpec spec;
    PromptsView view;
};

// Waits for the first emission of a signal; its arguments, or empty after the timeout.
template<typename Signal>
QList<QVariant> waitFor(PromptsView *view, Signal signal, int timeoutMs = 20000)
{
    QSignalSpy spy(view, signal);
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return {};
    return spy.first();
}

} // namespace uaip::test
