CREATE TABLE posts (
    id bigint PRIMARY KEY,
    author text NOT NULL,
    title text NOT NULL,
    body text,
    published_on date NOT NULL
);
CREATE VIEW recent_posts AS
    SELECT id, author, title, body, published_on FROM posts
    WHERE published_on > '2024-01-31'::date;
