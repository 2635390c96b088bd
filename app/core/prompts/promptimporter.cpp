#include "promptimporter.h"

#include "db/pgconnection.h"
#include "promptaudit.h"
#include "promptseeder.h"
#include "promptseedfile.h"
#include "promptsql.h"
#include "prompttextcodec.h"

#include <QHash>

namespace uaip {

namespace {

// What the import does with a prompt, from the seeder's action.
PromptImportItem importItem(const SeedAction &a)
{
    PromptImportItem item;
    item.promptId = a.key;
    item.fromVersion = a.fromVersion;
    item.toVersion = a.toVersion;
    item.changedFields = a.changedFields;
    switch (a.kind) {
    case SeedAction::Kind::Insert:
        item.kind = PromptImportItem::Kind::New;
        break;
    case SeedAction::Kind::NewVersion:
        item.kind = PromptImportItem::Kind::Changed;
        break;
    case SeedAction::Kind::UpdateMetadata:
        item.kind = PromptImportItem::Kind::MetadataChanged;
        break;
    default:
        item.kind = PromptImportItem::Kind::Unchanged;
    }
    return item;
}

} // namespace

PromptImporter::PromptImporter(PgConnection &connection, const PromptTextCodec *codec)
    : m_connection(connection)
    , m_codec(codec)
{ }

Result<PromptImportPlan> PromptImporter::importFile(const QString &path, bool dryRun,
                                                    const PromptActor &actor)
{
    PromptSeedFile file;
    file.load(path); // refuses a file over PromptSeedFile::kMaxFileBytes without reading it
    return importSeedFile(file, dryRun, actor);
}

Result<PromptImportPlan> PromptImporter::importJson(const QByteArray &json,
                                                    const QString &displayName, bool dryRun,
                                                    const PromptActor &actor)
{
    PromptSeedFile file;
    file.parse(json, displayName);
    return importSeedFile(file, dryRun, actor);
}

Result<PromptImportPlan> PromptImporter::importSeedFile(const PromptSeedFile &file, bool dryRun,
                                                        const PromptActor &actor)
{
    if (!file.ok())
        return Error(ErrorCode::BadInput, file.errorText());
    const QString displayName = file.displayName();

    QHash<QString, const PromptSeed *> seeds;
    for (const PromptSeed &s : file.prompts())
        seeds.insert(s.promptId, &s);
    PromptSeeder::Options options;
    options.update = true;
    options.dryRun = dryRun;
    // A change note is stored in the database for every reader: not translated.
    options.changeNote = QStringLiteral("imported from %1").arg(displayName);
    // The seeder writes the audit rows: ai_prompt.import per prompt, persona.import per persona.
    options.reason = QStringLiteral("import");
    options.actor = actor;
    options.codec = m_codec;
    options.checkPlan = [&](const PromptSeedReport &plan) {
        return protectedProblems(plan, seeds, displayName, actor);
    };
    const PromptSeedReport report = PromptSeeder(m_connection).run(file, options);
    if (report.outcome == PromptSeedReport::Outcome::NeedsConfirmation)
        return Error(ErrorCode::BadInput, report.message); // the import's plan check asks first
    if (!report.ok())
        return report.error;
    PromptImportPlan out;
    out.file = displayName;
    out.dryRun = dryRun;
    for (const SeedAction &a : report.actions) {
        if (a.entity == QLatin1String("persona") && a.kind == SeedAction::Kind::Insert)
            out.newPersonas << a.key;
        if (a.entity != QLatin1String("prompt"))
            continue;
        out.items << importItem(a);
    }
    return out;
}

QStringList PromptImporter::protectedProblems(const PromptSeedReport &plan,
                                              const QHash<QString, const PromptSeed *> &seeds,
                                              const QString &displayName, const PromptActor &actor)
{
    QStringList problems;
    PromptAudit audit(m_connection);
    if (auto who = audit.setSessionActor(actor, QStringLiteral("import")); !who.ok())
        return QStringList{who.error().toString()};
    PgResult r
        = m_connection.exec(PromptSql::get("import_targets"), {PromptSql::textArray(seeds.keys())});
    if (!r.ok())
        return QStringList{r.error().toString()};
    QHash<QString, int> row;
    for (int i = 0; i < r.rows(); ++i)
        row.insert(r.value(i, "prompt_id"), i);
    for (const SeedAction &a : plan.actions) {
        if (a.entity != QLatin1String("prompt") || !a.writes() || !row.contains(a.key))
            continue;
        const int i = row.value(a.key);
        const QString where
            = QStringLiteral("%1: %2").arg(displayName, seeds.value(a.key)->label());
        // Encrypted targets need no rule here: the seeder compared them decrypted and
        // seals what it writes.
        if (a.kind == SeedAction::Kind::NewVersion && r.value(i, "is_active") == u't'
            && r.value(i, "production_protected") == u't')
            problems << tr("%1: a new version %2 would move the protected label "
                           "\"production\" (now on version %3)")
                            .arg(where)
                            .arg(a.toVersion)
                            .arg(a.fromVersion);
    }
    return problems;
}

} // namespace uaip
