#pragma once

#include "prompterror.h"

namespace uaip {

class PgConnection;

// BEGIN ... COMMIT for one prompt write; rolled back when it goes out of scope uncommitted.
// (To be replaced by the connection layer's transaction guard once it lands.)
class PromptTransaction
{
public:
    explicit PromptTransaction(PgConnection &connection);
    ~PromptTransaction();
    PromptTransaction(const PromptTransaction &) = delete;
    PromptTransaction &operator=(const PromptTransaction &) = delete;

    PromptError begin();
    // COMMIT with its command status checked ("COMMIT", not "ROLLBACK" after an error).
    PromptError commit();
    void rollback();

private:
    PgConnection &m_connection;
    bool m_open = false;
};

} // namespace uaip
