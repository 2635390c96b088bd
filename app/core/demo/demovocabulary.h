#pragma once

#include <span>

namespace uaip {

// Word lists the demo data is made of. ASCII only, and no quotes, backslashes or commas
// inside items, so they can go into JSON and array literals without escaping.
class DemoVocabulary
{
public:
    using List = std::span<const char *const>;

    static List firstNames();
    static List lastNames();
    static List departments();
    static List userRoles();
    static List personaRoles();
    static List traits();
    static List expertise();
    static List agentCodenames();
    static List agentRoles(); // agents_role_enum
    static List capabilities();
    static List models(); // model ids
    static List apiTypes(); // llm_provider_type of models() at the same index
    static List topics();
    static List objectives();
    static List toolNames();
    static List toolCategories(); // tool_definitions_category_enum of toolNames() at the same index
    static List questions();
    static List channels();
    static List regions();
    static List environments();
};

} // namespace uaip
