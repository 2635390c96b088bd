#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace uaip {

class ImportPreviewDialog;
class PromptSeedFile;
class PromptTaskRunner;
class SeedPreviewDialog;

// Import, export and seeding of the Prompts view. Import and seeding each show their dry run
// first (ImportPreviewDialog / SeedPreviewDialog: what would be written, or every problem of
// the file) and write only when it is confirmed; cancelled, nothing is written. The file is
// read and parsed once, for the dry run: what is written is what was previewed, whatever
// happens to the file meanwhile. Seeding does
// what `uaip-migrate seed prompts [--update]` does (PromptSeeder, one transaction).
class PromptTransferActions : public QObject
{
    Q_OBJECT
public:
    PromptTransferActions(PromptTaskRunner *runner, QWidget *dialogParent);

    void importFile(const QString &path); // dry run, then the preview dialog
    // empty promptIds: all. decrypted: encrypted texts in plain text (needs the key).
    void exportTo(const QString &path, const QStringList &promptIds, bool decrypted);
    void seedFromFile(const QString &path, bool update); // dry run, then the preview dialog

    void chooseImport();
    // selected: the prompts selected in the list (empty: all); encrypted: whether the
    // database holds encrypted texts (asks before writing them decrypted).
    void chooseExport(const QStringList &selected, bool encrypted);
    void chooseSeed(bool update);

    SeedPreviewDialog *seedPreview() const; // the last dry run's dialog while it is open

signals:
    void status(const QString &text, bool error);
    void written(); // prompts changed: list and detail read again
    void importPlanned(bool ok);
    void importFinished(bool ok, const QString &message);
    void exportFinished(bool ok, const QString &message);
    void seedPlanned(bool ok);
    void seedFinished(bool ok, const QString &message);

private:
    // The file parsed for the dry run, written as it was previewed (never read again).
    void runImport(std::shared_ptr<const PromptSeedFile> file);
    void runSeed(std::shared_ptr<const PromptSeedFile> file, bool update, bool confirmed = false);

    PromptTaskRunner *m_runner;
    QWidget *m_dialogParent;
    QPointer<SeedPreviewDialog> m_seedPreview;
};

} // namespace uaip
