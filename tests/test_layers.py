"""The house's walls: core never imports Qt or the GUI, the command line only through `open`,
and no module imports itself round a circle. Read from the source, so a lazy import counts too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reviewapp"
# The only places outside reviewapp.gui allowed to reach into it.
GUI_DOORS = {"reviewapp.cli.desktop"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of the package `path` imports (outside `if TYPE_CHECKING:`)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body
        for child in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else base)
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: {m for m in imports(path, modules) if m in modules} for name, path in files.items()} | {
        f"{name}!all": imports(path, modules) for name, path in files.items()
    }


def test_core_imports_neither_qt_nor_the_gui():
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("reviewapp.core") and name.endswith("!all"):
            bad = {
                t for t in targets if t.startswith(("PySide6", "shiboken6", "reviewapp.gui", "reviewapp.cli"))
            }
            assert not bad, (name, bad)


def test_only_the_open_command_imports_the_gui():
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("reviewapp.cli") and name.endswith("!all"):
            module = name.removesuffix("!all")
            gui = {t for t in targets if t.startswith(("reviewapp.gui", "PySide6"))}
            assert not gui or module in GUI_DOORS, (module, gui)


def test_no_import_cycles():
    edges = {k: v for k, v in graph().items() if not k.endswith("!all")}
    # A module's package __init__ is imported first whatever it imports: an edge to each parent.
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, cycles
