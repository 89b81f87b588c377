"""The answer form of a quiz page, read as a browser would, with one random answer per
question: shared by the load bench (locustfile.py) and the soak bench (bench/soak.py)."""

import random
from html.parser import HTMLParser

WORDS = ["avocat", "procureur", "48 heures", "médecin", "famille", "je ne sais pas", "silence"]


class QuizForm(HTMLParser):
    """The fields of a quiz page's answer form (the POST form without an action: the page's
    other forms, sign-out and language, have one)."""

    def __init__(self, text: str):
        super().__init__()
        self.inside = False
        self.fields: dict[str, dict] = {}
        self.hidden: dict[str, str] = {}
        self.navs: list[str] = []
        self._select = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("method") or "").lower() == "post" and not a.get("action")
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind == "hidden":
                self.hidden[name] = a.get("value") or ""
            elif kind in ("radio", "checkbox"):
                field = self.fields.setdefault(name, {"kind": kind, "values": []})
                field["values"].append(a.get("value") or "")
            else:
                self.fields[name] = {"kind": "text", "inputmode": a.get("inputmode")}
        elif tag == "select" and name:
            self.fields[name] = {"kind": "select", "values": []}
            self._select = name
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            if value:
                self.fields[self._select]["values"].append(value)
        elif tag == "button" and name == "nav":
            self.navs.append(a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False

    def random_answers(self) -> dict:
        """One random answer per question: a radio, some checkboxes, a word or a number, and
        drop-downs (an ordering question's positions are a permutation: the server refuses
        two items at the same position, as a person would be told)."""
        data: dict[str, object] = {}
        selects: dict[str, list[str]] = {}
        for name, field in self.fields.items():
            if field["kind"] == "radio":
                data[name] = random.choice(field["values"])
            elif field["kind"] == "checkbox":
                values = field["values"]
                data[name] = random.sample(values, random.randint(1, len(values)))
            elif field["kind"] == "text":
                if field.get("inputmode") == "decimal":
                    data[name] = str(random.randint(0, 100))
                else:
                    data[name] = random.choice(WORDS)
            elif field["kind"] == "select":
                selects.setdefault(name.split("-", 1)[0], []).append(name)
        for names in selects.values():
            options = self.fields[names[0]]["values"]
            if options and all(o.isdigit() for o in options) and len(options) == len(names):
                for name, position in zip(names, random.sample(options, len(names)), strict=True):
                    data[name] = position
            else:
                for name in names:
                    data[name] = random.choice(self.fields[name]["values"])
        return data
