"""Bad input: one line naming the file and the problem, exit code 2, and no output written.

A few cases run the real ``python -m compare``; the rest call :func:`compare.cli.main` in-process
(the same code path, much faster).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

from compare.cli import main

SEED = sorted(SEEDS.glob("*.txt"))


def _run(args: list[str], cwd: Path) -> tuple[int, str]:
    result = subprocess.run([sys.executable, "-m", "compare", "report", *args, "-o", str(cwd / "out" / "b.pdf")],
                            capture_output=True, text=True, cwd=cwd, timeout=120)
    return result.returncode, result.stderr


def _main(args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["report", *args, "-o", str(cwd / "out" / "b.pdf")])
    return code, capsys.readouterr().err


def _assert_clean_failure(result: tuple[int, str], cwd: Path, where: str, problem: str) -> None:
    code, stderr = result
    assert code == 2, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert where in lines[0] and problem in lines[0], lines[0]
    assert "Traceback" not in stderr
    assert not (cwd / "out").exists()


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    _assert_clean_failure(_run([str(SEED[0]), str(missing)], tmp_path), tmp_path, "nowhere.txt", "no such file")


@pytest.mark.parametrize(("name", "head"), [("page.pdf.txt", b"%PDF-1.7\n"), ("photo.html", b"\x89PNG\r\n\x1a\n")])
def test_binary_file(tmp_path: Path, name: str, head: bytes) -> None:
    binary = tmp_path / name
    binary.write_bytes(head + bytes(range(256)) * 8)
    _assert_clean_failure(_run([str(SEED[0]), str(binary)], tmp_path), tmp_path, name, "not an article")


def test_zip_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = shutil.make_archive(str(tmp_path / "seeds"), "zip", SEEDS)
    _assert_clean_failure(_main([str(SEED[0]), archive], tmp_path, capsys), tmp_path, "seeds.zip", "a ZIP archive")


@pytest.mark.parametrize("content", [b"", b"  \n\n \r\n\t", "\u200f \ufeff\n".encode()])
def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_bytes(content)
    _assert_clean_failure(_main([str(SEED[0]), str(blank)], tmp_path, capsys), tmp_path, "blank.txt", ": is empty")


def test_only_page_noise(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_text("اقرأ أيضاً\nشارك\n[ad_1]\n1500 / 1500\n", encoding="utf-8")
    _assert_clean_failure(_main([str(SEED[0]), str(noise)], tmp_path, capsys), tmp_path, "noise.txt", "no article text")


@pytest.mark.parametrize("files", [[], ["scan.pdf", "data.json", ".hidden.txt", ".git/notes.txt"]])
def test_folder_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str], files: list[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in files:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("نص", encoding="utf-8")
    _assert_clean_failure(_main([str(SEED[0]), str(folder)], tmp_path, capsys), tmp_path, "articles",
                          "folder holds no articles (.txt, .md, .html, .htm files)")


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(0x80, 0x100)) * 16)
    _assert_clean_failure(_main([str(SEED[0]), str(garbage)], tmp_path, capsys), tmp_path, "garbage.txt",
                          "is not text in any supported encoding")


def test_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = SEED[0].stat().st_size
    _assert_clean_failure(_main([str(SEED[0]), str(SEED[1]), "--max-bytes", "6000"], tmp_path, capsys), tmp_path,
                          SEED[0].name, f"is {size:,} bytes, over the size limit of 6,000 (raise it with --max-bytes)")


def test_single_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_clean_failure(_main([str(SEED[0])], tmp_path, capsys), tmp_path, SEED[0].name, "at least two")


def test_the_same_article_twice_is_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED[0], copy)
    _assert_clean_failure(_main([str(SEED[0]), str(copy)], tmp_path, capsys), tmp_path, SEED[0].name, "at least two")


@pytest.mark.parametrize(("toml", "problem"), [
    ('["000.txt"\noutlet = "x"\n', "not valid TOML"),
    ('["elsewhere.txt"]\noutlet = "x"\n', "names elsewhere.txt, which is not among the inputs"),
    (f'["{SEED[0].name}"]\npublished = 2021-02-30\n', "not valid TOML"),
    (f'["{SEED[0].name}"]\npublished = "2021-13-01"\n', "is not a valid date (YYYY-MM-DD)"),
    (f'["{SEED[0].name}"]\npublished = 2999-07-26\n', "is not a possible publication date"),
])
def test_bad_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, problem: str) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text(toml, encoding="utf-8")
    args = [str(SEED[0]), str(SEED[1]), "--manifest", str(manifest)]
    _assert_clean_failure(_main(args, tmp_path, capsys), tmp_path, "sources.toml", problem)


def test_bad_manifest_inside_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    (folder / SEED[2].name).unlink()  # the folder's manifest still names it
    _assert_clean_failure(_main([str(folder)], tmp_path, capsys), tmp_path, "sources.toml",
                          f"names {SEED[2].name}, which is not among the inputs")


def test_unsupported_url_scheme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_clean_failure(_main([str(SEED[0]), "ftp://example.org/a.txt"], tmp_path, capsys), tmp_path,
                          "ftp://example.org/a.txt", "only http:// and https:// URLs")


def test_never_writes_over_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "b.html"
    shutil.copy(SEED[0], page)
    code = main(["report", str(page), str(SEED[1]), "-o", str(tmp_path / "b.pdf")])
    assert code == 2 and "is a file this run reads" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]
    assert page.read_bytes() == SEED[0].read_bytes()


def test_never_writes_articles_into_an_input_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    code = main(["report", str(folder), "-o", str(folder / "briefing.pdf")])
    assert code == 2 and "is inside the input folder" in capsys.readouterr().err
    assert not list(folder.glob("briefing*"))


def test_output_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code = main(["report", str(SEED[0]), str(SEED[1]), "-o", str(tmp_path / "file" / "b.pdf")])
    assert code == 2 and "is not a writable folder" in capsys.readouterr().err


def test_fifos_and_devices_are_refused_as_articles_and_manifests(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 9: a FIFO article or manifest used to block forever, /dev/zero to exhaust memory."""
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    code, err = _main([str(fifo), str(SEED[1])], tmp_path, capsys)
    assert code == 2 and "is not a regular file" in err, err
    for manifest in (fifo, Path("/dev/zero")):
        code, err = _main([str(SEED[0]), str(SEED[1]), "--manifest", str(manifest)], tmp_path, capsys)
        assert code == 2 and "is not a regular file (manifest" in err, err
    assert not (tmp_path / "out").exists()


