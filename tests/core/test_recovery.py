"""Unsaved drafts kept on disk while the app runs: whole files, any text, unreadable ones left out."""

from __future__ import annotations

from pathlib import Path

from reviewapp.core.recovery import RecoveryFolder, run_folders


def test_a_kept_draft_reads_back_exactly_and_goes_when_forgotten(tmp_path):
    root = tmp_path / "recovery"
    run = RecoveryFolder.new(root)
    text = "Headline\nΣ café — “quoted” 🚀\r\nand a lone \ud800 surrogate, as Qt may hand one over\n"
    run.keep(1, Path("/drafts/council.txt"), text)
    run.keep(2, None, "A pasted draft.")
    run.keep(1, Path("/drafts/council.txt"), text + "More.")  # written again: the newest only
    assert {(d.path, d.text) for d in run.drafts()} == {
        (Path("/drafts/council.txt"), text + "More."),
        (None, "A pasted draft."),
    }
    assert run.folder.stat().st_mode & 0o777 == 0o700, "drafts are for this user's eyes"
    assert not list(run.folder.glob("*.tmp")), "each file written whole, then put in place"
    run.forget(1)
    assert [d.text for d in run.drafts()] == ["A pasted draft."]
    assert [f.folder for f in run_folders(root)] == [run.folder]
    run.remove()
    assert run_folders(root) == []


def test_a_damaged_kept_file_is_left_out_not_an_error(tmp_path):
    run = RecoveryFolder.new(tmp_path)
    run.keep(1, None, "Kept.")
    (run.folder / "2.draft").write_text("{not json\ntext", encoding="utf-8")
    (run.folder / "3.draft").write_bytes(b"\xff\xfe garbage")
    (run.folder / "4.draft").write_text(
        '{"format": 99, "kept_at": "x"}\nfrom a later version', encoding="utf-8"
    )
    (run.folder / "5.draft").write_bytes(b'{"format": 1, "path": null, "kept_at": "x"}\n\xff\xff')
    assert [d.text for d in run.drafts()] == ["Kept."]


def test_no_folder_yet_means_nothing_kept(tmp_path):
    assert run_folders(tmp_path / "never-made") == []
