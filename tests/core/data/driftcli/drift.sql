-- tst_uaipmigrateverify: the view re-created by hand on the target with another date.
CREATE OR REPLACE VIEW recent_posts AS
    SELECT id, author, title, body, published_on FROM posts
    WHERE published_on > '2026-11-22'::date;
