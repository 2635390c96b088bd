#include "sandboxtool.h"

#include "sandbox.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <unistd.h>

namespace uaip {

Result<QString> SandboxTool::run(const QString &tool, const QStringList &args, int timeoutMs,
                                 const QByteArray &input)
{
    const auto fail = [&tool](const QString &text, const QString &output) {
        return Error(ErrorCode::Io, text,
                     {{QStringLiteral("tool"), tool}, {QStringLiteral("output"), output}});
    };
    const QString bin = Sandbox::serverBinDir();
    if (bin.isEmpty())
        return fail(tr("PostgreSQL server binaries not found (pg_config --bindir, "
                       "/usr/lib/postgresql/*/bin); install the postgresql package"),
                    QString());
    QProcess p;
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys())
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    p.setProcessEnvironment(env);
    if (::geteuid() == 0)
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), Sandbox::serverUser(), QStringLiteral("--"),
                            bin + u'/' + tool}
                    + args);
    else
        p.start(bin + u'/' + tool, args);
    if (!p.waitForStarted(10000))
        return fail(tr("cannot run %1: %2").arg(tool, p.errorString()), QString());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    const QString output = QString::fromLocal8Bit(p.readAll()).trimmed();
    if (!finished) {
        p.kill();
        p.waitForFinished(2000);
        return fail(tr("%1 did not finish within %2 s").arg(tool).arg(timeoutMs / 1000), output);
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(output, output);
    return output;
}

} // namespace uaip
