"""Write src/hled/_structurers.py: the fast path's structuring function of every model class.

python scripts/make_structurers.py           # rewrite the module
python scripts/make_structurers.py --check   # exit 1 if the shipped module differs

Each function reads one JSON object with the strict leaf helpers of `hled._fast`
and calls the class, whose own validators still run. Written ahead of time, so
loading needs neither `typing.get_type_hints` (resolving the model's string
annotations costs more than building the bundled records) nor generic dispatch.
"""

from __future__ import annotations

import json
import sys
import types
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from hled._agenda import CrosswalkLink, Pillar, Workstream
from hled._dates import Date
from hled._model import Citation, reference_target
from hled._records import RECORD_TYPES, VALUE_TYPES

OUT = Path(__file__).resolve().parent.parent / "src" / "hled" / "_structurers.py"
HEADER = '''"""The fast path's structuring function of every model class (see `hled._fast`).

Generated from the model by ``scripts/make_structurers.py``: do not edit, rerun it
after changing the model (a test fails while this module is stale).

The functions of `hled._model`'s classes are defined here; those of the other model
modules inside one function per module (``_people()`` ...), which imports that module
and returns its functions, so structuring organizations creates no other class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hled._fast import (
    Tables,
    _citations,
    _date,
    _decimal,
    _int,
    _keys,
    _lit,
    _many,
    _odate,
    _oint,
    _olit,
    _oref,
    _ostr,
    _ref,
    _refs,
    _stage,
    _str,
    _strs,
    _true,
)
from hled._model import (
{imports}
)

__all__ = ["FAMILIES", "MODULES", "NEEDS", "SELF_REFERENCES", "STRUCTURERS"]
'''


def _name(cls: type) -> str:
    return cls.__name__.lower()


CONSTANTS: dict[str, str] = {}  # name -> the code of a frozenset of strings, filled while writing functions


def _frozenset(name: str, values: list[str]) -> str:
    """Define (once) a module constant holding *values*; return its name."""
    one_line = f"{name} = frozenset({{{', '.join(json.dumps(v, ensure_ascii=False) for v in sorted(values))}}})"
    if len(one_line) <= 120:
        code = one_line
    else:
        items = "".join(f"        {json.dumps(v, ensure_ascii=False)},\n" for v in sorted(values))
        code = f"{name} = frozenset(\n    {{\n{items}    }}\n)"
    if CONSTANTS.setdefault(name, code) != code:
        msg = f"two different sets named {name}"
        raise ValueError(msg)
    return name


def _choices(t: Any, name: str) -> str:
    values = get_args(t)
    if not all(type(v) is str for v in values):
        raise TypeError(t)
    return _frozenset(name, list(values))


def _expr(t: Any, value: str, where: str) -> str:
    """The code that structures *value* (code) as type *t*; *where* names its constants."""
    simple = {str: "_str", int: "_int", Decimal: "_decimal"}
    if t in simple:
        return f"{simple[t]}({value})"
    if t == Date:
        return f"_date({value})"
    if t == Pillar | Workstream:
        return f"_stage({value}, t)"
    if get_origin(t) is Literal:
        args = get_args(t)
        only_true = len(args) == 1 and args[0] is True  # `== (True,)` would take Literal[1] too
        return f"_true({value})" if only_true else f"_lit({value}, {_choices(t, where)})"
    target, many = reference_target(t)
    if target is not None:
        return f"_refs({value}, t[{target.__name__}])" if many else _one_ref(t, target, value)
    origin, args = get_origin(t), get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if item is str:
            return f"_strs({value})"
        if item is Citation:
            return f"_citations({value}, citation, t)"
        if item in VALUE_TYPES:
            return f"_many({value}, {_name(item)}, t)"
    if (origin is Union or origin is types.UnionType) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        inner = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007 - rebuilding a runtime union
        optional = {str: "_ostr", int: "_oint"}
        if inner in optional:
            return f"{optional[inner]}({value})"
        if inner == Date:
            return f"_odate({value})"
        if get_origin(inner) is Literal:
            return f"_olit({value}, {_choices(inner, where)})"
    msg = f"no fast structuring for {t!r}"
    raise TypeError(msg)


def _one_ref(t: Any, target: type, value: str) -> str:
    return f"_ref({value}, t[{target.__name__}])" if t is target else f"_oref({value}, t[{target.__name__}])"


def _default(field: attrs.Attribute[Any]) -> str:
    default = field.default
    if type(default) is str:  # a JSON string without escapes beyond JSON's is a Python literal of the same text
        return json.dumps(default, ensure_ascii=False)
    if default is None or default == () or type(default) in (int, bool):
        return repr(default)
    msg = f"{field.name}: no literal for the default {default!r}"
    raise TypeError(msg)


def _function(cls: type, indent: str = "") -> str:
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    known = _frozenset(f"_{cls.__name__.upper()}_FIELDS", [f.name for f in fields])
    lines = [
        "",
        *([] if indent else ["", ""]),
        f"def {_name(cls)}(r: Any, t: Tables) -> {cls.__name__}:",
        f'    """Structure a valid JSON object into `{cls.__name__}`; raise anything otherwise."""',
        f"    _keys(r, {known})",
        f"    return {cls.__name__}(",
    ]
    for f in fields:
        read = _expr(f.type, f'r["{f.name}"]', f"_{cls.__name__.upper()}_{f.name.upper()}")
        if f.default is not attrs.NOTHING:
            read = f'{read} if "{f.name}" in r else {_default(f)}'
        lines.append(f"        {f.alias or f.name}={read},")
    lines.append("    )")
    return "\n".join(f"{indent}{line}" if line else line for line in lines)


