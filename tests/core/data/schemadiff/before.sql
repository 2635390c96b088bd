-- tst_schemadiff: the "before" database. after.sql changes one thing in each definition.
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
ALTER TABLE orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 0);
CREATE INDEX orders_created_idx ON orders (created_at);
CREATE INDEX orders_big_idx ON orders (customer) WHERE amount > 100;
CREATE VIEW recent_orders AS
    SELECT id, customer, amount, status, created_at FROM orders
    WHERE created_at > '2024-01-31 12:00:00+00'::timestamptz;
-- 'now' is read once, when the view is created: the view keeps that moment as a literal.
CREATE VIEW todays_orders AS
    SELECT id, customer FROM orders WHERE created_at > 'now'::timestamptz - interval '1 day';
CREATE FUNCTION order_total(p_customer text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
BEGIN
    SELECT sum(amount) INTO total FROM orders WHERE customer = p_customer;
    RETURN coalesce(total, 0);
END
$$;
CREATE FUNCTION touch_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch_order();
