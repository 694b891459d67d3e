"""Freeing big containers a slice at a time (bulk.release_gradually): everything in them is
freed, nothing else is touched."""

import gc
import time
import weakref

from eldercare_desktop.bulk import gc_paused, release_gradually, release_in_background


class Row:
    pass


def test_a_list_is_emptied_and_its_rows_freed():
    rows = [Row() for _ in range(5001)]
    refs = [weakref.ref(r) for r in rows]
    release_gradually(rows, chunk=1000)
    assert rows == []
    assert all(ref() is None for ref in refs)


def test_a_dict_is_emptied_and_its_values_freed():
    table = {i: Row() for i in range(2500)}
    refs = [weakref.ref(r) for r in table.values()]
    release_gradually(table, chunk=1000)
    assert table == {}
    assert all(ref() is None for ref in refs)


def test_rows_someone_else_still_holds_survive():
    kept = Row()
    rows = [kept, Row()]
    release_gradually(list(rows))
    assert rows[0] is kept and len(rows) == 2


def test_release_in_background_empties_every_container():
    a, b = [Row() for _ in range(3000)], {i: Row() for i in range(3000)}
    release_in_background(a, b)
    deadline = time.monotonic() + 10
    while (a or b) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert a == [] and b == {}


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pauses_in_two_threads_end_together():
    """The collector resumes only when the last pause ends, whatever the interleaving."""
    import threading

    inside, leave_b = threading.Event(), threading.Event()

    def b():
        with gc_paused():
            inside.set()
            leave_b.wait(10)

    other = threading.Thread(target=b)
    with gc_paused():
        other.start()
        inside.wait(10)
    assert not gc.isenabled()          # a has ended, b still builds
    leave_b.set()
    other.join(10)
    assert gc.isenabled()
