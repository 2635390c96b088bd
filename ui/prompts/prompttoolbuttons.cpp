#include "prompttoolbuttons.h"

#include "promptencryptionactions.h"
#include "promptkeyfiles.h"
#include "promptlistpanel.h"
#include "prompts/promptseedfile.h"
#include "prompts/prompttextcodec.h"
#include "prompttaskrunner.h"
#include "prompttransferactions.h"
#include "promptwriteaccess.h"

#include <QMenu>
#include <QPushButton>

namespace uaip {

PromptToolButtons::PromptToolButtons(PromptTaskRunner *runner, PromptListPanel *bar,
                                     PromptTransferActions *transfer,
                                     PromptEncryptionActions *encryption, PromptKeyFiles *keyFiles,
                                     QWidget *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_bar(bar)
    , m_transfer(transfer)
    , m_encryption(encryption)
    , m_keyFiles(keyFiles)
    , m_refresh(new QPushButton(tr("Refresh"), parent))
    , m_import(new QPushButton(tr("Import…"), parent))
    , m_export(new QPushButton(tr("Export…"), parent))
    , m_seed(new QPushButton(tr("Seed"), parent))
    , m_encrypt(new QPushButton(tr("Encryption"), parent))
{
    buildMenus();
    for (QPushButton *b : {m_refresh, m_import, m_export, m_seed, m_encrypt})
        m_bar->addToolWidget(b);
    connect(m_refresh, &QPushButton::clicked, this, &PromptToolButtons::refreshRequested);
    connect(m_import, &QPushButton::clicked, m_transfer, &PromptTransferActions::chooseImport);
    connect(m_export, &QPushButton::clicked, this, &PromptToolButtons::exportSelected);
}

void PromptToolButtons::buildMenus()
{
    auto *seedMenu = new QMenu(m_seed);
    seedMenu->addAction(tr("Seed the bundled prompts…"), this,
                        [this] { m_transfer->seedFromFile(PromptSeedFile::bundledPath(), false); });
    seedMenu->addAction(tr("Seed from file…"), this, [this] { m_transfer->chooseSeed(false); });
    seedMenu->addAction(tr("Update from file (new versions)…"), this,
                        [this] { m_transfer->chooseSeed(true); });
    m_seed->setMenu(seedMenu);
    auto *encryptMenu = new QMenu(m_encrypt);
    encryptMenu->addAction(tr("Enable encryption at rest…"), m_encryption,
                           &PromptEncryptionActions::chooseEnable);
    encryptMenu->addAction(tr("Disable encryption at rest"), this,
                           [this] { m_encryption->disable(); });
    encryptMenu->addSeparator();
    encryptMenu->addAction(tr("Export key…"), m_keyFiles, &PromptKeyFiles::chooseKeyExport);
    encryptMenu->addAction(tr("Import key…"), m_keyFiles, &PromptKeyFiles::chooseKeyImport);
    encryptMenu->addAction(tr("Rotate key…"), m_encryption, &PromptEncryptionActions::chooseRotate);
    m_encrypt->setMenu(encryptMenu);
}

void PromptToolButtons::exportSelected()
{
    m_transfer->chooseExport(m_bar->selectedPromptIds(),
                             m_encryption->hasEncryptedTexts() && m_runner->codec()
                                 && m_runner->codec()->lockReason().isEmpty());
}

void PromptToolButtons::setWritable(const PromptWriteAccess &access)
{
    for (QPushButton *b : {m_import, m_seed}) {
        b->setEnabled(access.writable);
        b->setToolTip(access.writable ? QString() : access.why);
    }
    m_export->setEnabled(access.connected);
    m_refresh->setEnabled(access.connected);
    m_encrypt->setEnabled(access.writable);
    m_encrypt->setToolTip(access.writable ? QString() : access.why);
}

} // namespace uaip
