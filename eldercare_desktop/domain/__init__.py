"""Pure domain objects: no Qt, no SQLAlchemy, only the standard library."""
