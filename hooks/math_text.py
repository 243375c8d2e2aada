"""A formula's MathML as one line of readable text: `x_0`, `σ^2`, `√(p(1−p)/n)`.

Used where MathML cannot be shown or is not read: the flashcards' CSV
(hooks/flashcards.py) and the accessible names of quiz options that are only
a formula (hooks/accessibility.py).
"""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
ACCENTS = {"¯": "\u0304", "‾": "\u0305", "^": "\u0302", "ˆ": "\u0302", "~": "\u0303", "˜": "\u0303", "˙": "\u0307", "→": "\u20d7"}
RELATIONS = set("=≈≠≤≥<>∝∼→←⇒⇔∈∉⊂⊆")
MATH = re.compile(r"<math\b(?P<attributes>[^>]*)>.*?</math>", re.DOTALL)  # a whole formula in HTML
TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
SPACES = re.compile(r"\s+")


def math_text(mathml: str) -> str:
    """A MathML formula as text: its TeX annotation if it has one, else a linear reading of its elements."""
    try:
        root = ElementTree.fromstring(mathml)
    except ElementTree.ParseError:
        return SPACES.sub(" ", html.unescape(TAG.sub(" ", mathml))).strip()
    for annotation in root.iter(f"{MATHML_NS}annotation"):
        if annotation.get("encoding") == "application/x-tex" and annotation.text:
            return annotation.text.strip()
    return SPACES.sub(" ", _reading(root)).strip()


def _reading(element: ElementTree.Element) -> str:
    tag = element.tag.removeprefix(MATHML_NS)
    parts = [_reading(child) for child in element]
    if tag in ("mi", "mn", "mtext", "ms"):
        return (element.text or "").strip()
    if tag == "mo":
        text = (element.text or "").strip()
        return f" {text} " if text in RELATIONS else text
    if tag == "mspace":
        return " "
    if tag in ("annotation", "annotation-xml"):
        return ""
    if tag == "msub" and len(parts) == 2:
        return f"{parts[0]}_{_group(parts[1])}"
    if tag == "msup" and len(parts) == 2:
        return f"{parts[0]}^{_group(parts[1])}"
    if tag == "msubsup" and len(parts) == 3:
        return f"{parts[0]}_{_group(parts[1])}^{_group(parts[2])}"
    if tag == "mfrac" and len(parts) == 2:
        return f"{_group(parts[0])}/{_group(parts[1])}"
    if tag == "msqrt":
        return f"√{_group(''.join(parts), always=len(parts) > 1)}"
    if tag == "mroot" and len(parts) == 2:
        return f"{_group(parts[0])}^(1/{parts[1].strip()})"
    if tag in ("mover", "munder", "munderover") and parts:
        accent = parts[1].strip() if len(parts) == 2 else ""
        if tag == "mover" and accent in ACCENTS and len(parts[0].strip()) == 1:
            return parts[0].strip() + ACCENTS[accent]
        marks = ("^", "_") if tag == "mover" else ("_", "^")
        return parts[0] + "".join(f"{mark}{_group(part)}" for mark, part in zip(marks, parts[1:], strict=False))
    if tag == "mtr":
        return ", ".join(part.strip() for part in parts)
    if tag == "mtable":
        return "; ".join(part.strip() for part in parts)
    return "".join(parts)


def _group(text: str, always: bool = False) -> str:
    text = text.strip()
    return f"({text})" if always or len(text) > 1 else text
