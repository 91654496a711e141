"""The torture run (bench/torture/) in `make test`: fuzzed signed commands and payloads
against a real `drift serve`, the bad-file set, a Redis blip under a real `drift worker`.
Its counts are printed whatever the outcome; any broken promise fails the test."""

from __future__ import annotations

from bench.torture import main


def test_the_torture_run_breaks_no_promise(redis_server, capsys):
    code = main(["--commands", "300", "--payloads", "300", "--seed", "9"])

    printed = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + printed)
    assert code == 0, printed
