"""Settings files: discovery beside the text, pyproject tables, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import SettingsError
from factcheck.settings import Settings, load_settings, read_settings_file


def test_factcheck_toml_beside_the_text_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('ignore = ["FC3"]\nfail-on = "contradicted"\n')
    (tmp_path / "drafts").mkdir()
    settings = load_settings(tmp_path / "drafts" / "story.txt")
    assert settings.ignore == ["FC3"]
    assert settings.fail_on == "contradicted"


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nselect = ["stock-as-flow"]\n')
    assert load_settings(tmp_path).select == ["stock-as-flow"]
    assert read_settings_file(tmp_path / "pyproject.toml").select == ["stock-as-flow"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_settings(tmp_path / "a.txt") == Settings()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('ignroe = ["FC3"]\n', "ignroe"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ("select = [\n", "invalid TOML"),
        ('severity = {stock-as-flow = "loud"}\n', "severity"),
    ],
)
def test_bad_settings_name_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "factcheck.toml"
    path.write_text(content)
    with pytest.raises(SettingsError, match=message) as caught:
        load_settings(tmp_path)
    assert str(path) in str(caught.value)


def test_command_line_values_override_the_file() -> None:
    base = Settings(select=["FC1"], ignore=["FC3"], severity={"stock-as-flow": "info"})
    merged = base.merged(select=["FC2"], ignore=["FC4"], severity={"value-mismatch": "warning"}, fail_on=None)
    assert merged.select == ["FC2"]
    assert merged.ignore == ["FC3", "FC4"]
    assert merged.severity == {"stock-as-flow": "info", "value-mismatch": "warning"}
    assert merged.fail_on == "misleading"
