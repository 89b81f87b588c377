"""The learner's search, without the database: the query reduced to words, the French stems that
match them as prefixes, and the excerpts with the matched words in <mark>, escaped first.

Wagtail's database backend does the matching (`courses.selectors.search_results`): the French
configuration of PostgreSQL stems whole words, and the prefix query built here from Snowball's
French stems (the algorithm of PostgreSQL's `french_stem`) finds « torture » from « tortur » and
« arrestation » from « arrestations » on SQLite too, which has no stemmer."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from modelsearch.query import And, PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# A stem shorter than this matches too many words as a prefix (« vu » for « vue »): the word
# itself is the prefix then.
MIN_STEM_PREFIX = 4
# Letters and digits only: every operator of PostgreSQL's tsquery and SQLite's FTS5 (quotes,
# *, :, &, |, !, parentheses, NEAR, ^) is a separator, so no input can break the query.
WORD = re.compile(r"[^\W_]+")
EXCERPT_WORDS = 36
EXCERPT_WORDS_BEFORE = 10

_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower case without accents: « Détention » and « detention » compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.casefold())


def query_terms(query: str) -> list[str]:
    """The words of the query, lower case, at most MAX_TERMS, without repeats. One-letter words
    (the « l » of « l'arrestation ») are dropped when the query has longer ones."""
    words = [word.casefold() for word in WORD.findall(query[:MAX_QUERY_LENGTH])]
    if any(len(word) > 1 for word in words):
        words = [word for word in words if len(word) > 1]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def prefix_for(term: str) -> str:
    """The prefix that finds the forms of `term`: its stem (« arrest » for « arrestations »),
    unless the stem is too short or not a prefix of the word (then the word itself)."""
    root = stem(term)
    if len(root) >= MIN_STEM_PREFIX and term.startswith(root):
        return root
    return term


def full_text_query(terms: list[str]) -> PlainText:
    """Every word, whole (PostgreSQL stems them with its French configuration)."""
    return PlainText(" ".join(terms), operator="and")


def prefix_query(terms: list[str]) -> And:
    """Every word's prefix: one PlainText per word, since the backends take the last word of a
    PlainText as a prefix."""
    return And([PlainText(prefix_for(term), operator="and") for term in terms])


class _Matcher:
    """Tells whether a word of the text is a form of one of the terms: it starts with the
    term or its prefix, or has the same stem (accents and case ignored)."""

    def __init__(self, terms: list[str]):
        self.prefixes = tuple({fold(prefix_for(term)) for term in terms} | {fold(t) for t in terms})
        self.stems = {fold(stem(term)) for term in terms}
        self.heads = {stem_[:3] for stem_ in self.stems}

    def __call__(self, word: str) -> bool:
        folded = fold(word)
        if folded.startswith(self.prefixes):
            return True
        return folded[:3] in self.heads and fold(stem(folded)) in self.stems


def _render(pieces: list[str], matcher: "_Matcher | None") -> SafeString:
    """The pieces escaped, the words that match in <mark>."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<mark>{}</mark>", piece) if _matches(matcher, piece) else piece,)
            for piece in pieces
        ),
    )


def _matches(matcher: "_Matcher | None", piece: str) -> bool:
    return matcher is not None and WORD.fullmatch(piece) is not None and matcher(piece)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The whole text, escaped, with the words that match the terms in <mark>."""
    return _render(_pieces(text), _Matcher(terms) if terms else None)


def _pieces(text: str) -> list[str]:
    """The text cut into alternating separators and words: words at odd indexes."""
    return re.split(f"({WORD.pattern})", text)


def excerpt(
    text: str, terms: list[str], *, words: int = EXCERPT_WORDS, before: int = EXCERPT_WORDS_BEFORE
) -> SafeString:
    """About `words` words of `text` around the first word that matches a term, escaped, the
    matches in <mark>, with « … » where the text is cut. Without a match, the text's start."""
    text = " ".join(text.split())
    if not text:
        return _render([], None)
    pieces = _pieces(text)
    word_positions = list(range(1, len(pieces), 2))
    matcher = _Matcher(terms) if terms else None
    first = 0
    if matcher is not None:
        for n, position in enumerate(word_positions):
            if matcher(pieces[position]):
                first = n
                break
    start_word = max(0, min(first - before, len(word_positions) - words))
    end_word = min(len(word_positions), start_word + words)
    start = word_positions[start_word] if start_word else 0
    end = word_positions[end_word - 1] + 1 if end_word < len(word_positions) else len(pieces)
    return format_html(
        "{}{}{}",
        "… " if start else "",
        _render(pieces[start:end], matcher),
        " …" if end < len(pieces) else "",
    )
