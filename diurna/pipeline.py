"""The diurna pipeline, top to bottom.

    ingest  -> raw articles (diurna.ingest)
    prepare -> Article: text from HTML, language check, stable id, publication date, length limit
    nlp     -> spaCy parse, in batches (diurna.nlp)
    actors  -> actor mentions resolved to KB actors, with coreference (diurna.actors)
    time    -> temporal expressions normalised against the publication date (diurna.time)
    places  -> toponyms geocoded offline (diurna.places)
    actor countries -> generic actors ("police", "protesters") get the story's country, marked inferred
    quotes  -> direct, partial and indirect quotes with speaker and relay chain (diurna.quotes)
    events  -> PLOVER events with source, target, evidence, date and place (diurna.events)
    store   -> DuckDB (diurna.store), done by the caller: `diurna ingest`

Each stage is an object built once per process (it loads its dictionaries and models in
`__init__`) and called on one `ArticleDoc` at a time, adding its records to it.

Each article has a time budget for its stages (`DIURNA_TIME_BUDGET` seconds, default 60; 0 = no
limit), so that no text, however long or odd, holds a worker: the stages whose cost grows with the
text check it inside their loops and stop there; no later stage runs; the document keeps the
records finished so far (each valid) and says in a warning which stage was cut and which did not run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Protocol, Union

from diurna import nlp
from diurna.document import ArticleDoc, Deadline
from diurna.ids import article_id
from diurna.ingest import repair_warnings
from diurna.ingest.base import IngestError, RawArticle, parse_pubdate, split_origin
from diurna.nlp import language
from diurna.records import Article

# Seconds an article's stages may take, parse excluded (0: no limit). Coding is linear in the text
# (about 0.1 s of CPU per 1,000 words, benchmarks/bench_length.py): an article at the 100,000-character
# limit needs a few seconds even on a busy machine, so 60 s is only reached by a text the stages
# should not spend longer on.
DEFAULT_TIME_BUDGET = 60.0


def time_budget_from_env() -> float:
    """`DIURNA_TIME_BUDGET` in seconds (0 or negative: no limit), else the default."""
    value = os.environ.get("DIURNA_TIME_BUDGET", "").strip()
    if not value:
        return DEFAULT_TIME_BUDGET
    try:
        return float(value)
    except ValueError:
        raise ValueError("DIURNA_TIME_BUDGET must be a number of seconds, not %r" % value) from None


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]  # ArticleDoc fields the stage reads: set by `prepare` or an earlier stage
    assigns: tuple[str, ...]  # ArticleDoc fields the stage writes

    def __call__(self, doc: ArticleDoc) -> None: ...


# What `prepare` gives every article before the first stage runs.
PREPARED = frozenset({"article", "spacy_doc", "sentence_spans", "warnings"})


def check_contracts(stages: list[Stage]) -> None:
    """Refuse a pipeline in which a stage reads what no stage before it writes (a stage moved above
    the one it depends on would otherwise run on empty lists and code nothing, silently). A stage
    that declares nothing is not checked."""
    fields = {f.name for f in dataclasses.fields(ArticleDoc)}
    have = set(PREPARED)
    for stage in stages:
        requires, assigns = set(getattr(stage, "requires", ())), set(getattr(stage, "assigns", ()))
        unknown = (requires | assigns) - fields
        if unknown:
            raise ValueError("stage %r names fields an article does not have: %s" % (stage.name, sorted(unknown)))
        missing = requires - have
        if missing:
            raise ValueError(
                "stage %r requires %s, which no stage before it assigns (order: %s)"
                % (stage.name, sorted(missing), ", ".join(s.name for s in stages))
            )
        have |= assigns


def default_stages() -> list[Stage]:
    """The stages in the order they run; each is imported here so the order reads in one place."""
    from diurna.actors import ActorStage
    from diurna.actors.country import ActorCountryStage
    from diurna.actors.first_person import SpeakerFirstPersonStage
    from diurna.events import EventStage
    from diurna.places import PlaceStage
    from diurna.quotes import QuoteStage
    from diurna.time import TimeStage

    return [
        ActorStage(),
        TimeStage(),
        PlaceStage(),
        ActorCountryStage(),
        QuoteStage(),
        SpeakerFirstPersonStage(),  # "we" in a quotation: its speaker, known once quotes are found
        EventStage(),
    ]


def prepare(
    raw: RawArticle,
    default_pubdate: Optional[str] = None,
    default_source: Optional[str] = None,
    require_pubdate: bool = False,
) -> Union[Article, IngestError]:
    """The Article a raw record stands for, or an error naming the record when it has no text (or,
    with `require_pubdate`, no publication date of its own and no `default_pubdate`)."""
    from diurna.ingest.html import html_to_text

    where, pos = split_origin(raw.origin)
    title, date, problem = raw.title, raw.date, None
    if raw.html is not None:
        extracted = html_to_text(raw.html)
        text, problem = extracted.text, extracted.problem
        title = title or extracted.title
        date = date or extracted.date
    else:
        text = raw.text or ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        return IngestError(
            where, pos or None, problem or "no article text (empty, or nothing left after boilerplate removal)"
        )
    foreign = language.non_english(text)
    if foreign is not None:
        return IngestError(
            where,
            pos or None,
            "skipped: the article is not in English (%s); diurna codes English news only" % foreign.reason(),
            kind="skipped",
        )
    published = parse_pubdate(date)
    if published is None and default_pubdate is None and require_pubdate:
        return IngestError(
            where,
            pos or None,
            "no publication date: the article states none and no --pubdate was "
            "given (refused because of --require-pubdate)",
        )
    return Article(
        id=raw.id or article_id(raw.url, text),
        title=title,
        url=raw.url,
        source=raw.source or default_source,
        published=published or parse_pubdate(default_pubdate),
        pubdate_assumed=published is None and parse_pubdate(default_pubdate) is not None,
        text=text,
    )


def _truncate(doc: ArticleDoc) -> None:
    if len(doc.article.text) > nlp.MAX_ARTICLE_CHARS:
        cut = doc.article.text.rfind("\n", 0, nlp.MAX_ARTICLE_CHARS)
        cut = cut if cut > nlp.MAX_ARTICLE_CHARS // 2 else nlp.MAX_ARTICLE_CHARS
        doc.warnings.append(
            "article truncated from %d to %d characters (DIURNA_MAX_ARTICLE_CHARS)" % (len(doc.article.text), cut)
        )
        doc.article = doc.article.model_copy(update={"text": doc.article.text[:cut]})


def _parses(texts: list[str], batch_size: int) -> Iterator:
    """The parse of each text in order. When spaCy fails inside a batch, the texts not yet parsed are
    parsed one by one, and only the one it fails on yields its exception instead of a parse: one
    article spaCy cannot take must not stop every rerun of an ingest at the same batch."""
    done = 0
    try:
        for parsed in nlp.parse(texts, batch_size):
            done += 1
            yield parsed
    except Exception:  # noqa: BLE001 — which text broke the batch is found below
        for text in texts[done:]:
            try:
                yield next(nlp.parse([text], 1))
            except Exception as exc:  # noqa: BLE001
                yield exc


# A short article written for diurna that reaches every stage: actors, a date, a place, a quote, an event.
_WARM_UP_TEXT = (
    "BRUSSELS - European Union foreign ministers on Monday imposed new sanctions on Russia "
    'over the war in Ukraine. "We will not stand by," the EU\'s foreign policy chief said '
    "in Brussels, adding that the bloc would also send more aid to Kyiv."
)


@dataclass
class Skipped:
    """An article the caller asked to skip (e.g. already in the store): not parsed or coded."""

    article_id: str
    origin: str


def _budget_warning(doc: ArticleDoc, not_run: list[str]) -> None:
    deadline = doc.deadline
    message = "time budget of %g s exceeded (DIURNA_TIME_BUDGET)" % deadline.seconds
    if deadline.cut_in:
        message += ": stage %r stopped early, its records are partial" % deadline.cut_in
    if not_run:
        message += "; stages not run: %s" % ", ".join(not_run)
    doc.warnings.append(message)


class Pipeline:
    """Codes articles: `for item in Pipeline()(raw_articles): ...` yields ArticleDoc or IngestError."""

    def __init__(
        self,
        stages: Optional[list[Stage]] = None,
        batch_size: int = 16,
        default_pubdate: Optional[str] = None,
        default_source: Optional[str] = None,
        require_pubdate: bool = False,
        time_budget: Optional[float] = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        """`time_budget`: seconds each article's stages may take (None: `DIURNA_TIME_BUDGET`, else
        60; 0: no limit). `clock` measures it (tests pass a fake one)."""
        self.stages = default_stages() if stages is None else stages
        check_contracts(self.stages)
        self.time_budget = time_budget_from_env() if time_budget is None else time_budget
        self.clock = clock
        self.batch_size = batch_size
        # Without a default, an undated article is dated the day it is coded (and says so: a warning
        # and `pubdate_assumed`), unless `require_pubdate` asks for an error instead.
        self.today_assumed = default_pubdate is None
        self.default_pubdate = default_pubdate or dt.date.today().isoformat()
        self.require_pubdate = require_pubdate
        self.default_source = default_source
        # Seconds spent in each stage so far ("nlp" included): the benchmark reports the shares.
        self.timings: dict[str, float] = {"prepare": 0.0, "nlp": 0.0, **{s.name: 0.0 for s in self.stages}}

    def __call__(
        self, items: Iterable[Union[RawArticle, IngestError]], skip: Optional[Callable[[Article], bool]] = None
    ) -> Iterator[Union[ArticleDoc, IngestError, Skipped]]:
        """Code each raw article; errors pass through in order. Articles for which `skip(article)`
        is true are yielded as `Skipped` without being parsed."""
        batch: list[ArticleDoc] = []
        for item in items:
            origin = item.origin if isinstance(item, RawArticle) else ""
            if isinstance(item, RawArticle):
                yield from repair_warnings(item)  # strings every stage and the store can hold
                started = time.perf_counter()
                item = prepare(
                    item,
                    None if self.today_assumed and self.require_pubdate else self.default_pubdate,
                    self.default_source,
                    self.require_pubdate,
                )
                self.timings["prepare"] += time.perf_counter() - started
            if isinstance(item, IngestError):
                yield item
                continue
            if skip is not None and skip(item):
                yield Skipped(item.id, origin)
                continue
            doc = ArticleDoc(article=item, origin=origin)
            if item.pubdate_assumed and self.today_assumed:
                doc.warnings.append(
                    "no publication date in the article: dated %s, the day it was coded (give "
                    "--pubdate, or --require-pubdate to refuse undated articles)" % item.published
                )
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[ArticleDoc]) -> Iterator[ArticleDoc]:
        for doc in batch:
            _truncate(doc)
        # nlp.pipe parses lazily, batch by batch: time each next() as the nlp stage's share.
        parsed_docs = _parses([d.article.text for d in batch], self.batch_size)
        for doc in batch:
            started = time.perf_counter()
            parsed = next(parsed_docs)
            self.timings["nlp"] += time.perf_counter() - started
            if isinstance(parsed, Exception):
                where, pos = split_origin(doc.origin)
                yield IngestError(
                    where or doc.article.id,
                    pos or None,
                    "the parser failed on article %s: %s: %s" % (doc.article.id, type(parsed).__name__, parsed),
                )
                continue
            doc.spacy_doc = parsed
            if self.time_budget > 0:
                doc.deadline = Deadline(self.time_budget, self.clock)
            try:
                for k, stage in enumerate(self.stages):
                    if doc.deadline is not None:
                        doc.deadline.stage = ""  # between stages: none is cut
                    if doc.out_of_time():
                        _budget_warning(doc, [s.name for s in self.stages[k:]])
                        break
                    if doc.deadline is not None:
                        doc.deadline.stage = stage.name
                    started = time.perf_counter()
                    stage(doc)
                    self.timings[stage.name] += time.perf_counter() - started
                else:
                    if doc.deadline is not None and doc.deadline.cut_in:
                        _budget_warning(doc, [])  # the last stage was cut, none was left to skip
            except Exception as exc:  # one article's failure must not stop the run: report it, go on
                where, pos = split_origin(doc.origin)
                yield IngestError(
                    where or doc.article.id,
                    pos or None,
                    "stage %r failed on article %s: %s: %s"
                    % (getattr(stage, "name", stage), doc.article.id, type(exc).__name__, exc),
                )
                continue
            yield doc

    def warm_up(self) -> None:
        """Load everything the stages load lazily (spaCy, language model, KB indexes, classifier,
        gazetteer) by coding one short article, then forget its timings. Workers call this at
        start-up so their first real article is not seconds slower than the rest."""
        self.code_text(_WARM_UP_TEXT, "2024-03-04")
        self.timings = {name: 0.0 for name in self.timings}

    def code_text(self, text: str, published: Optional[str] = None, **meta) -> ArticleDoc:
        """Code one article given as plain text (the Python API's simplest entry point)."""
        raw = RawArticle(origin="<text>", text=text, date=published, **meta)
        for item in self([raw]):
            if not isinstance(item, ArticleDoc):
                raise ValueError(str(item))
            return item
        raise AssertionError("the pipeline yielded nothing for one article")
