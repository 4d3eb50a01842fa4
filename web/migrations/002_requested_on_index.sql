-- The history page lists the newest requests first.
CREATE INDEX review_request_by_date ON review_request (requested_on DESC, id DESC);
