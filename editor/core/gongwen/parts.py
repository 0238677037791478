"""The 公文要素: every part of an official document around its title and body, by the standard's names."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields

# Front-matter key (the standard's name) -> attribute. Keys users may also write are in ALIASES.
KEYS: dict[str, str] = {
    "类型": "doc_type",
    "份号": "copy_number",
    "密级": "secrecy",
    "紧急程度": "urgency",
    "发文机关标志": "issuer_marks",
    "发文字号": "doc_number",
    "签发人": "signers",
    "主送": "main_recipients",
    "附件": "attachments",
    "发文机关署名": "issuer_names",
    "成文日期": "date",
    "附注": "note",
    "出席": "present",
    "列席": "attending",
    "抄送": "copy_to",
    "印发机关": "printer",
    "印发日期": "print_date",
}
ALIASES = {"主送机关": "主送", "文种": "类型", "文号": "发文字号", "署名": "发文机关署名", "抄送机关": "抄送",
           "密级和保密期限": "密级", "附件说明": "附件"}
LIST_KEYS = {"发文机关标志", "签发人", "附件", "发文机关署名"}
_ITEM_NUMBER = re.compile(r"^\s*[0-9０-９]{1,2}\s*[.．、]\s*")
_NAME_SPLIT = re.compile(r"[、，,\s]+")


@dataclass
class Parts:
    """The parts of one 公文; empty strings and lists are parts not given."""

    doc_type: str = ""
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    issuer_marks: list[str] = field(default_factory=list)  # several for joint issuance
    doc_number: str = ""
    signers: list[str] = field(default_factory=list)
    main_recipients: str = ""
    attachments: list[str] = field(default_factory=list)  # names, without their 1. 2. numbers
    issuer_names: list[str] = field(default_factory=list)
    date: str = ""
    note: str = ""
    present: str = ""
    attending: str = ""
    copy_to: str = ""
    printer: str = ""
    print_date: str = ""

    def get(self, key: str) -> str | list[str]:
        """A part by its standard name."""
        return getattr(self, KEYS[canonical_key(key) or key])  # type: ignore[no-any-return]

    def set(self, key: str, value: str) -> None:
        """Set a part from its text as written (lists split the way front matter writes them)."""
        name = canonical_key(key)
        if name is None:
            raise KeyError(key)
        attr = KEYS[name]
        if name in LIST_KEYS:
            setattr(self, attr, split_list(name, value))
        else:
            setattr(self, attr, " ".join(value.split("\n")).strip())

    def text_of(self, key: str) -> str:
        """A part as one line of text (lists joined as front matter writes them)."""
        value = self.get(key)
        if isinstance(value, list):
            return join_list(canonical_key(key) or key, value)
        return value

    def items(self) -> list[tuple[str, str]]:
        """The parts given, as (standard name, text), in the standard's order."""
        return [(k, self.text_of(k)) for k in KEYS if self.get(k)]

    def is_empty(self) -> bool:
        """Whether no part is given."""
        return not any(getattr(self, f.name) for f in fields(self))

    def merged(self, other: Parts) -> Parts:
        """These parts with the empty ones taken from `other` (a unit profile, say)."""
        out = Parts()
        for f in fields(self):
            mine = getattr(self, f.name)
            setattr(out, f.name, list(mine) if isinstance(mine, list) else mine)
            if not mine:
                theirs = getattr(other, f.name)
                setattr(out, f.name, list(theirs) if isinstance(theirs, list) else theirs)
        return out


def canonical_key(key: str) -> str | None:
    """The standard name for a key as written (full-width spaces and aliases allowed), or None."""
    k = key.strip().replace("\u3000", "").replace(" ", "")
    k = ALIASES.get(k, k)
    return k if k in KEYS else None


def split_list(key: str, value: str) -> list[str]:
    """A list part from its text: one item a line; 附件 items lose their numbers; names split on 、."""
    lines = [ln.strip() for ln in value.replace("；", "\n").replace(";", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if key == "附件":
        out: list[str] = []
        for ln in lines:
            # "1. 甲 2. 乙" on one line is two items
            pieces = re.split(r"\s+(?=[0-9０-９]{1,2}\s*[.．、])", ln)
            out.extend(_ITEM_NUMBER.sub("", p).strip() for p in pieces if p.strip())
        return out
    if key == "签发人":
        return [n for ln in lines for n in _NAME_SPLIT.split(ln) if n]
    return lines


def join_list(key: str, items: list[str]) -> str:
    """The inverse of split_list, on one line."""
    if key == "附件":
        if len(items) == 1:
            return items[0]
        return " ".join(f"{i}. {name}" for i, name in enumerate(items, 1))
    if key == "签发人":
        return "、".join(items)
    return "；".join(items)


# Document.properties names: a DOCX keeps them as custom properties, which Word shows under
# File → Properties → Custom and other tools leave alone.
PROPERTY_PREFIX = "Yuku.公文."


def to_properties(parts: Parts) -> dict[str, str]:
    """The parts as document properties (lists one item a line); parts not given are left out."""
    out: dict[str, str] = {}
    for key in KEYS:
        value = parts.get(key)
        if value:
            out[PROPERTY_PREFIX + key] = "\n".join(value) if isinstance(value, list) else value
    return out


def from_properties(properties: dict[str, str]) -> Parts | None:
    """The parts among a document's properties, or None when it holds none."""
    parts = Parts()
    found = False
    for name, text in properties.items():
        key = name[len(PROPERTY_PREFIX):] if name.startswith(PROPERTY_PREFIX) else ""
        if key not in KEYS:
            continue
        if key in LIST_KEYS:
            setattr(parts, KEYS[key], [ln for ln in text.split("\n") if ln.strip()])
        else:
            parts.set(key, text)
        found = True
    return parts if found else None


# The 类型 names a document type by the standard's (simplified) name; converting it would unlink it.
UNCONVERTED_KEYS = {"类型"}


def converted_properties(properties: dict[str, str], convert: Callable[[str], str]) -> dict[str, str]:
    """The 公文 properties whose text convert() changes, with their new text (script conversion)."""
    out: dict[str, str] = {}
    for name, text in properties.items():
        key = name[len(PROPERTY_PREFIX):] if name.startswith(PROPERTY_PREFIX) else ""
        if key in KEYS and key not in UNCONVERTED_KEYS:
            new = convert(text)
            if new != text:
                out[name] = new
    return out
