#include "demovocabulary.h"

namespace uaip {

namespace {

constexpr const char *kFirstNames[]
    = {"Ava",   "Noah",  "Lena",  "Omar",  "Sofia", "Kenji", "Zara",  "Lucas", "Ines", "Mateo",
       "Yara",  "Felix", "Nadia", "Arjun", "Chloe", "Diego", "Elif",  "Hugo",  "Maya", "Tariq",
       "Freya", "Ravi",  "Julia", "Kofi",  "Anya",  "Emil",  "Leila", "Oscar", "Sana", "Theo"};
constexpr const char *kLastNames[]
    = {"Chen",     "Garcia", "Novak",  "Haddad", "Rossi",    "Tanaka", "Okoye",   "Schmidt",
       "Silva",    "Kowal",  "Berg",   "Dubois", "Patel",    "Moreau", "Ibrahim", "Larsen",
       "Fischer",  "Santos", "Yilmaz", "Murphy", "Andersen", "Kim",    "Lopez",   "Mensah",
       "Nakamura", "Petrov", "Quinn",  "Reyes",  "Svensson", "Wright"};
constexpr const char *kDepartments[] = {"Engineering", "Product", "Operations", "Research",
                                        "Sales",       "Support", "Security",   "Finance"};
constexpr const char *kUserRoles[]
    = {"user", "user", "analyst", "developer", "manager", "operator"};
constexpr const char *kPersonaRoles[]
    = {"Research Analyst",   "Product Manager",   "Site Reliability Engineer",
       "UX Researcher",      "Data Scientist",    "Customer Advocate",
       "Legal Reviewer",     "Growth Marketer",   "QA Lead",
       "Solutions Engineer", "Financial Analyst", "Project Coordinator"};
constexpr const char *kTraits[]
    = {"curious",   "methodical", "candid",          "patient",  "pragmatic",  "creative",
       "skeptical", "supportive", "detail-oriented", "decisive", "diplomatic", "optimistic"};
constexpr const char *kExpertise[] = {"market research",
                                      "roadmapping",
                                      "incident response",
                                      "usability testing",
                                      "forecasting",
                                      "customer onboarding",
                                      "contract review",
                                      "experimentation",
                                      "test automation",
                                      "integration design",
                                      "budgeting",
                                      "scheduling",
                                      "SQL",
                                      "statistics",
                                      "observability",
                                      "copywriting"};
constexpr const char *kAgentCodenames[]
    = {"Atlas", "Beacon",  "Cipher", "Delta",    "Echo",   "Falcon", "Gemini", "Harbor", "Iris",
       "Juno",  "Kestrel", "Lumen",  "Meridian", "Nova",   "Orion",  "Pulse",  "Quill",  "Raven",
       "Sage",  "Tango",   "Umbra",  "Vega",     "Willow", "Xenon",  "Yarrow", "Zephyr"};
constexpr const char *kAgentRoles[] = {"assistant", "specialist", "coordinator", "analyst",
                                       "executor",  "monitor",    "assistant",   "specialist"};
constexpr const char *kCapabilities[]
    = {"code_generation", "summarization",      "web_research", "data_analysis",
       "planning",        "translation",        "reasoning",    "classification",
       "extraction",      "question_answering", "tool_use",     "reviewing"};
constexpr const char *kModels[]
    = {"claude-sonnet-4-5", "claude-haiku-4-5", "gpt-4o",        "gpt-4o-mini",
       "llama3.1:70b",      "mistral-large",    "gemini-1.5-pro"};
constexpr const char *kApiTypes[]
    = {"anthropic", "anthropic", "openai", "openai", "ollama", "custom", "google"};
constexpr const char *kTopics[] = {"Quarterly roadmap review",
                                   "Incident postmortem: checkout latency",
                                   "Onboarding flow redesign",
                                   "Pricing experiment results",
                                   "Data retention policy update",
                                   "Vendor evaluation for search",
                                   "Support backlog triage",
                                   "Security review of the tools API",
                                   "Migration to the new billing system",
                                   "Customer churn analysis",
                                   "Release readiness check",
                                   "Hiring plan for the platform team",
                                   "Knowledge base cleanup",
                                   "Capacity planning for peak season",
                                   "Accessibility audit findings",
                                   "Prompt quality regression",
                                   "Partner integration kickoff",
                                   "Cost optimisation of model usage",
                                   "Feature flag hygiene",
                                   "Annual compliance review"};
constexpr const char *kObjectives[]
    = {"Agree on scope",   "List open risks",  "Assign owners",   "Decide go or no-go",
       "Collect evidence", "Draft next steps", "Estimate effort", "Summarise findings"};
constexpr const char *kToolNames[]
    = {"web_search",    "http_fetch",      "sql_query",   "vector_search",  "send_email",
       "slack_message", "calendar_lookup", "file_reader", "pdf_extract",    "spreadsheet_writer",
       "code_runner",   "git_diff",        "jira_ticket", "translation",    "sentiment_score",
       "chart_render",  "ocr_scan",        "geo_lookup",  "currency_rates", "weather_report",
       "crm_lookup",    "webhook_trigger", "scheduler",   "audit_export"};
constexpr const char *kToolCategories[]
    = {"integration", "integration", "data",        "data",       "communication", "communication",
       "utility",     "data",        "data",        "automation", "system",        "system",
       "integration", "utility",     "analysis",    "analysis",   "analysis",      "utility",
       "data",        "utility",     "integration", "automation", "automation",    "system"};
constexpr const char *kQuestions[]
    = {"Which of my former managers should I ask for a reference for a staff engineer role?",
       "Summarise the verification status of reference REF-1042.",
       "Is this reference consistent with the employment dates on file?",
       "Draft a polite reference request for my previous team lead.",
       "What gaps remain in my reference coverage for a product role?",
       "Compare the three references and list where they disagree.",
       "Check whether the referee email domain matches the claimed employer.",
       "Give me a short report on the candidate for the hiring manager.",
       "Which references should be re-verified before the offer?",
       "Explain the risk factors found for this reference."};
constexpr const char *kChannels[] = {"web", "api", "slack", "teams"};
constexpr const char *kRegions[] = {"eu-west", "us-east", "ap-south", "sa-east"};
constexpr const char *kEnvironments[] = {"production", "staging", "development"};

} // namespace

DemoVocabulary::List DemoVocabulary::firstNames()
{
    return kFirstNames;
}
DemoVocabulary::List DemoVocabulary::lastNames()
{
    return kLastNames;
}
DemoVocabulary::List DemoVocabulary::departments()
{
    return kDepartments;
}
DemoVocabulary::List DemoVocabulary::userRoles()
{
    return kUserRoles;
}
DemoVocabulary::List DemoVocabulary::personaRoles()
{
    return kPersonaRoles;
}
DemoVocabulary::List DemoVocabulary::traits()
{
    return kTraits;
}
DemoVocabulary::List DemoVocabulary::expertise()
{
    return kExpertise;
}
DemoVocabulary::List DemoVocabulary::agentCodenames()
{
    return kAgentCodenames;
}
DemoVocabulary::List DemoVocabulary::agentRoles()
{
    return kAgentRoles;
}
DemoVocabulary::List DemoVocabulary::capabilities()
{
    return kCapabilities;
}
DemoVocabulary::List DemoVocabulary::models()
{
    return kModels;
}
DemoVocabulary::List DemoVocabulary::apiTypes()
{
    return kApiTypes;
}
DemoVocabulary::List DemoVocabulary::topics()
{
    return kTopics;
}
DemoVocabulary::List DemoVocabulary::objectives()
{
    return kObjectives;
}
DemoVocabulary::List DemoVocabulary::toolNames()
{
    return kToolNames;
}
DemoVocabulary::List DemoVocabulary::toolCategories()
{
    return kToolCategories;
}
DemoVocabulary::List DemoVocabulary::questions()
{
    return kQuestions;
}
DemoVocabulary::List DemoVocabulary::channels()
{
    return kChannels;
}
DemoVocabulary::List DemoVocabulary::regions()
{
    return kRegions;
}
DemoVocabulary::List DemoVocabulary::environments()
{
    return kEnvironments;
}

static_assert(std::size(kModels) == std::size(kApiTypes));
static_assert(std::size(kToolNames) == std::size(kToolCategories));

} // namespace uaip
