"""The newest schema revision, in a module of its own (no SQLAlchemy, no Alembic) so that the
start-up read can check a database file against it before either is loaded."""

# The newest migration in db/versions. A test keeps it equal to Alembic's own head, so a new
# migration cannot be forgotten here.
HEAD_REVISION = "0003"
