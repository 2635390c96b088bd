#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// One entry of the "personas" array of a seed file, validated. Inserted by name when no
// persona of that name exists.
struct PersonaSeed
{
    int index = -1; // position in the file's "personas" array
    QString name;
    QString role;
    QString description;
    QString background;
    QString systemPrompt;
    QStringList traits;
    QStringList expertise;
    QString tone; // personas_tone_enum, empty = NULL
    QString style; // personas_style_enum, empty = NULL
    QString energyLevel; // personas_energy_level_enum, empty = NULL
    std::optional<double> chattiness; // 0..1
    std::optional<double> empathyLevel; // 0..1
    QString status = QStringLiteral("active");
    QString visibility = QStringLiteral("public");
    QStringList tags;

    // "personas[3] (Tomasz Nowak)"
    QString label() const { return QStringLiteral("personas[%1] (%2)").arg(index).arg(name); }
};

} // namespace uaip
