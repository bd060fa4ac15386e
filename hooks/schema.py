"""The page schema as data: which front-matter keys a page may set, their shapes, the keys each kind
of page needs, and the values allowed. The checks that apply it are in `front_matter.py`; the
human-readable version is docs/about/schema.md (keep the two in step).
"""
from __future__ import annotations

CATEGORIES = (
    "global-infrastructure", "compute", "containers", "serverless", "storage", "databases",
    "networking", "security-identity", "application-integration", "management-governance",
    "developer-tools", "analytics", "migration-transfer", "machine-learning-other",
)
KINDS = ("service", "concept", "comparison", "guide")
CONTENT_KINDS = ("service", "concept", "comparison")   # the pages that get Related / Referenced by
EXAMS = ("developer-associate", "solutions-architect-associate")
NOTES = (
    "000_85957c6b008b39fe.txt", "001_7a6e416f541214b1.txt", "002_c6f06b2b46bc0fae.txt",
    "003_958e93a261f98f27.txt", "004_153bfae8379c7dd7.txt",
)
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")  # what Material's templates read
SEARCH_KEYS = ("boost", "exclude")
# Every key a page may set, with the shape it must have.
KEY_SHAPES = {
    "title": "text", "description": "text", "kind": "text", "service": "text", "abbr": "text or list of texts",
    "category": "text", "exams": "list of texts", "related": "list of texts", "glossary": "mapping",
    "sources": "list of texts", "search": "mapping", "hide": "list of texts",
    "references": "list of links", "reviewed": "date",
}
SHAPE_EXAMPLES = {
    "title": "title: Amazon SQS", "description": "description: One sentence on what it is for.",
    "kind": "kind: service", "service": "service: Amazon Simple Queue Service",
    "abbr": "abbr: SQS` or `abbr: [KDS, KCL]", "category": "category: application-integration",
    "exams": "exams: [developer-associate]", "related": "related: [sns, lambda]",
    "glossary": "glossary:` then one `  Term: definition` per line", "sources": "sources: [001_7a6e416f541214b1.txt]",
    "search": "search:` then `  boost: 2", "hide": "hide: [toc]",
    "references": "references:` then one `  - {title: \"SQS quotas\", url: \"https://docs.aws.amazon.com/...\"}` per line",
    "reviewed": "reviewed: 2026-12-02",
}
# `references:` point readers at AWS documentation only: never fetched by the build, plain links.
REFERENCE_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")
REQUIRED_BY_KIND = {
    "service": ("title", "description", "kind", "service", "category", "exams", "related", "sources"),
    "concept": ("title", "description", "kind", "exams", "related", "sources"),
    "comparison": ("title", "description", "kind", "exams", "related", "sources"),
    "guide": ("title", "description", "kind"),
}
NOT_ALLOWED_BY_KIND = {
    "concept": ("service", "category"), "comparison": ("service", "category"), "guide": ("service",),
}


def is_text(value: object) -> bool:
    return isinstance(value, str)


def has_shape(value: object, shape: str) -> bool:
    """Whether a front-matter value has one of the shapes named in KEY_SHAPES."""
    if shape == "text":
        return is_text(value)
    if shape == "mapping":
        return isinstance(value, dict)
    if shape == "list of texts":
        return isinstance(value, list) and all(is_text(v) for v in value)
    if shape == "text or list of texts":
        return is_text(value) or (isinstance(value, list) and all(is_text(v) for v in value))
    if shape == "list of links":
        return isinstance(value, list) and all(is_text(v) or isinstance(v, dict) for v in value)
    if shape == "date":
        return is_text(value)
    raise ValueError(shape)