def _classes_in(t: Any) -> list[type]:
    """Every class a field type names, however nested (``tuple[Citation, ...]`` -> [Citation])."""
    found = [t] if isinstance(t, type) else []
    for arg in get_args(t):
        found.extend(_classes_in(arg))
    return found


def _needs(cls: type, inside: frozenset[type] = frozenset()) -> set[type]:
    """The record types that records of *cls* refer to, directly or through the objects they hold."""
    found: set[type] = set()
    for f in attrs.fields(cls):
        for c in _classes_in(f.type):
            if c in RECORD_TYPES:
                found.add(c)
            elif c in VALUE_TYPES and c not in inside:
                found |= _needs(c, inside | {cls})
    return found


def _mapping(target: str, items: dict[str, str]) -> str:
    """A dict display as ruff formats it: on one line if it fits, else one item per line."""
    one_line = f"{target} = {{{', '.join(f'{k}: {v}' for k, v in items.items())}}}\n"
    if len(one_line) <= 121:
        return one_line
    return f"{target} = {{\n" + "".join(f"    {k}: {v},\n" for k, v in items.items()) + "}\n"


BASE = "hled._model"  # its classes' functions are module-level: every build needs them


def _family(module: str, classes: list[type]) -> str:
    """A function that imports *module* and returns the functions of its *classes*."""
    short = module.removeprefix("hled.")
    named: dict[str, set[str]] = {}  # module -> the classes the functions name
    for cls in classes:
        named.setdefault(module, set()).add(cls.__name__)
        for f in attrs.fields(attrs.resolve_types(cls)):
            for c in _classes_in(f.type):
                if c in RECORD_TYPES and c.__module__ != BASE:
                    named.setdefault(c.__module__, set()).add(c.__name__)
                if c in VALUE_TYPES and c.__module__ not in (BASE, module):
                    msg = f"{cls.__name__} holds {c.__name__} of another deferred module"
                    raise TypeError(msg)
    lines = [
        "",
        "",
        "",
        f"def {short}() -> dict[type, Callable[[Any, Tables], Any]]:",
        f'    """The functions of the classes of `{module}`, which this imports."""',
    ]
    for where in sorted(named):
        lines.append(f"    from {where} import {', '.join(sorted(named[where]))}")
    lines.extend(_function(cls, "    ") for cls in classes)
    items = [f"{c.__name__}: {_name(c)}" for c in classes]
    one_line = f"    return {{{', '.join(items)}}}"
    lines.append("")
    lines.append(
        one_line if len(one_line) <= 120 else "    return {\n" + "".join(f"        {i},\n" for i in items) + "    }"
    )
    return "\n".join(lines)


def source() -> str:
    """The text of the generated module."""
    classes = sorted([*RECORD_TYPES, *VALUE_TYPES], key=lambda c: c.__name__)
    base = [c for c in classes if c.__module__ == BASE]
    modules = sorted({c.__module__ for c in classes} - {BASE})
    CONSTANTS.clear()
    functions = [_function(cls) for cls in base]
    functions.extend(_family(m, [c for c in classes if c.__module__ == m]) for m in modules)
    out = [HEADER.format(imports="\n".join(f"    {c.__name__}," for c in base))]
    out.append("\n" + "\n".join(CONSTANTS[name] for name in sorted(CONSTANTS)))
    out.extend(functions)
    self_refs = {}
    for cls in RECORD_TYPES:
        names = [f.name for f in attrs.fields(cls) if f.init and reference_target(f.type)[0] is cls]
        if names:
            self_refs[f'"{cls.__name__}"'] = repr(tuple(names)).replace("'", '"')
    out.append("\n\n\n# the functions of the classes of hled._model, by class\n")
    structurers = {c.__name__: _name(c) for c in base}
    out.append(_mapping("STRUCTURERS: dict[type, Callable[[Any, Tables], Any]]", structurers))
    out.append("# the functions of the other model modules, each returning its classes' functions\n")
    out.append(
        _mapping(
            "FAMILIES: dict[str, Callable[[], dict[type, Callable[[Any, Tables], Any]]]]",
            {f'"{m}"': m.removeprefix("hled.") for m in modules},
        )
    )
    out.append("# the module of each record type\n")
    out.append(_mapping("MODULES: dict[str, str]", {f'"{c.__name__}"': f'"{c.__module__}"' for c in RECORD_TYPES}))
    out.append("# the fields by which records of a type refer to records of that same type\n")
    out.append(_mapping("SELF_REFERENCES: dict[str, tuple[str, ...]]", self_refs))
    direct = {cls: _needs(cls) for cls in (*RECORD_TYPES, CrosswalkLink)}
    needs = {}
    for cls, first in direct.items():
        wanted = first
        while True:  # the closure: what they need is needed too
            more = wanted.union(*(direct[c] for c in wanted))
            if more == wanted:
                break
            wanted = more
        names = [f'"{c.__name__}"' for c in RECORD_TYPES if c in wanted - {cls}]
        needs[f'"{cls.__name__}"'] = f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"
    out.append(
        "# every record type a type's records (or the crosswalk's links) need, directly or through\n"
        "# other records, derived fields included: what must be built before or with them\n"
    )
    out.append(_mapping("NEEDS: dict[str, tuple[str, ...]]", needs))
    return "".join(out)


def main(argv: list[str]) -> int:
    text = source()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"stale {OUT.name} (run python scripts/make_structurers.py)", file=sys.stderr)
            return 1
        print(f"{OUT.name} is current")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
