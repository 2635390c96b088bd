#include "cliapplication.h"
#include "i18n/translations.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char *argv[])
{
    // A closed pipe (uaip-migrate up | head) must not kill a run between a migration's
    // statements and its ledger row: writes to it fail instead, and the run goes on.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("uaip-migrate"));
    QCoreApplication::setOrganizationName(QStringLiteral("uaip-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UAIP_VERSION));
    // The system's language (LANG, LC_ALL, LC_MESSAGES) unless UAIP_LANG names one.
    uaip::Translations::install(uaip::Translations::choose());
    return uaip::CliApplication().run(QCoreApplication::arguments());
}
