// Fixture of boundary_refuses_transaction: the one place allowed.
constexpr char kCommit[] = "COMMIT";
