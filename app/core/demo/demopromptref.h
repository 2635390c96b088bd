#pragma once

#include <QByteArray>

namespace uaip {

// An ai_prompts row the demo AI sessions can point at (read from the database before the load).
struct DemoPromptRef
{
    QByteArray id; // uuid text
    QByteArray promptType; // ai_prompts_prompt_type_enum label
    QByteArray model; // model_preference
};

} // namespace uaip
