-- tst_schemadiff: the "after" database: before.sql with one change in each definition.
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';
ALTER TABLE orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 10);
CREATE INDEX orders_created_idx ON orders (created_at, id);
CREATE INDEX orders_big_idx ON orders (customer) WHERE amount > 200;
CREATE VIEW recent_orders AS
    SELECT id, customer, amount, status, created_at FROM orders
    WHERE created_at > '2026-11-22 08:30:00+00'::timestamptz;
CREATE VIEW todays_orders AS
    SELECT id, customer FROM orders WHERE created_at > 'now'::timestamptz - interval '1 day';
CREATE FUNCTION order_total(p_customer text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
BEGIN
    SELECT sum(amount) INTO total FROM orders WHERE customer = p_customer AND status <> 'void';
    RETURN coalesce(total, 0);
END
$$;
CREATE FUNCTION touch_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION touch_order();
