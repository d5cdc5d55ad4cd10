"""Every analyzer and category is fully described, and every front end reads the same tables."""

from __future__ import annotations

import inspect
import json
import re

import jsonschema

from reviewapp.core import analyzers, load_policy
from reviewapp.core.analyzers import REGISTRY, Check
from reviewapp.core.categories import CATEGORY, CATEGORY_TABLE
from reviewapp.core.grammar import GRAMMAR_RULES_WHY
from reviewapp.core.report.schema import report_schema, shipped_schema
from reviewapp.core.roles import ROLES

HEX = re.compile(r"^#[0-9A-F]{6}$")
POLICY = load_policy()


def test_every_check_in_the_package_is_registered():
    found = {
        obj
        for module in (getattr(analyzers, name) for name in dir(analyzers))
        if inspect.ismodule(module) and module.__name__.startswith(analyzers.__name__)
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, Check) and obj is not Check
    }
    assert found == set(REGISTRY)


def test_every_check_is_fully_described():
    names = [check.name for check in REGISTRY]
    assert len(names) == len(set(names))
    for cls in REGISTRY:
        check = cls(POLICY)
        assert check.categories and set(check.categories) <= set(CATEGORY), cls
        assert check.roles and check.roles <= set(ROLES), cls
        assert check.note_roles <= set(ROLES), cls
        assert cls.__doc__ or inspect.getmodule(cls).__doc__, cls
        rules = check.rules()
        assert rules, cls
        for rule in rules:
            assert rule.category in check.categories, rule
            assert rule.name.startswith(rule.category + "."), rule
            assert len(rule.why) > 20, rule  # an explanation an editor can read


def test_every_category_is_fully_described_and_emitted():
    emitted = {c for cls in REGISTRY for c in cls.categories} | {"grammar"}
    assert emitted == set(CATEGORY)
    for category in CATEGORY_TABLE:
        assert category.label and category.description, category
        assert HEX.match(category.color) and HEX.match(category.dark_color), category
        assert category.mark in ("underline", "background"), category


def test_every_finding_on_the_corpus_comes_from_a_declared_rule(analyzer, data_dir):
    from reviewapp.core import load_path

    declared = {rule.name for cls in REGISTRY for rule in cls(POLICY).rules()}
    for path in sorted(data_dir.glob("*.txt")):
        for finding in analyzer.analyze(load_path(path)).findings:
            assert finding.rule in declared, finding.rule
    assert set(GRAMMAR_RULES_WHY) == {"grammar.", "disclosure.languagetool"}


def test_the_shipped_schema_is_built_from_the_tables():
    schema = shipped_schema()
    assert schema == report_schema(), "run: python -m reviewapp.core.report.schema --write"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["category"]["enum"] == [c.id for c in CATEGORY_TABLE]
    assert json.dumps(schema).count('"enum"') == 5  # every vocabulary once, in $defs
