#include "cliapplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("uaip-migrate"));
    QCoreApplication::setOrganizationName(QStringLiteral("uaip-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UAIP_VERSION));
    return uaip::CliApplication().run(QCoreApplication::arguments());
}
