#pragma once

#include "db/connectionprofile.h"
#include "drift/driftmigration.h"
#include "forecast/planforecast.h"
#include "indexadvice/indexmigration.h"
#include "ledger/lockholder.h"
#include "lint/rollbackimpact.h"
#include "lint/validationproblem.h"
#include "online/onlinechangepair.h"
#include "onlinechangerequest.h"

#include <QString>

#include <optional>

class QWidget;

namespace uaip {

// The questions the migrations view asks a human. The view never opens a dialog itself, so
// tests can answer (see DialogConfirmer for the real dialogs).
class Confirmer
{
public:
    virtual ~Confirmer() = default;

    // Before a rollback: shows what it would destroy. On a production profile the user must
    // type the database name. True: go ahead.
    virtual bool confirmRollback(QWidget *parent, const QString &what, const RollbackImpact &impact,
                                 const ConnectionProfile &profile, const QString &database)
        = 0;
    // Before an apply: what it would lock on the live database (ApplyForecastJob), and what
    // the run would refuse. True: go ahead. The default (tests): go ahead unless refused.
    virtual bool confirmApply(QWidget *, const PlanForecast &,
                              const QList<ValidationProblem> &refused)
    {
        return refused.isEmpty();
    }
    // Another session holds the migration lock. True: wait longer and retry; false: give up.
    virtual bool waitForLock(QWidget *parent, const LockHolder &holder, int waitedMs) = 0;
    // Where to write the backup taken before applying to a production profile; empty: don't
    // apply.
    virtual QString chooseBackupFile(QWidget *parent, const QString &suggested) = 0;
    // A read-only text: the SQL plan of a dry run (sql true) or a report.
    virtual void showText(QWidget *parent, const QString &title, const QString &text, bool sql) = 0;
    // The name of a migration to generate from the target's drift; empty: don't (the
    // default: nothing is generated without a name).
    virtual QString askMigrationName(QWidget *) { return QString(); }
    // A migration generated from drift and proved: what to do with it.
    enum class GeneratedChoice {
        Discard,
        Write, // write the folder
        WriteAndRecord, // write it, and record it as applied on the target (it has the schema)
    };
    // canRecord false (a read-only profile): WriteAndRecord is not offered.
    // The default: nothing is written without a human's review.
    virtual GeneratedChoice reviewGenerated(QWidget *, const DriftMigration &, const QString &,
                                            const QString &, bool)
    {
        return GeneratedChoice::Discard;
    }
    // A migrations folder to read instead of the current one (current); empty: keep it. The
    // default: keep it.
    virtual QString chooseMigrationsDir(QWidget *, const QString &) { return QString(); }
    // An index action made a migration and proved (the Health view's "Create as migration"):
    // true writes it to folder. The default: nothing is written without a human's review.
    virtual bool reviewIndexMigration(QWidget *, const IndexMigration &, const QString &)
    {
        return false;
    }
    // "New Online Change...": the name and the statement; nullopt: don't (the default).
    virtual std::optional<OnlineChangeRequest> askOnlineChange(QWidget *) { return std::nullopt; }
    // An online change proved on the sandbox: true writes its folders into dir. The default:
    // nothing is written without a human's review.
    virtual bool reviewOnlineChange(QWidget *, const OnlineChangePair &, const QString &)
    {
        return false;
    }
    // The target changed while a question was open: close it (answered "no").
    virtual void dismiss() { }
};

} // namespace uaip
