#include "screenshotprompts.h"

#include "mainwindow.h"
#include "prompts/prompteditor.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptsview.h"
#include "prompts/prompttextedit.h"
#include "prompts/reviewchangesdialog.h"
#include "prompts/seedpreviewdialog.h"
#include "prompts/variablespanel.h"

#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>

#include <memory>

namespace uaip {

ScreenshotPrompts::ScreenshotPrompts(MainWindow *window, Save save, QSize size, QObject *parent)
    : ScreenshotPart(window, std::move(save), parent)
    , m_size(size)
{ }

void ScreenshotPrompts::start()
{
    PromptsView *view = m_window->promptsView();
    auto seeded = std::make_shared<bool>(false);
    auto listed = std::make_shared<QMetaObject::Connection>();
    *listed = connect(view, &PromptsView::listLoaded, this, [this, view, seeded, listed](int n) {
        if (n == 0 && !*seeded) {
            *seeded = true;
            // The dry run first, as a user sees it; then the seed is confirmed.
            connect(
                view, &PromptsView::seedPlanned, this,
                [this, view](bool ok) {
                    SeedPreviewDialog *preview = view->seedPreviewDialog();
                    if (!ok || !preview || !preview->seedButton())
                        return emit failed(tr("prompts: seeding: %1").arg(view->statusText()));
                    preview->accept();
                },
                Qt::SingleShotConnection);
            return view->seedFromFile(PromptSeedFile::bundledPath(), false);
        }
        disconnect(*listed);
        if (n <= 0)
            return emit failed(tr("prompts: %1").arg(view->statusText()));
        const QString id = view->model()->rowOf(QStringLiteral("reference-coach-v1")) >= 0
            ? QStringLiteral("reference-coach-v1")
            : view->model()->prompts().first().promptId;
        connect(
            view, &PromptsView::promptLoaded, this, [this] { draft(); }, Qt::SingleShotConnection);
        view->openPrompt(id);
    });
    view->refresh();
}

void ScreenshotPrompts::draft()
{
    PromptsView *view = m_window->promptsView();
    PromptEditor *editor = view->editor();
    editor->systemEdit()->append(QStringLiteral("\nAlways answer in {{language}}, in at most "
                                                "{{limit}} sentences."));
    editor->variablesPanel()->setSample(QStringLiteral("language"), QStringLiteral("German"));
    editor->variablesPanel()->setSample(QStringLiteral("limit"), QStringLiteral("five"));
    editor->systemEdit()->ensureLineVisible(editor->systemEdit()->lines() - 1);
    QTimer::singleShot(0, this, [this, view] {
        if (!m_save(m_window, QStringLiteral("prompts")))
            return;
        view->requestSave();
        ReviewChangesDialog *review = view->reviewDialog();
        if (!review)
            return emit failed(tr("prompts: no review dialog: %1").arg(view->statusText()));
        review->noteEdit()->setPlainText(QStringLiteral("Answer in the user's language, briefly."));
        review->resize(m_size.width(), m_size.height() * 3 / 4);
        if (!m_save(review, QStringLiteral("prompts-review")))
            return;
        connect(
            view, &PromptsView::saveFinished, this,
            [this, view](bool ok, const QString &message) {
                if (!ok)
                    return emit failed(tr("prompts: %1").arg(message));
                connect(
                    view, &PromptsView::promptLoaded, this, [this] { diff(); },
                    Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
        review->accept();
    });
}

void ScreenshotPrompts::diff()
{
    PromptsView *view = m_window->promptsView();
    const int latest = view->detail().summary.latestVersion;
    connect(
        view, &PromptsView::diffShown, this,
        [this, view, latest] {
            QTimer::singleShot(0, this, [this, view, latest] {
                if (!m_save(m_window, QStringLiteral("prompts-diff")))
                    return;
                connect(
                    view, &PromptsView::labelMoveFinished, this,
                    [this, view](bool ok, const QString &message) {
                        if (!ok)
                            return emit failed(tr("prompts: %1").arg(message));
                        connect(
                            view, &PromptsView::promptLoaded, this,
                            [this, view] {
                                view->tabs()->setCurrentIndex(PromptsView::LabelsTab);
                                QTimer::singleShot(0, this, [this] {
                                    if (m_save(m_window, QStringLiteral("prompts-labels")))
                                        emit done();
                                });
                            },
                            Qt::SingleShotConnection);
                    },
                    Qt::SingleShotConnection);
                view->requestLabelMove(QStringLiteral("staging"), qMax(1, latest - 1));
                // Every label move asks first (Yes/Cancel, a window-modal box): answered Yes.
                if (auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("promptConfirm")))
                    box->button(QMessageBox::Yes)->click();
            });
        },
        Qt::SingleShotConnection);
    view->compareVersions(qMax(1, latest - 1), latest);
}

} // namespace uaip
