#include "prompttransferactions.h"

#include "importpreviewdialog.h"
#include "productionconfirmation.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "prompttaskrunner.h"
#include "seedpreviewdialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QWidget>

namespace uaip {

namespace {

PromptSeeder::Options seedOptions(const PromptSeedFile &file, bool update, bool dryRun,
                                  const PromptActor &actor, const PromptTextCodec *codec,
                                  bool confirmProtected = false)
{
    PromptSeeder::Options options;
    options.codec = codec;
    options.actor = actor;
    options.confirmProtected = confirmProtected;
    options.update = update;
    options.dryRun = dryRun;
    options.changeNote
        = QStringLiteral("uaip-admin seed prompts%1 (%2)")
              .arg(update ? QStringLiteral(" --update") : QString(), file.displayName());
    return options;
}

} // namespace

PromptTransferActions::PromptTransferActions(PromptTaskRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_runner(runner)
    , m_dialogParent(dialogParent)
{ }

SeedPreviewDialog *PromptTransferActions::seedPreview() const
{
    return m_seedPreview.data();
}

void PromptTransferActions::importFile(const QString &path)
{
    const PromptActor actor = m_runner->actor();
    auto codec = m_runner->codec();
    m_runner->run(
        tr("Import %1 (dry run)").arg(path),
        [this, path, actor, codec](PgConnection &pg) -> PromptTask::Then {
            // Read and parsed once: the preview and the write use this file, never a re-read.
            auto file = std::make_shared<PromptSeedFile>();
            file->load(path);
            auto r = PromptImporter(pg, codec.get()).importSeedFile(*file, true, actor);
            return [this, r, path, file] {
                if (!r.ok()
                    && (r.error().code() == ErrorCode::Server
                        || r.error().code() == ErrorCode::Connection)) {
                    emit status(r.error().toString(), true);
                    emit importPlanned(false);
                    return;
                }
                PromptImportPlan plan = r.ok() ? r.value() : PromptImportPlan();
                if (plan.file.isEmpty())
                    plan.file = path;
                const QStringList problems = r.ok()
                    ? QStringList()
                    : r.error().toString().split(u'\n', Qt::SkipEmptyParts);
                auto *dialog = new ImportPreviewDialog(plan, problems, m_dialogParent);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &QDialog::accepted, this, [this, file] { runImport(file); });
                dialog->open();
                if (!r.ok())
                    emit status(r.error().toString(), true);
                emit importPlanned(r.ok());
            };
        },
        [this](const QString &) { emit importPlanned(false); });
}

void PromptTransferActions::runImport(std::shared_ptr<const PromptSeedFile> file)
{
    const PromptActor actor = m_runner->actor();
    auto codec = m_runner->codec();
    m_runner->run(
        tr("Import %1").arg(file->displayName()),
        [this, file, actor, codec](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptImporter(pg, codec.get()).importSeedFile(*file, false, actor);
            return [this, r] {
                using K = PromptImportItem::Kind;
                const QString message = r.ok()
                    ? tr("Imported %1: %2 new, %3 changed, %4 metadata only, %5 "
                         "unchanged.")
                          .arg(r.value().file)
                          .arg(r.value().count(K::New))
                          .arg(r.value().count(K::Changed))
                          .arg(r.value().count(K::MetadataChanged))
                          .arg(r.value().count(K::Unchanged))
                    : r.error().toString();
                emit status(message, !r.ok());
                emit written();
                emit importFinished(r.ok(), message);
            };
        },
        [this](const QString &why) { emit importFinished(false, why); });
}

void PromptTransferActions::exportTo(const QString &path, const QStringList &promptIds,
                                     bool decrypted)
{
    auto codec = m_runner->codec();
    m_runner->run(
        tr("Export to %1").arg(path),
        [this, path, promptIds, codec, decrypted](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptExporter(pg, codec.get()).exportFile(promptIds, decrypted, path);
            return [this, r, path] {
                const QString message = r.ok()
                    ? tr("Exported %n prompt(s) to %1.", nullptr, r.value()).arg(path)
                    : r.error().toString();
                emit status(message, !r.ok());
                emit exportFinished(r.ok(), message);
            };
        },
        [this](const QString &why) { emit exportFinished(false, why); });
}

void PromptTransferActions::seedFromFile(const QString &path, bool update)
{
    m_runner->run(
        tr("Seed prompts from %1 (dry run)").arg(path),
        [this, path, update, actor = m_runner->actor(),
         codec = m_runner->codec()](PgConnection &pg) -> PromptTask::Then {
            // Read and parsed once: the preview and the write use this file, never a re-read.
            auto file = std::make_shared<PromptSeedFile>();
            PromptSeedReport plan;
            QStringList problems;
            if (file->load(path)) {
                plan = PromptSeeder(pg).run(*file,
                                            seedOptions(*file, update, true, actor, codec.get()));
                if (!plan.ok())
                    problems = plan.message.split(u'\n', Qt::SkipEmptyParts);
            } else {
                problems = file->errors();
            }
            plan.file = file->displayName();
            plan.update = update;
            return [this, file, update, plan, problems] {
                if (m_seedPreview)
                    m_seedPreview->deleteLater();
                m_seedPreview = new SeedPreviewDialog(plan, problems, m_dialogParent);
                m_seedPreview->setAttribute(Qt::WA_DeleteOnClose);
                connect(m_seedPreview, &QDialog::accepted, this,
                        [this, file, update] { runSeed(file, update); });
                connect(m_seedPreview, &QDialog::rejected, this, [this] {
                    const QString message = tr("Seeding cancelled; nothing was written.");
                    emit status(message, false);
                    emit seedFinished(false, message);
                });
                m_seedPreview->open();
                if (!problems.isEmpty())
                    emit status(tr("%1 has %n problem(s); nothing was written.", nullptr,
                                   int(problems.size()))
                                    .arg(plan.file),
                                true);
                emit seedPlanned(problems.isEmpty());
            };
        },
        [this](const QString &) { emit seedPlanned(false); });
}

void PromptTransferActions::runSeed(std::shared_ptr<const PromptSeedFile> file, bool update,
                                    bool confirmed)
{
    const PromptActor actor = m_runner->actor();
    m_runner->run(
        tr("Seed prompts from %1").arg(file->displayName()),
        [this, file, update, confirmed, actor,
         codec = m_runner->codec()](PgConnection &pg) -> PromptTask::Then {
            const PromptSeedReport report = PromptSeeder(pg).run(
                *file, seedOptions(*file, update, false, actor, codec.get(), confirmed));
            const bool ok = report.ok();
            const bool needsConfirmation
                = report.outcome == PromptSeedReport::Outcome::NeedsConfirmation;
            using K = SeedAction::Kind;
            const QString p = QStringLiteral("prompt");
            const QString message = ok
                ? tr("Seeded from %1: %2 inserted, %3 new version(s), %4 metadata "
                     "update(s), %5 unchanged, %6 differ (left alone).")
                      .arg(file->displayName())
                      .arg(report.count(p, K::Insert))
                      .arg(report.count(p, K::NewVersion))
                      .arg(report.count(p, K::UpdateMetadata))
                      .arg(report.count(p, K::Unchanged))
                      .arg(report.count(p, K::Differs))
                : report.message + u'\n' + tr("Nothing was written (rolled back).");
            return [this, ok, message, needsConfirmation, file, update] {
                if (needsConfirmation) {
                    // A protected "production" moves: the typed database name on production
                    // profiles, at once on the others (as for a label move).
                    ProductionConfirmation::ask(
                        *m_runner, m_dialogParent, message,
                        [this, file, update] { runSeed(file, update, true); },
                        [this] {
                            const QString why = tr("Seeding cancelled; nothing was written.");
                            emit status(why, false);
                            emit seedFinished(false, why);
                        });
                    return;
                }
                emit status(message, !ok);
                emit written();
                emit seedFinished(ok, message);
            };
        },
        [this](const QString &why) { emit seedFinished(false, why); });
}

void PromptTransferActions::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        m_dialogParent, tr("Import prompts"), QString(), tr("Seed files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void PromptTransferActions::chooseExport(const QStringList &selected, bool encrypted)
{
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent,
        selected.isEmpty() ? tr("Export all prompts")
                           : tr("Export %n prompt(s)", nullptr, int(selected.size())),
        QStringLiteral("prompts.json"), tr("Seed files (*.json)"));
    if (path.isEmpty())
        return;
    // Encrypted texts leave in plain text only when asked for explicitly (and with the key).
    bool decrypted = false;
    if (encrypted) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Export prompts"),
            tr("The system prompts are encrypted at rest. Write them decrypted (plain text) "
               "into %1?")
                .arg(path),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        decrypted = true;
    }
    exportTo(path, selected, decrypted);
}

void PromptTransferActions::chooseSeed(bool update)
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Seed prompts"), QString(),
                                                      tr("Seed files (*.json);;All files (*)"));
    if (!path.isEmpty())
        seedFromFile(path, update);
}

} // namespace uaip
