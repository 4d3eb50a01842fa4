"""The composer's web layer: pages, JSON API, forms, security and error handling as blueprints."""
