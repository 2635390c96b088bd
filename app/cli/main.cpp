#include "cliapplication.h"
#include "i18n/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("uaip-migrate"));
    QCoreApplication::setOrganizationName(QStringLiteral("uaip-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UAIP_VERSION));
    // The system's language (LANG, LC_ALL, LC_MESSAGES) unless UAIP_LANG names one.
    uaip::Translations::install(uaip::Translations::choose());
    return uaip::CliApplication().run(QCoreApplication::arguments());
}
