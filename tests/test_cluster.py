"""--scheduler: a Dask cluster gives the records of -j 1, in order, also when a worker dies."""

import json
import logging
import os
import signal
import subprocess
import sys
import time

import pytest

pytest.importorskip("distributed", reason="dask[distributed] is not installed: pip install '.[dask]'")

from dask.distributed import Client, LocalCluster  # noqa: E402

from conftest import ROOT, interrupted  # noqa: E402
from newsan.batch import run_batch  # noqa: E402
from newsan.cluster import run_on_cluster  # noqa: E402
from newsan.pipeline import Settings  # noqa: E402
from newsan.reading import documents, expand_sources  # noqa: E402

PEOPLE = ["باراك أوباما", "سيرغي لافروف", "نوري المالكي", "أنجيلا ميركل", "فلاديمير بوتين"]
PLACES = ["واشنطن", "موسكو", "بغداد", "برلين", "تونس", "القاهرة", "الرياض"]


def article(i: int) -> str:
    person, place, other = PEOPLE[i % 5], PLACES[i % 7], PLACES[(i + 3) % 7]
    return (f"زيارة إلى {place}\n\nقال {person} في {place} إن العلاقات مع {other} جيدة.\n"
            f"وأضاف أن الحكومة ستواصل دعمها لـ{other}، وقال: \"نحن هنا من أجل السلام\".\n") * (1 + i % 3)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """200 short articles: 100 files in a folder, read through a file:// URL, and 100 JSON Lines records."""
    root = tmp_path_factory.mktemp("archive")
    (root / "news").mkdir()
    for i in range(100):
        (root / "news" / f"{i:03d}.txt").write_text(article(i), encoding="utf-8")
    with (root / "more.jsonl").open("w", encoding="utf-8") as out:
        for i in range(100, 200):
            out.write(json.dumps({"id": f"n{i}", "text": article(i)}, ensure_ascii=False) + "\n")
    return root


def newsan(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    return subprocess.run([sys.executable, "-m", "newsan", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_a_local_cluster_gives_the_records_of_one_process(archive):
    inputs = [f"file://{archive / 'news'}", str(archive / "more.jsonl"), "--id-field", "id"]
    one = newsan("analyze", "-f", "jsonl", "-j", "1", *inputs)
    cluster = newsan("analyze", "-f", "jsonl", "-j", "2", "--scheduler", "local", *inputs)
    assert one.returncode == cluster.returncode == 0, cluster.stderr
    assert cluster.stdout == one.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(records) == 200 and records[0]["source"] == f"file://{archive / 'news'}/000.txt"
    assert records[-1]["source"] == "n199" and all(r["quotes"] for r in records)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(archive):
    items = list(documents(expand_sources([str(archive / "news"), str(archive / "more.jsonl")])))
    expected = list(run_batch(items, "analyze", Settings(), workers=1))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        pids = sorted(client.run(os.getpid).values())
        records = run_on_cluster(items, "analyze", Settings(), cluster.scheduler_address, chunk=10)
        received = [next(records)]  # the first chunk is back; the others are queued or running
        os.kill(pids[0], signal.SIGKILL)
        received += list(records)
        deadline = time.monotonic() + 30
        while len(client.nthreads()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # the nanny starts a new worker
        assert pids[0] not in client.run(os.getpid).values()
    assert received == expected


def test_an_unreachable_scheduler_is_one_line_and_exit_2(archive):
    result = newsan("entities", "--scheduler", "tcp://127.0.0.1:9", str(archive / "news" / "000.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("newsan: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("after", [3.0, 8.0])  # while the cluster starts, and while it waits on a worker
def test_ctrl_c_stops_the_cluster_with_exit_130(tmp_path, archive, after):
    never_ends = tmp_path / "never_ends.txt"
    os.mkfifo(never_ends)  # the worker that reads it waits until the cluster is closed
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    returncode, stderr = interrupted(["entities", "-f", "jsonl", "-j", "2", "--scheduler", "local",
                                      str(archive / "news" / "000.txt"), str(never_ends)], after, env=env, cwd=ROOT)
    assert returncode == 130
    assert "Traceback" not in stderr
