// Fixture of boundary_refuses_transaction: ui/ too.
void View::start()
{
    m_pg.exec(QStringLiteral("START TRANSACTION"));
}
