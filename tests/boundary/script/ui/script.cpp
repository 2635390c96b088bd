// A product file that sends a script of several statements: refused too. Never compiled.
void run(uaip::PgConnection &c)
{
    c.execScript("CREATE TABLE a (); DROP TABLE b");
}
