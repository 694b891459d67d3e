"""Use cases over the store: each call opens its own connection/transaction on its own thread
and returns plain values (frozen dataclasses, tuples), never ORM objects."""
