#include "sandboxtool.h"
#include "sandboxserveruser.h"

#include "processrun.h"
#include "sandbox.h"

#include <QProcessEnvironment>

#include <unistd.h>

namespace uaip {

Result<QString> SandboxTool::run(const QString &bin, const QString &tool, const QStringList &args,
                                 int timeoutMs, const QByteArray &input,
                                 SessionCanceller *canceller, const std::atomic_bool *cancelled)
{
    const auto fail = [&tool](const QString &text, const QString &output) {
        return Error(ErrorCode::Io, text,
                     {{QStringLiteral("tool"), tool}, {QStringLiteral("output"), output}});
    };
    if (bin.isEmpty())
        return fail(tr("PostgreSQL server binaries not found (pg_config --bindir, "
                       "/usr/lib/postgresql/*/bin); install the postgresql package"),
                    QString());
    // As root through runuser, which passes a signal on to the tool; the run's own process
    // group takes the cancel's to both.
    ProcessRun p(::geteuid() == 0 ? QStringLiteral("runuser") : bin + u'/' + tool,
                 ::geteuid() == 0 ? QStringList{QStringLiteral("-u"), SandboxServerUser::name(),
                                                QStringLiteral("--"), bin + u'/' + tool}
                         + args
                                  : args,
                 tool);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.setMergedChannels(true);
    p.setOwnProcessGroup(true);
    p.setInput(input);
    p.setCanceller(canceller, cancelled);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys())
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    p.setEnvironment(env.toStringList());
    if (const Status started = p.start(); !started)
        return fail(tr("cannot run %1: %2")
                        .arg(tool, started.error().arg(QStringLiteral("why")).toString()),
                    QString());
    const Result<ProcessRun::Exit> ran = p.wait(timeoutMs);
    if (!ran && ran.error().code() == ErrorCode::Cancelled)
        return ran.error().with(QStringLiteral("tool"), tool);
    if (!ran)
        return fail(ran.error().text(), ran.error().arg(QStringLiteral("output")).toString());
    const QString output = QString::fromLocal8Bit(ran->output).trimmed();
    if (!ran->ok())
        return fail(output, output).with(QStringLiteral("exit"), ran->code);
    return output;
}

} // namespace uaip
