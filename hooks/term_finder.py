"""Which glossary terms a text mentions: whole words only, acronyms by case (AMI, not "ami" in a file
name), other words in any case, and terms with alternatives or a qualifier ("Cache hit / cache miss",
"Task (ECS)"). Used for the glossary's "Used in" lists and for the tooltips each page gets.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
RUN = re.compile(r"[\w-]+")
QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")   # "Task (ECS)", "Change data capture (CDC)"


def is_acronym(name: str) -> bool:
    """One token, mostly capitals and digits: DLQ, S3, RCU, FIFO, SSE-KMS, FSx, SigV4, iSCSI.
    Not names like DynamoDB or Binpack, nor phrases like "Visibility timeout"."""
    if len(name) < 2 or not TOKEN.fullmatch(name) or not any(c.isupper() for c in name):
        return False
    return sum(c.isupper() or c.isdigit() for c in name) > sum(c.islower() for c in name)


def usage_rules(name: str) -> list[tuple[str, ...]]:
    """Ways a page can mention a term, each a tuple of words that must all appear:
    "Cache hit / cache miss" -> either half; "Change data capture (CDC)" -> the words or the acronym;
    "Task (ECS)" -> "Task" and "ECS" on the same page."""
    rules = []
    for alternative in (part.strip() for part in name.split(" / ")):
        qualified = QUALIFIED.match(alternative)
        if not qualified:
            rules.append((alternative,))
        elif is_acronym(qualified.group(2)) and " " in qualified.group(1):
            rules += [(qualified.group(1),), (qualified.group(2),)]
        else:
            rules.append((qualified.group(1), qualified.group(2)))
    return rules


def word_key(word: str) -> str:
    """Acronyms match case-sensitively (AMI, not "ami" in a file name); words in any case."""
    return word if is_acronym(word) else word.casefold()


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


class Vocabulary:
    """Words to look for in many texts, each `(word, exact)`: exact words match case-sensitively.
    A found word is reported by its key: the word itself if exact, else its casefolded form."""

    def __init__(self, words: Iterable[tuple[str, bool]]):
        self.exact_runs, self.folded_runs, self.phrases = {}, {}, []
        for word, exact in words:
            key = word if exact else word.casefold()
            if not RUN.fullmatch(word):  # with the whole words it needs: a cheap test first
                parts = tuple(RUN.findall(word if exact else word.casefold()))
                self.phrases.append((word, exact, key, parts))
            elif exact:
                self.exact_runs[word] = key
            else:
                self.folded_runs[word.casefold()] = key


class TextIndex:
    """The whole words of a text (runs of letters, digits, `_` and `-`): a large vocabulary is
    tested against it with set operations instead of a regex per word or a slow giant alternation."""

    def __init__(self, text: str):
        self.text = " ".join(text.split())  # a phrase may be wrapped across source lines
        self.runs = set(RUN.findall(self.text))
        self.folded_runs = {run.casefold() for run in self.runs}
        self._folded_text = None

    def contains(self, word: str, exact: bool) -> bool:
        """Whether `word` occurs as a whole word (not inside a longer word or hyphenated name)."""
        if RUN.fullmatch(word):
            return word in self.runs if exact else word.casefold() in self.folded_runs
        if exact:
            haystack, needle = self.text, word
        else:
            if self._folded_text is None:
                self._folded_text = self.text.casefold()
            haystack, needle = self._folded_text, word.casefold()
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not (start and is_word_char(haystack[start - 1])) and not (end < len(haystack) and is_word_char(haystack[end])):
                return True
            start = haystack.find(needle, start + 1)
        return False

    def find(self, vocabulary: Vocabulary) -> set[str]:
        """The keys of the vocabulary's words this text contains."""
        found = {vocabulary.exact_runs[w] for w in vocabulary.exact_runs.keys() & self.runs}
        found |= {vocabulary.folded_runs[w] for w in vocabulary.folded_runs.keys() & self.folded_runs}
        found |= {key for word, exact, key, parts in vocabulary.phrases
                  if all(part in (self.runs if exact else self.folded_runs) for part in parts)
                  and self.contains(word, exact)}
        return found


class UsageFinder:
    """Finds the terms a text mentions, following each term's usage rules."""

    def __init__(self, names: Iterable[str]):
        rules = {name: usage_rules(name) for name in names}
        words = {word for alternatives in rules.values() for rule in alternatives for word in rule}
        self.vocabulary = Vocabulary((word, is_acronym(word)) for word in words)
        self.rules = {name: [tuple(word_key(w) for w in rule) for rule in alternatives]
                      for name, alternatives in rules.items()}
        self.by_key = {}  # word key -> the terms it can be part of
        for name, alternatives in self.rules.items():
            for key in {key for rule in alternatives for key in rule}:
                self.by_key.setdefault(key, set()).add(name)

    def terms_in(self, text: str | TextIndex) -> set[str]:
        """The terms a text (or its TextIndex) mentions."""
        found = (text if isinstance(text, TextIndex) else TextIndex(text)).find(self.vocabulary)
        candidates = set().union(*(self.by_key[key] for key in found)) if found else set()
        return {name for name in candidates if any(all(key in found for key in rule) for rule in self.rules[name])}


def term_usage(pages: Iterable, terms: dict, *, indexes: dict[str, TextIndex] | None = None) -> dict[str, list[str]]:
    """term -> sorted paths of the pages whose prose mentions it (other than the defining page).
    `indexes`: path -> TextIndex of the page's prose, when the caller has them already."""
    finder = UsageFinder(terms)
    usage = {name: [] for name in terms}
    for info in sorted(pages, key=lambda p: p.path):
        index = (indexes or {}).get(info.path) or TextIndex(info.prose)
        for name in finder.terms_in(index):
            if terms[name].path != info.path:
                usage[name].append(info.path)
    return usage