def test_outputs_never_land_on_files_the_run_reads_or_did_not_write(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 4: the manifest, the settings, an article behind a symlink in an input folder and
    any existing file an earlier run did not write are never replaced (--force allows the last)."""
    settings, manifest = tmp_path / "tune.json", tmp_path / "m.csv"
    settings.write_text("top_k = 8\n", encoding="utf-8")
    manifest.write_text("", encoding="utf-8")
    notes, folder = tmp_path / "notes", tmp_path / "in"
    notes.mkdir()
    folder.mkdir()
    mine = notes / "mine.html"
    shutil.copy(SEED[0], mine)
    (folder / "linked.html").symlink_to(mine)
    shutil.copy(SEED[1], folder / SEED[1].name)
    kept = {path: path.read_bytes() for path in (settings, manifest, mine)}
    for args in ([str(SEED[0]), str(SEED[1]), "--settings", str(settings), "-o", str(tmp_path / "tune.pdf")],
                 [str(SEED[0]), str(SEED[1]), "--manifest", str(manifest), "-o", str(tmp_path / "m.pdf")],
                 [str(folder), "-o", str(notes / "mine.pdf")]):
        assert main(["report", *args]) == 2
        assert "is a file this run reads" in capsys.readouterr().err
    assert all(path.read_bytes() == data for path, data in kept.items())
    theirs = tmp_path / "own" / "b.csv"
    theirs.parent.mkdir()
    theirs.write_text("a user's spreadsheet\n", encoding="utf-8")
    out = ["report", str(SEED[0]), str(SEED[1]), "-o", str(theirs.with_suffix(".pdf")), "--no-pdf"]
    assert main(out) == 2 and "was not written by compare-sources" in capsys.readouterr().err
    assert theirs.read_text(encoding="utf-8") == "a user's spreadsheet\n"
    assert main([*out, "--force"]) == 0 and theirs.read_bytes().startswith("\ufeffid,kind".encode())
    assert main(out) == 0  # an earlier run's outputs are replaced without asking


def test_odd_output_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 10: an empty name, a symlink loop, a name over the file-name limit exit 2 with
    one line; a name just under it works; an existing folder takes the default name inside it."""
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    for output in (str(loop), str(tmp_path / ("ب" * 126 + ".pdf"))):  # its .html name is 258 bytes
        code = main(["report", str(SEED[0]), str(SEED[1]), "-o", output])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(SEED[0]), str(SEED[1]), "-o", ""])
    assert exit_info.value.code == 2
    assert main(["report", str(SEED[0]), str(SEED[1]), "-o", str(tmp_path / ("ب" * 125 + ".pdf")), "--no-pdf"]) == 0
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["report", str(SEED[0]), str(SEED[1]), "-o", f"{folder}/", "--no-pdf"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.csv", "briefing.html", "briefing.json"]


def test_an_output_that_cannot_be_replaced_leaves_every_old_output(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 5: an immutable old JSON used to end with a new PDF and HTML beside the old
    JSON and CSV; now the run exits 2 and the whole old set is left as it was."""
    out = tmp_path / "r.pdf"
    assert main(["report", str(SEED[0]), str(SEED[1]), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    if subprocess.run(["chattr", "+i", str(out.with_suffix(".json"))], capture_output=True).returncode:
        pytest.skip("this file system cannot make a file immutable")
    try:
        code = main(["report", str(SEED[0]), str(SEED[2]), "-o", str(out)])
    finally:
        subprocess.run(["chattr", "-i", str(out.with_suffix(".json"))], check=True)
    err = capsys.readouterr().err
    assert code == 2 and "the previous files are unchanged" in err, err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_while_rendering_leaves_nothing_behind(tmp_path: Path, signum: int) -> None:
    """Issue 11, item 6: a real child process stopped while it renders the PDF removes its temporary
    files and the folders it created, prints one line and exits 128 + the signal number."""
    out = tmp_path / "new" / "b.pdf"
    child = subprocess.Popen([sys.executable, "-m", "compare", "report", str(SEEDS), "-o", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(out.parent.glob(".*.tmp")) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines() == [f"compare-sources: stopped by {signal.Signals(signum).name} "
                                           "(temporary files removed)"]
    assert list(tmp_path.rglob("*")) == []


def test_an_error_about_a_file_name_with_a_newline_stays_one_line(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 15: a newline in a file name used to split the one-line error."""
    odd = tmp_path / "two\nlines.txt"
    odd.write_bytes(b"")
    code, err = _main([str(odd), str(SEED[1])], tmp_path, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "two\\nlines.txt: is empty" in err, err


def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, item 15: a full disk was an "internal error"; now exit 2 naming the problem."""
    import errno

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    code, err = _main([str(SEED[0]), str(SEED[1]), "--no-pdf"], tmp_path, capsys)
    assert code == 2 and f"{tmp_path / 'out'}: cannot write the outputs: No space left on device" in err, err
    assert not (tmp_path / "out").exists()


def test_out_of_memory_is_one_line_and_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, item 13: under `ulimit -v` the report used to end in a MemoryError traceback (the
    handler itself ran out of memory). Now it is reported after the failed work is freed: exit 1,
    one line, no output. Measured for real: 100 corpus articles under `ulimit -v 600000`."""
    import compare.pipeline

    def exhausted(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(compare.pipeline, "compare", exhausted)
    code, err = _main([str(SEED[0]), str(SEED[1])], tmp_path, capsys)
    assert code == 1 and err.strip().splitlines() == [
        "compare-sources: internal error: out of memory (are the inputs this large? see --max-bytes)"]
    assert not (tmp_path / "out").exists()


def test_every_setting_has_a_range_holding_its_default() -> None:
    """Issue 11, item 8: no setting is accepted unchecked, and the documented defaults are valid."""
    from compare.settings import RANGES, Settings, out_of_range

    defaults = Settings().to_dict()
    assert set(RANGES) == set(defaults)
    assert all(out_of_range(name, value) is None for name, value in defaults.items())


def test_settings_must_be_a_small_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, item 9: a FIFO or /dev/zero as --settings is refused at once instead of blocking."""
    fifo = tmp_path / "tune.toml"
    os.mkfifo(fifo)
    for path, problem in ((fifo, "is not a regular file"), (Path("/dev/zero"), "is not a regular file")):
        code, err = _main([str(SEED[0]), str(SEED[1]), "--settings", str(path)], tmp_path, capsys)
        assert code == 2 and problem in err, err
    big = tmp_path / "big.toml"
    big.write_text("# padding\n" * 120_000, encoding="utf-8")
    code, err = _main([str(SEED[0]), str(SEED[1]), "--settings", str(big)], tmp_path, capsys)
    assert code == 2 and "not a settings file" in err, err


@pytest.mark.parametrize("value", ["0", "-5", "lots", "99999999999999999999"])
def test_bad_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(SEED[0]), str(SEED[1]), "--max-bytes", value, "-o", str(tmp_path / "out" / "b.pdf")])
    assert exit_info.value.code == 2 and "--max-bytes" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_failure_while_rendering_leaves_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDF fails after the other outputs are rendered: exit 1, a pointer to --debug, no file at all."""
    import compare.render.pdf

    def broken(html: str, out: Path, **_: object) -> int:
        out.write_bytes(b"%PDF-1.7 half")
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(compare.render.pdf, "write_pdf", broken)
    code, err = _main([str(SEED[0]), str(SEED[1])], tmp_path, capsys)
    assert code == 1 and "internal error: RuntimeError: renderer crashed (rerun with --debug)" in err
    assert not (tmp_path / "out").exists()


def test_outputs_are_byte_identical_across_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH every output, the PDF too (attachment dates, file ID), is reproducible
    (issue 11, item 7); a malformed value is a user error, not a traceback."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for run in ("one", "two"):
        assert main(["report", str(SEED[0]), str(SEED[2]), "-o", str(tmp_path / run / "b.pdf")]) == 0
        assert main(["report", str(SEEDS), "-o", str(tmp_path / run / "s.pdf"), "--no-pdf"]) == 0
    assert (tmp_path / "one" / "b.pdf").read_bytes() == (tmp_path / "two" / "b.pdf").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, err = _main([str(SEED[0]), str(SEED[1])], tmp_path, capsys)
    assert code == 2 and "SOURCE_DATE_EPOCH: must be whole seconds" in err, err
    for ext in ("json", "csv", "html"):
        assert (tmp_path / "one" / f"s.{ext}").read_bytes() == (tmp_path / "two" / f"s.{ext}").read_bytes(), ext
    assert '"generated": "2023-11-14T22:13:20+00:00"' in (tmp_path / "one" / "s.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(("line", "problem"), [("paraphrase_threshold = \"high\"", "must be float"),
                                               ("no_such_knob = 1", "unknown setting"),
                                               ("top_k = [", "cannot read settings"),
                                               ("char_ngram_max = 0", "char_ngram_max must be between 1 and 10"),
                                               ("anchors = 99999999999999999999", "anchors must be between 1 and 200"),
                                               ("top_k = -3", "top_k must be between 1 and 100"),
                                               ("span_gain = nan", "span_gain must be between 0 and 1"),
                                               ("fetch_timeout = inf", "fetch_timeout must be between"),
                                               ("near_duplicate = -inf", "near_duplicate must be between"),
                                               ("char_ngram_min = 6\nchar_ngram_max = 4",
                                                "char_ngram_min must not exceed char_ngram_max")])
def test_bad_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, problem: str) -> None:
    settings = tmp_path / "tuning.toml"
    settings.write_text(line + "\n", encoding="utf-8")
    code, err = _main([str(SEED[0]), str(SEED[1]), "--settings", str(settings)], tmp_path, capsys)
    assert code == 2 and "tuning.toml" in err and problem in err, err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["x.docx", "brief", "x.html"])
