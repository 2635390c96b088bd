// Fixture of boundary_refuses_transaction: nothing here may be named.
// c.exec("BEGIN") in a comment
void g(PgConnection &c)
{
    c.exec(Transaction::beginCommand()); // not "COMMIT" here either
    report(tr("COMMIT failed: %1"));
    c.exec("SELECT 'BEGIN'");
}
void k(PgConnection &c)
{
    c.exec("SELECT 'begin'"); /* "COMMIT" in a comment */
    const QString word = QStringLiteral("beginning");
    const QString ends = QStringLiteral("endpoint");
    const QString release = QStringLiteral("Release");
    const QString option = QStringLiteral("--end-time");
    button(tr("Commit"), tr("Rollback preview"));
    c.exec(QByteArray("ROLL") + "BACK"); // run time: not seen (see the check's comment)
    c.exec("\\x43OMMIT"); // a backslash, then x43
    button(QCoreApplication::translate("Demo", "Rollback"), QT_TR_NOOP("Begin"));
    button(QObject::tr("Commit"));
    report(tr("apply, rollback, then baseline")); // a comma is no ";"
    // clang-format off
    report(QObject::tr(
        "apply: applied; rollback: rolled back")); // prose in tr( of the line before
    // clang-format on
}
