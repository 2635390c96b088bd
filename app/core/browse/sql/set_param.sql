-- Binds a filter value for COPY (which takes no parameters): the value travels as a bound
-- parameter into a transaction-local setting that the COPY query reads back.
SELECT set_config($1, $2, true)
