-- Review requests are kept per marketplace: each marketplace has its own one-request rule,
-- and its own order-ID format, so the key becomes (marketplace, order_id) and the order-ID
-- check here is only a sanity check (the format itself is the marketplace's data, checked
-- by the app). Every row recorded before this step came from the composer's only
-- marketplace at the time, Amazon: they keep their id, template and date.
CREATE TABLE review_request_by_marketplace (
    id           INTEGER PRIMARY KEY,
    marketplace  TEXT NOT NULL
                 CHECK (length(marketplace) BETWEEN 1 AND 32 AND marketplace NOT GLOB '*[^a-z0-9_]*'),
    order_id     TEXT NOT NULL
                 CHECK (length(order_id) BETWEEN 5 AND 40 AND order_id NOT GLOB '*[^0-9A-Za-z-]*'),
    template     TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
    requested_on TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    UNIQUE (marketplace, order_id)
);
INSERT INTO review_request_by_marketplace (id, marketplace, order_id, template, requested_on)
    SELECT id, 'amazon', order_id, template, requested_on FROM review_request;
DROP TABLE review_request;
ALTER TABLE review_request_by_marketplace RENAME TO review_request;
CREATE INDEX review_request_by_date ON review_request (requested_on DESC, id DESC);
