import os

import pytest

from explainer.workers import can_fork, run_shared

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


def share(number: int, count: int) -> tuple[int, int, int]:
    return number, count, os.getpid()


def test_every_share_runs_once_in_order_share_0_here() -> None:
    results = run_shared(share, 3)
    assert [(n, c) for n, c, _ in results] == [(0, 3), (1, 3), (2, 3)]
    pids = [pid for _, _, pid in results]
    assert pids[0] == os.getpid() and len(set(pids)) == 3  # one process per share


def fail_in_worker(number: int, count: int) -> int:
    if number == 1:
        raise ValueError("share 1 failed")
    return number


def test_an_exception_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ValueError, match="share 1 failed"):
        run_shared(fail_in_worker, 2)


def test_results_larger_than_a_pipe_buffer_come_back_whole() -> None:
    def big(number: int, count: int) -> bytes:
        return bytes([number]) * 5_000_000

    first, second = run_shared(big, 2)
    assert first == b"\x00" * 5_000_000 and second == b"\x01" * 5_000_000


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle")


def fail_unpicklably(number: int, count: int) -> int:
    if number == 1:
        raise Unpicklable("odd")
    return number


def test_an_exception_that_does_not_pickle_still_reports() -> None:
    with pytest.raises(RuntimeError, match="Unpicklable"):
        run_shared(fail_unpicklably, 2)


def die_in_worker(number: int, count: int) -> int:
    if number == 1:
        os._exit(3)
    return number


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="exit code 3"):
        run_shared(die_in_worker, 2)


def fail_here(number: int, count: int) -> int:
    if number == 0:
        raise KeyError("share 0")
    return number


def test_an_exception_here_stops_the_workers_and_is_raised() -> None:
    with pytest.raises(KeyError, match="share 0"):
        run_shared(fail_here, 3)


def test_a_result_that_does_not_fit_in_ram_goes_to_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from explainer import workers

    real_open = builtins.open

    def full_ram_folder(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode and str(path).startswith(str(workers._ram_folder() or "/nowhere")):
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", full_ram_folder)
    assert [n for n, _, _ in run_shared(share, 2)] == [0, 1]
