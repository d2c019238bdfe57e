import os
from collections.abc import Callable
from typing import NoReturn

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


def test_results_larger_than_a_pipe_buffer_come_back_whole() -> None:
    def big(number: int, count: int) -> bytes:
        return bytes([number]) * 5_000_000

    first, second = run_shared(big, 2)
    assert first == b"\x00" * 5_000_000 and second == b"\x01" * 5_000_000


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle")


def throw(error: BaseException) -> NoReturn:
    raise error


#: what goes wrong -> (the share that fails, jobs, how it fails, error raised here, its message)
FAILURES: dict[str, tuple[int, int, Callable[[], object], type[BaseException], str]] = {
    "an exception in a worker is raised here":
        (1, 2, lambda: throw(ValueError("share 1 failed")), ValueError, "share 1 failed"),
    "an exception that does not pickle still reports":
        (1, 2, lambda: throw(Unpicklable("odd")), RuntimeError, "Unpicklable"),
    "a worker that dies is an error, not a hang":
        (1, 2, lambda: os._exit(3), RuntimeError, "exit code 3"),
    "an exception here stops the workers and is raised":
        (0, 3, lambda: throw(KeyError("share 0")), KeyError, "share 0"),
}


@pytest.mark.parametrize("case", FAILURES)
def test_failures_are_raised_here(case: str) -> None:
    failing, jobs, fail, error, message = FAILURES[case]

    def task(number: int, count: int) -> int:
        if number == failing:
            fail()
        return number

    with pytest.raises(error, match=message):
        run_shared(task, jobs)


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


def test_one_job_runs_here_as_the_only_share() -> None:
    assert run_shared(share, 1) == [(0, 1, os.getpid())]
