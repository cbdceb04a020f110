"""Sharing and shipping maskers: pickling, multiprocessing pools (fork and spawn), threads."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading

import pytest

import piimask

TEXTS = [f"msg {i}: card 4111 1111 1111 1111, tel +447966197542, mail m{i}x@example.com" for i in range(2000)]


def mask_chunk(args: tuple[piimask.Masker, list[str]]) -> list[str]:
    masker, texts = args
    return masker.mask_batch(texts)


def test_pickle_round_trip() -> None:
    masker = piimask.Masker(kinds=["card", "phone"], styles={"phone": "label"}, keep_head={"card": 6})
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(masker, protocol=protocol))
        assert copy == masker
        assert copy.config == masker.config
        assert copy.mask(TEXTS[0]) == masker.mask(TEXTS[0]) == "msg 0: card 411111******1111, tel [PHONE], mail m0x@example.com"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing_pool(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method on this platform")
    masker = piimask.Masker(styles="label")
    # Use the thread pool in this process first: a forked child must not wait on its threads.
    expected = masker.mask_batch(TEXTS)
    chunks = [(masker, TEXTS[i : i + 250]) for i in range(0, len(TEXTS), 250)]
    with multiprocessing.get_context(method).Pool(2) as pool:
        results = pool.map(mask_chunk, chunks)
    assert [text for chunk in results for text in chunk] == expected


def test_fork_after_batch_uses_a_fresh_pool() -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    masker = piimask.Masker()
    expected = masker.mask_batch(TEXTS)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        try:
            ok = masker.mask_batch(TEXTS) == expected
            os.write(writer, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(pid, 0)
    assert answer == b"1"


def test_eight_threads_share_one_masker() -> None:
    masker = piimask.Masker()
    expected_one = [masker.mask(text) for text in TEXTS[:200]]
    expected_batch = masker.mask_batch(TEXTS)
    failures: list[str] = []
    barrier = threading.Barrier(8)

    def work(index: int) -> None:
        barrier.wait()
        for _ in range(5):
            if index % 2:
                if masker.mask_batch(TEXTS) != expected_batch:
                    failures.append(f"thread {index}: mask_batch")
            elif [masker.mask(text) for text in TEXTS[:200]] != expected_one:
                failures.append(f"thread {index}: mask")
            if len(masker.find(TEXTS[index])) != 3:
                failures.append(f"thread {index}: find")

    threads = [threading.Thread(target=work, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_mask_batch_releases_the_gil() -> None:
    # While one thread masks a large batch, another thread keeps running Python code.
    masker = piimask.Masker()
    big = TEXTS * 100
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        masker.mask_batch(big)
    finally:
        done.set()
        counter.join()
    assert ticks > 0


def test_a_list_changed_by_another_thread_during_mask_batch() -> None:
    # mask_batch holds its own reference to every text before it releases the GIL, so a
    # thread that empties and refills the list meanwhile cannot pull texts from under it.
    masker = piimask.Masker()
    texts = list(TEXTS * 50)
    expected = masker.mask_batch(list(texts))
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            saved = texts[:]
            texts.clear()
            texts.extend(saved)

    thread = threading.Thread(target=churn)
    thread.start()
    try:
        results = [masker.mask_batch(texts) for _ in range(5)]
    finally:
        stop.set()
        thread.join()
    for result in results:
        assert result == expected[: len(result)]
