"""The compiled build's module list, and which build these tests run on."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import re
import runpy
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from corroborate.buildinfo import COMPILED_MODULES, build_name, compiled_modules

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", COMPILED_MODULES)
def test_each_listed_module_exists(name: str) -> None:
    assert importlib.import_module(name).__name__ == name


#: Module constants that tests replace (``monkeypatch.setattr``): plain globals, because
#: compiled code reads a ``Final`` name from a C static that replacing it does not change.
REPLACED_BY_TESTS = {
    "_WORDS", "_SENTENCE_WORDS", "_SENTENCE_WORDS_WRAPPED", "_SENTENCE_WORDS_LIMIT",
    "_MEMO_MAX", "_TRIGGER_GATE", "_ONE_BATCH_CACHE", "_FOUND_MEMO_MAX", "_PAIR_CHUNK",
}
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


def _constants(tree: ast.Module) -> dict[str, bool]:
    """A module's top-level constants bound once (never rebound, nor ``global`` anywhere),
    each with whether it is annotated ``Final``."""
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        names = node.names if isinstance(node, ast.Global) else []
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names = [node.id]
        for name in names:
            bound[name] = bound.get(name, 0) + 1
    found: dict[str, bool] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, final = node.targets[0], False
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, final = node.target, "Final" in ast.unparse(node.annotation)
        else:
            continue
        if (
            isinstance(target, ast.Name)
            and _CONSTANT.fullmatch(target.id)
            and bound.get(target.id) == 1
        ):
            found[target.id] = final
    return found


def _source(name: str) -> ast.Module:
    """The parsed source of a module of either build (a compiled one's from the tree)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).with_suffix(".py")
    if not source.exists():  # a compiled install: read the module's source from the tree
        source = REPO / "src" / (name.replace(".", "/") + ".py")
        if not source.exists():
            source = source.with_suffix("") / "__init__.py"
    return ast.parse(source.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", COMPILED_MODULES)
def test_compiled_modules_constants_are_final(name: str) -> None:
    # An ordinary global costs compiled code a dictionary lookup on every use.
    constants = _constants(_source(name))
    plain = {c for c, final in constants.items() if not final} - REPLACED_BY_TESTS
    assert plain == set(), f"annotate these constants of {name} Final: {sorted(plain)}"
    assert not {c for c, final in constants.items() if final} & REPLACED_BY_TESTS


def _own_init_dataclasses(tree: ast.Module) -> list[ast.ClassDef]:
    """The module's classes decorated ``@dataclass(..., init=False, ...)``."""

    def no_init(d: ast.expr) -> bool:
        return isinstance(d, ast.Call) and any(
            k.arg == "init" and isinstance(k.value, ast.Constant) and k.value.value is False
            for k in d.keywords
        )

    return [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and any(no_init(d) for d in node.decorator_list)
    ]


def _field_spec(node: ast.AnnAssign) -> tuple[bool, str | None]:
    """(whether a dataclass field is a constructor parameter, its default's source)."""
    value = node.value
    if value is None:
        return True, None
    if isinstance(value, ast.Call) and ast.unparse(value.func) == "field":
        keywords = {k.arg: k.value for k in value.keywords}
        init = keywords.get("init")
        default = keywords.get("default")
        return (
            not (isinstance(init, ast.Constant) and init.value is False),
            ast.unparse(default) if default is not None else None,
        )
    return True, ast.unparse(value)


@pytest.mark.parametrize("name", COMPILED_MODULES)
def test_compiled_dataclasses_own_init_matches_their_fields(name: str) -> None:
    # Compiled, a dataclass's generated __init__ runs interpreted (20 times the cost of a
    # compiled one for a frozen class), so the hot ones write their own: it must take the
    # fields in order, with their defaults, and set every field.
    for cls in _own_init_dataclasses(_source(name)):
        fields = [
            (n.target.id, *_field_spec(n))
            for n in cls.body
            if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
        ]
        init = next(
            n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"
        )
        args = init.args.args[1:]  # after self
        defaults = [None] * (len(args) - len(init.args.defaults)) + [
            ast.unparse(d) for d in init.args.defaults
        ]
        params = [(a.arg, d) for a, d in zip(args, defaults, strict=True)]
        wanted = [(f, d) for f, is_param, d in fields if is_param]
        assert [p for p, _ in params] == [f for f, _ in wanted], f"{name}.{cls.name}"
        for (field, default), (_, given) in zip(wanted, params, strict=True):
            assert default is None or default == given, f"{name}.{cls.name}.{field}"
        set_in_init = {
            t.attr
            for n in ast.walk(init)
            if isinstance(n, ast.Assign)
            for t in n.targets
            if isinstance(t, ast.Attribute) and ast.unparse(t.value) == "self"
        }
        assert {f for f, _, _ in fields} <= set_in_init, f"{name}.{cls.name}"


def test_own_init_dataclasses_are_found() -> None:
    # (So that the test above cannot pass by finding no class to check.)
    found = {c.name for c in _own_init_dataclasses(_source("corroborate.report.view"))}
    assert {"ClaimView", "FactView", "ValueView"} <= found


def _setup() -> dict[str, Any]:
    return runpy.run_path(str(REPO / "setup.py"), run_name="setup_under_test")


def _backend() -> dict[str, Any]:
    return runpy.run_path(str(REPO / "_build" / "backend.py"))


#: What setuptools says on reading pyproject.toml's [tool.setuptools] (asking what a build
#: needs reads it).
_BETA = "ignore:Support for `\\[tool.setuptools\\]`"


def test_setup_reads_the_same_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("CORROBORATE_COMPILE", "0")
    setup = _setup()
    assert setup["_compiled_modules"]() == list(COMPILED_MODULES)
    assert setup["_ext_modules"]() == []


@pytest.mark.parametrize(
    ("compile_", "pure", "mode"),
    [
        (None, None, "auto"),
        ("", None, "auto"),
        ("1", None, "required"),
        ("0", None, "pure"),
        ("yes", None, "auto"),
        ("1", "1", "pure"),  # the backend's editable and listing hooks win
        (None, "1", "pure"),
    ],
)
def test_setup_build_modes(
    monkeypatch: pytest.MonkeyPatch, compile_: str | None, pure: str | None, mode: str
) -> None:
    for name, value in (("CORROBORATE_COMPILE", compile_), ("CORROBORATE_BUILD_PURE", pure)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert _setup()["_mode"]() == mode


@pytest.mark.filterwarnings(_BETA)
@pytest.mark.parametrize(("compile_", "compiles"), [("1", True), ("0", False)])
def test_backend_follows_the_setting(
    monkeypatch: pytest.MonkeyPatch, compile_: str, compiles: bool
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("CORROBORATE_COMPILE", compile_)
    backend = _backend()
    assert backend["compiles"]() is compiles
    needs = backend["get_requires_for_build_wheel"]()
    assert any(n.startswith("mypy") for n in needs) is compiles


@pytest.mark.filterwarnings(_BETA)
def test_backend_builds_pure_without_a_compiler(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("CORROBORATE_COMPILE", raising=False)
    monkeypatch.delenv("CC", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no gcc, no cc
    backend = _backend()
    assert "no C compiler" in (backend["compiler_missing"]() or "")
    assert not any(n.startswith("mypy") for n in backend["get_requires_for_build_wheel"]())
    assert "building the pure-Python package" in capsys.readouterr().err


def test_backend_reads_the_compiler_from_cc(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CC", f"{tmp_path / 'no-such-cc'} -O2")
    assert "no-such-cc" in (_backend()["compiler_missing"]() or "")


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_backend_compiles_where_a_compiler_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("CORROBORATE_COMPILE", raising=False)
    monkeypatch.delenv("CC", raising=False)
    backend = _backend()
    if backend["compiler_missing"]() is not None:  # gcc, but no Python.h
        pytest.skip(backend["compiler_missing"]())
    assert backend["compiles"]()


def _build_extension(tmp_path: Path, sources: dict[str, str]) -> Any:
    """setup.py's build_ext command on one extension ``demo`` of the given C files."""
    from setuptools import Distribution, Extension

    for name, text in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ext = Extension("demo", [str(tmp_path / name) for name in sources])
    command = _setup()["_BuildExt"](Distribution({"name": "demo", "ext_modules": [ext]}))
    command.build_lib = str(tmp_path / "lib")
    command.build_temp = str(tmp_path / "temp")
    command.ensure_finalized()
    command.run()
    return command


_MODULE_C = """#include <Python.h>
int half(int n);
static PyObject *twice(PyObject *self, PyObject *arg) {
    return PyLong_FromLong(4 * (long)half((int)PyLong_AsLong(arg)));
}
static PyMethodDef methods[] = {{"twice", twice, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "demo", NULL, -1, methods};
PyMODINIT_FUNC PyInit_demo(void) { return PyModule_Create(&module); }
"""


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_build_ext_compiles_the_files_of_an_extension_side_by_side(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    command = _build_extension(
        tmp_path, {"demo.c": _MODULE_C, "half.c": "int half(int n) { return n / 2; }\n"}
    )
    built = Path(command.get_ext_fullpath("demo"))
    spec = importlib.util.spec_from_file_location("demo", built)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.twice(21) == 40  # both objects linked: demo.c's twice calls half.c's half


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
@pytest.mark.parametrize("compile_", [None, "1"])
def test_build_ext_falls_back_to_python_only_when_allowed(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    compile_: str | None,
) -> None:
    from setuptools.errors import CompileError

    monkeypatch.chdir(REPO)
    monkeypatch.delenv("CORROBORATE_COMPILE", raising=False)
    if compile_:
        monkeypatch.setenv("CORROBORATE_COMPILE", compile_)
    broken = {"demo.c": _MODULE_C, "half.c": "int half(int n) { return n / ; }\n"}
    if compile_ == "1":  # the compiled build asked for: its failure is the build's
        with pytest.raises(CompileError):
            _build_extension(tmp_path, broken)
        return
    command = _build_extension(tmp_path, broken)
    assert command.extensions == [] and command.distribution.ext_modules == []
    assert not Path(command.get_ext_fullpath("demo")).exists()
    assert "compiling failed" in capsys.readouterr().err


def test_build_is_named() -> None:
    found = compiled_modules()
    assert build_name() == (f"compiled (mypyc, {len(found)} modules)" if found else "Python")


@pytest.mark.skipif(
    os.environ.get("CORROBORATE_EXPECT_COMPILED") != "1",
    reason="only in CI's run on the compiled build (CORROBORATE_EXPECT_COMPILED=1)",
)
def test_the_compiled_build_is_the_one_tested() -> None:
    # Without this, a build that silently fell back to Python would pass for a compiled one.
    assert compiled_modules() == list(COMPILED_MODULES)


def test_backend_refuses_a_compiled_editable_install(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _backend()
    monkeypatch.setenv("CORROBORATE_COMPILE", "1")
    with pytest.raises(SystemExit, match="not an editable one"):
        backend["get_requires_for_build_editable"]()


def _project_copy(tree: Path) -> Path:
    """The files a build of the project reads, copied to ``tree``."""
    tree.mkdir(exist_ok=True)
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(REPO / name, tree / name)
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.so")
    for folder in ("_build", "src"):
        shutil.copytree(REPO / folder, tree / folder, ignore=skip, dirs_exist_ok=True)
    return tree


def test_sdist_carries_the_build_backend(tmp_path: Path) -> None:
    # pyproject.toml names an in-tree backend: without it an sdist could not be built from.
    code = ("import sys; sys.path.insert(0, '_build'); import backend; "
            "print(backend.build_sdist(sys.argv[1]))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "dist")],
                         cwd=_project_copy(tmp_path / "tree"), capture_output=True, text=True,
                         check=True)  # fmt: skip
    with tarfile.open(tmp_path / "dist" / out.stdout.strip().splitlines()[-1]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {"_build/backend.py", "setup.py", "src/corroborate/buildinfo.py"} <= names


@pytest.mark.filterwarnings(_BETA)
def test_a_wheel_leaves_out_what_earlier_builds_left(tmp_path: Path) -> None:
    # setuptools puts all of its build folder in a wheel: an extension an earlier build left
    # there (a module compiled then, pure now) would shadow the module's source.
    tree = _project_copy(tmp_path / "tree")
    for lib in ("lib", "lib.linux-x86_64-cpython-311"):
        stale = tree / "build" / lib / "corroborate" / "words.cpython-311.so"
        stale.parent.mkdir(parents=True)
        stale.write_bytes(b"left by an earlier build")
    dist = tmp_path / "dist"
    # (pip builds a local folder in place, in an environment of its own, as a user's does.)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
                    str(tree)], env={**os.environ, "CORROBORATE_COMPILE": "0"},
                   capture_output=True, check=True)  # fmt: skip
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as built:
        names = set(built.namelist())
    assert "corroborate/words.py" in names
    assert not [n for n in names if n.endswith(".so")]


#: Compiled functions that may nest a ``def``: each runs once per batch or per process, so
#: the one environment it leaves to the cyclic collector does not add up.
NESTED_DEFS_ALLOWED = {
    ("corroborate.geo.gazetteer", "build_gazetteer"),  # once per process
    ("corroborate.ingest.clean", "lost_characters"),  # a check, not on the pipeline's path
    ("corroborate.report.render", "origin_views"),  # once per report written
    ("corroborate.report.view", "build_view"),  # once per report written
}


@pytest.mark.parametrize("name", COMPILED_MODULES)
def test_compiled_functions_nest_no_def(name: str) -> None:
    # Compiled, a nested function lives in its enclosing call's environment object, which
    # it refers back to: a cycle for each call, freed only by the cyclic collector, which
    # the pipeline pauses (an event's place ranking left 1.2 KB a report behind: 123 MB at
    # 100k). Key functions are lambdas (the environment does not hold a lambda) or module
    # functions.
    nested = {
        (name, outer.name)
        for outer in ast.walk(_source(name))
        if isinstance(outer, ast.FunctionDef)
        for inner in ast.walk(outer)
        if inner is not outer and isinstance(inner, ast.FunctionDef)
    }
    assert nested <= NESTED_DEFS_ALLOWED, sorted(nested - NESTED_DEFS_ALLOWED)