def test_output_that_is_not_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """«-o x.docx» used to write x.pdf silently."""
    code = main(["report", str(SEED[0]), str(SEED[1]), "-o", str(tmp_path / "out" / name)])
    err = capsys.readouterr().err
    assert code == 2 and name in err and ".pdf" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_version_quiet_and_the_closing_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("compare-sources ")
    assert main(["report", str(SEED[0]), str(SEED[4]), "-o", str(tmp_path / "q.pdf"), "--no-pdf", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["report", str(SEED[0]), str(SEED[4]), "-o", str(tmp_path / "s.pdf"), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    assert "differences:" in out and "agreements:" in out and "discrepancies" not in out


def test_articles_in_an_uncovered_language_are_never_a_silent_all_clear(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two English articles (9 vs 11 dead): the fact readers cover Arabic, so the output says the
    figures were not compared, in the terminal, the JSON and on page one."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Nine people were killed on Monday when a fire broke out in a crowded "
                                           "market in the capital, the civil defence said.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Eleven people died on Monday after a fire swept through a busy market "
                                           "in the capital, according to hospital sources.", encoding="utf-8")
    out = tmp_path / "out" / "e.pdf"
    assert main(["report", str(tmp_path / "in"), "-o", str(out), "--no-pdf"]) == 0
    captured = capsys.readouterr()
    assert "not compared" in captured.out and "الإنجليزية" in captured.err
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["uncovered"] == ["a.txt", "b.txt"]
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "فلم تُقارن" in html and "لا تقرأ الأداة أرقامها فلم تُقارن" in html


def test_settings_command_prints_a_usable_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`compare-sources settings` lists every setting with its default and description, as TOML
    that --settings accepts unchanged."""
    from compare.settings import Settings

    assert main(["settings"]) == 0
    listing = capsys.readouterr().out
    path = tmp_path / "s.toml"
    path.write_text(listing, encoding="utf-8")
    assert Settings.from_toml(path) == Settings()
    assert all(f"{name} = " in listing for name in Settings().to_dict())
    assert "#" in listing.splitlines()[0]  # a description on every line


def test_the_order_of_the_paths_does_not_change_the_comparison(tmp_path: Path) -> None:
    """Issue 11, item 12: the same articles in another order give the same groups, facts and rows."""
    story = Path(__file__).parent / "data" / "devset" / "d5_boat_sinking"
    files = sorted(str(p) for p in story.iterdir() if p.suffix in (".txt", ".html"))
    outputs = []
    for name, paths in (("f", files), ("r", files[::-1])):
        out = tmp_path / f"{name}.pdf"
        assert main(["report", *paths, "-o", str(out), "--no-pdf", "-q"]) == 0
        outputs.append(json.loads(out.with_suffix(".json").read_text(encoding="utf-8")))
    forward, backward = outputs
    for part in ("groups", "facts", "discrepancies", "title"):
        assert forward[part] == backward[part], part
    assert [a["id"] for a in backward["articles"]] == [Path(p).name for p in files[::-1]]  # the user's order
