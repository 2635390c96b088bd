#include "passphrasereader.h"

#include "clicontext.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace uaip {

std::optional<QString> PassphraseReader::askHidden(const QString &prompt)
{
    QTextStream err(stderr);
    err << prompt << Qt::flush;
    termios old{};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char buffer[1024];
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err << "\n" << Qt::flush;
    if (!got)
        return std::nullopt;
    QString s = QString::fromUtf8(buffer);
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    while (s.endsWith(u'\n') || s.endsWith(u'\r'))
        s.chop(1);
    return s;
}

std::optional<QString> PassphraseReader::read(CliContext &ctx, const QString &keyFile, bool confirm)
{
    const QString path = ctx.parser().value(QStringLiteral("passphrase-file"));
    if (!path.isEmpty()) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.fail(
                2,
                CliContext::fileError(
                    path, tr("cannot read the passphrase file %1: %2").arg(path, f.errorString())));
            return std::nullopt;
        }
        QString s = QString::fromUtf8(f.readLine());
        while (s.endsWith(u'\n') || s.endsWith(u'\r'))
            s.chop(1);
        if (s.isEmpty()) {
            ctx.fail(2,
                     Error(ErrorCode::BadInput, tr("the passphrase file %1 is empty").arg(path),
                           {{QStringLiteral("path"), path}}));
            return std::nullopt;
        }
        return s;
    }
    if (!isatty(STDIN_FILENO)) {
        ctx.fail(2,
                 Error(ErrorCode::BadInput,
                       tr("the key file %1 needs a passphrase: pass --passphrase-file F, or "
                          "run it on a terminal to be asked (never as an argument)")
                           .arg(keyFile),
                       {{QStringLiteral("option"), QStringLiteral("passphrase-file")},
                        {QStringLiteral("path"), keyFile}}));
        return std::nullopt;
    }
    const auto first = askHidden(tr("Passphrase for the key file %1: ").arg(keyFile));
    const auto second = first && confirm ? askHidden(tr("Repeat it: ")) : first;
    if (!first || !second || first->isEmpty()) {
        ctx.fail(2, Error(ErrorCode::BadInput, tr("no passphrase entered")));
        return std::nullopt;
    }
    if (*first != *second) {
        ctx.fail(2, Error(ErrorCode::BadInput, tr("the two passphrases differ")));
        return std::nullopt;
    }
    return first;
}

} // namespace uaip
