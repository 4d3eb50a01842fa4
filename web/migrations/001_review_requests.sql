-- One row per order that a review request was copied for. Amazon allows one
-- request per order, so order_id is UNIQUE: two tabs copying at once record one row.
-- Only the order ID, the template id and the date are kept: never message text or buyer names.
CREATE TABLE review_request (
    id           INTEGER PRIMARY KEY,
    order_id     TEXT NOT NULL UNIQUE
                 CHECK (order_id GLOB '[0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    template     TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
    requested_on TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
