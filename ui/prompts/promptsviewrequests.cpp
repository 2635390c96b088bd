// PromptsView: what it hands to its action objects (label moves, transfers, encryption and
// keys), and the parts of it that tests and the main window read.
#include "promptsview.h"

#include "promptencryptionactions.h"
#include "promptlabelactions.h"
#include "promptlistmodel.h"
#include "promptlistpanel.h"
#include "promptsaveflow.h"
#include "prompttaskrunner.h"
#include "prompttransferactions.h"
#include "reviewchangesdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace uaip {

std::shared_ptr<const PromptTextCodec> PromptsView::codec() const
{
    return m_runner->codec();
}

PromptListModel *PromptsView::model() const
{
    return m_listPanel->model();
}

QTableView *PromptsView::list() const
{
    return m_listPanel->table();
}

QLineEdit *PromptsView::searchEdit() const
{
    return m_listPanel->searchEdit();
}

QComboBox *PromptsView::periodBox() const
{
    return m_listPanel->periodBox();
}

ReviewChangesDialog *PromptsView::reviewDialog() const
{
    return m_saveFlow->reviewDialog();
}

SeedPreviewDialog *PromptsView::seedPreviewDialog() const
{
    return m_transfer->seedPreview();
}

QString PromptsView::statusText() const
{
    return m_status->text();
}

QString PromptsView::readOnlyReason() const
{
    return m_runner->readOnlyReason();
}

QString PromptsView::encryptionText() const
{
    return m_encryption->text();
}

bool PromptsView::isBusy() const
{
    return m_runner->isBusy();
}

void PromptsView::requestLabelMove(const QString &label, int version)
{
    m_labelActions->requestMove(m_currentId, label, version);
}

void PromptsView::importFile(const QString &path)
{
    m_transfer->importFile(path);
}

void PromptsView::exportTo(const QString &path, const QStringList &promptIds, bool decrypted)
{
    m_transfer->exportTo(path, promptIds, decrypted);
}

void PromptsView::seedFromFile(const QString &path, bool update)
{
    m_transfer->seedFromFile(path, update);
}

void PromptsView::enableEncryption(const QString &backupPath, const QString &passphrase)
{
    m_encryptionActions->enable(backupPath, passphrase);
}

void PromptsView::rotateKey(const QString &backupPath, const QString &passphrase)
{
    m_encryptionActions->rotate(backupPath, passphrase);
}

void PromptsView::disableEncryption()
{
    m_encryptionActions->disable();
}

void PromptsView::exportKey(const QString &path, const QString &passphrase)
{
    m_encryptionActions->exportKey(path, passphrase);
}

void PromptsView::importKey(const QString &path, const QString &passphrase)
{
    m_encryptionActions->importKey(path, passphrase);
}

void PromptsView::setKeychainService(const QString &service)
{
    m_encryptionActions->setKeychainService(service);
}

} // namespace uaip
