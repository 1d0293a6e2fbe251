"""Ingest benchmark: full extraction vs spaCy's blank-English tokenizer on the same text.

The corpus is synthetic but built to behave like fresh news, not like a loop over five
articles. Recombining the bundled articles' sentences alone would repeat the same token
strings over and over, and spaCy's tokenizer caches its work per whitespace-delimited
string: the baseline would get unrealistically fast while the extractor still does its
full work per sentence. So each synthetic article:

* draws 25-45 sentences from the bundled articles (headings and debris excluded), in
  shuffled order, four to a paragraph;
* invents names for the companies and the people the lexicon does not list as leaders
  (found in the bundled articles by the extractor itself, replaced by their spans), from
  random syllables, consistently within the article ("Varokin Metals ... Varokin") and
  different in every article; acronyms become the new name's initials;
* replaces every number with a random one of the same shape (years stay plausible years);
* closes a third of its paragraphs with a quote attribution from an invented analyst at
  an invented firm ("..., said Dorkel Venmar, an analyst at Quinbri Capital."), as news
  copy does;
* adds, to three paragraphs in four, a background sentence about an invented company,
  person and place ("Varokin Metals employs 2,310 people at its Dorkel plant ...");
* moves a fronted adverbial ("In October, ...", "On Tuesday, ...") to the end of its
  sentence half of the time, so clause order varies.

Countries, minerals, sectors, leaders and the function words around them still repeat,
as they do in real news on one subject. How much is new matters: by a Heaps'-law
estimate a real news corpus of this size (about two million tokens) meets a new
whitespace token every 20-30 tokens (3-5%); recombined sentences alone fall to about 1%,
and the tokenizer's cache then makes the baseline several times faster than it would be
on real copy. The script prints the share of whitespace tokens that are new to the
corpus when they appear ("novel tokens"), for the synthetic corpus, its first five
articles and the five bundled articles, so the three can be compared.

The baseline is spaCy's blank-English tokenizer in the extractor's configuration (the
extractor finds lexicon names among the same tokens, though without building spaCy
Docs), built afresh for each of three passes (median); the timed extractor is built
afresh too, for each of two passes (their mean), so neither side profits from a cache the
other warmed. The passes alternate, tokenizer first and last: the machine is shared, and a
speed that drifts during the run then moves both sides of the ratio alike. (Interleaving
the two chunk by chunk was tried and is not neutral: in the run measured, the extractor
then cost 16% more and the tokenizer 8% less than in whole passes of the same run, each
evicting the other's working set from the CPU caches.) Timings are CPU
seconds of this process (robust when other jobs share the machine); ``--workers N``
adds a wall-clock comparison of one and N worker processes. Documents are streamed:
generated lazily and extracted chunk by chunk, so no document's text, sentences or
mentions outlive its chunk; what still grows is the registry of entities (needed to
resolve names across documents; a few hundred bytes per entity), the extractor's
caches being bounded. The script prints resident memory at 25, 50 and 100% of the
corpus.

    python benchmarks/bench_ingest.py [--articles 2000] [--workers 2] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reegraph.corpus import read_article  # noqa: E402
from reegraph.extract.mentions import make_tokenizer  # noqa: E402
from reegraph.extract.pipeline import Extractor  # noqa: E402
from reegraph.model import Document, Label  # noqa: E402

_FRONTED = re.compile(
    r"^(?P<adv>(?:In|On|At|After|Before|By|Since|Last|Earlier|Later|Under|During) [^,]{3,40}),"
    r" (?P<main>[A-Z].+?)(?P<end>[.!?])$"
)
_SYLLABLES = [
    "ka",
    "ro",
    "vin",
    "tal",
    "sem",
    "dor",
    "an",
    "bel",
    "cor",
    "da",
    "fen",
    "gar",
    "hol",
    "is",
    "jor",
    "kel",
    "lum",
    "mar",
    "nor",
    "pel",
    "quin",
    "ras",
    "sol",
    "tor",
    "ul",
    "vek",
    "wen",
    "yar",
    "zan",
    "bri",
    "chel",
    "dra",
    "fos",
    "gri",
    "hak",
    "lio",
    "mek",
    "ny",
    "osk",
    "pra",
    "ab",
    "ek",
    "il",
    "om",
    "ut",
    "bar",
    "cen",
    "dil",
    "fal",
    "gon",
    "hen",
    "jal",
    "kor",
    "lin",
    "mos",
    "nev",
    "orn",
    "pol",
    "rin",
    "sav",
    "tem",
    "vor",
    "wil",
    "xan",
    "yel",
    "zor",
    "bra",
    "cle",
    "dri",
    "fla",
    "glo",
    "kri",
    "plo",
    "sku",
    "tre",
    "vla",
    "zhe",
    "quo",
    "thi",
    "sha",
]
_ORG_TAILS = ("Metals", "Resources", "Minerals", "Materials", "Mining", "Group", "Holdings")
_NUMBER = re.compile(r"\d+")
_ROLES = (
    "an analyst at",
    "a senior fellow at",
    "chief executive of",
    "a director at",
    "a partner at",
)
_FIRMS = ("Capital", "Research", "Advisory", "Partners", "Consulting", "Economics")
_CLAIMS = (
    "the market would take months to adjust",
    "buyers were already looking for other suppliers",
    "prices could stay volatile through the year",
    "the deal bought time rather than certainty",
    "smaller producers stood to gain the most",
)
# Background sentences about invented companies, people and places, as news copy carries.
_BACKGROUND = (
    "{org} employs {n} people at its {place} plant, according to its annual report.",
    "{person}, who founded {org} in {year}, has lobbied for a refinery near {place}.",
    "Output at the {place} site of {org} reached {n} tonnes last quarter.",
    "{org} expects to finish the {place} expansion by {year}, {person} told investors.",
)


@dataclass(frozen=True)
class Slot:
    """A span of a pool sentence to refill: which entity, and how it was written."""

    start: int
    end: int
    entity: str
    kind: str  # org | person | surname | acronym


@dataclass(frozen=True)
class Template:
    text: str
    slots: tuple[Slot, ...]


def _kind(label: Label, surface: str, canonical: str) -> str | None:
    if label is Label.ORGANIZATION:
        return "acronym" if surface.isupper() and " " not in surface else "org"
    if label is Label.PERSON:
        return "person" if " " in surface else "surname"
    return None


def sentence_pool(extractor: Extractor) -> list[Template]:
    """Sentences of the bundled articles with the names to refill marked as slots."""
    from reegraph.extract.resolve import Registry

    pool: list[Template] = []
    listed_people = {e.id for e in extractor.lexicon.entries.values() if e.label is Label.PERSON}
    companies = {
        e.id
        for e in extractor.lexicon.entries.values()
        if e.label is Label.ORGANIZATION and e.kind == "company"
    }
    for path in sorted((ROOT / "ingest/articles").glob("*.txt")):
        doc = read_article(path)
        parsed = extractor.parse(doc, Registry())
        for s in parsed.sentences:
            if s.heading:
                continue
            slots = []
            for m in parsed.mentions:
                if m.sent != s.index or not m.entity:
                    continue
                renamed = (
                    m.label is Label.ORGANIZATION and (m.entry is None or m.entity in companies)
                ) or (m.label is Label.PERSON and m.entity not in listed_people)
                kind = _kind(m.label, doc.text[m.start : m.end], m.name)
                if renamed and kind:
                    slots.append(Slot(m.start - s.start, m.end - s.start, m.entity, kind))
            pool.append(
                Template(doc.text[s.start : s.end], tuple(sorted(slots, key=lambda x: x.start)))
            )
    return pool


class Namer:
    """Invented names, one set per article."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: dict[str, list[str]] = {}

    def _word(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3))).title()

    def words(self, entity: str, kind: str) -> list[str]:
        if entity not in self.names:
            if kind in {"person", "surname"}:
                self.names[entity] = [self._word(), self._word()]
            else:
                extra = [self._word() for _ in range(self.rng.randint(0, 1))]
                self.names[entity] = [self._word(), *extra, self.rng.choice(_ORG_TAILS)]
        return self.names[entity]

    def fill(self, slot: Slot) -> str:
        words = self.words(slot.entity, slot.kind)
        if slot.kind == "surname":
            return words[-1]
        if slot.kind == "acronym":
            return "".join(w[0] for w in words).upper() + "X"
        return " ".join(words)


def _number(rng: random.Random, m: re.Match[str]) -> str:
    raw = m.group(0)
    if len(raw) == 4 and raw[:2] in {"19", "20"}:
        return str(rng.randint(1995, 2035))
    if len(raw) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(raw) - 1), 10 ** len(raw) - 1))


def _render(t: Template, namer: Namer, rng: random.Random) -> str:
    parts, pos = [], 0
    for slot in t.slots:
        parts += [
            _NUMBER.sub(lambda m: _number(rng, m), t.text[pos : slot.start]),
            namer.fill(slot),
        ]
        pos = slot.end
    parts.append(_NUMBER.sub(lambda m: _number(rng, m), t.text[pos:]))
    text = "".join(parts)
    if (m := _FRONTED.match(text)) and rng.random() < 0.5:
        adv = m["adv"][0].lower() + m["adv"][1:]
        text = f"{m['main']}, {adv}{m['end']}"
    return text


def synthetic(pool: list[Template], n: int, seed: int) -> Iterator[Document]:
    rng = random.Random(seed)
    for i in range(n):
        namer = Namer(rng)
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(25, 45)))
        sentences = [_render(t, namer, rng) for t in chosen]
        paragraphs = []
        for j in range(0, len(sentences), 4):
            para = sentences[j : j + 4]
            if rng.random() < 1 / 3:
                person = " ".join(namer.words(f"quote{j}", "person"))
                firm = f"{namer.words(f'firm{j}', 'person')[0]} {rng.choice(_FIRMS)}"
                para.append(
                    f"{rng.choice(_CLAIMS).capitalize()}, said {person},"
                    f" {rng.choice(_ROLES)} {firm}."
                )
            if rng.random() < 3 / 4:
                para.insert(
                    rng.randint(0, len(para)),
                    rng.choice(_BACKGROUND).format(
                        org=" ".join(namer.words(f"bg-org{j}", "org")),
                        person=" ".join(namer.words(f"bg-person{j}", "person")),
                        place=namer.words(f"bg-place{j}", "person")[1],
                        n=rng.randint(120, 9800),
                        year=rng.randint(1995, 2031),
                    ),
                )
            paragraphs.append(" ".join(para))
        text = "\n".join(paragraphs)
        yield Document(id=f"syn-{i:05d}", title=f"Synthetic {i}", published="2025-11", text=text)


def novelty(texts: Iterable[str]) -> float:
    """Share of whitespace tokens not seen earlier in the stream."""
    seen: set[str] = set()
    new = total = 0
    for text in texts:
        for tok in text.split():
            total += 1
            if tok not in seen:
                seen.add(tok)
                new += 1
    return new / max(total, 1)


def rss_mb() -> float:
    """Current resident memory (Linux /proc), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def cpu() -> float:
    return time.process_time()


def run_extraction(
    extractor: Extractor, docs: Iterator[Document], n: int, workers: int
) -> tuple[int, int, list[float]]:
    entities = relations = 0
    memory: list[float] = []
    checkpoints = {n // 4, n // 2, n - 1}
    done = 0
    for bundle in extractor.extract_stream(docs, workers=workers):
        entities += len(bundle.entities)
        relations += len(bundle.relations)
        done += len(bundle.documents)
        if any(done - len(bundle.documents) <= c < done for c in checkpoints):
            memory.append(rss_mb())
    return entities, relations, memory


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=1, help="also time N worker processes")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--repeat", type=int, default=3,
        help="tokenizer passes (median); one extraction pass fewer, in between (mean)",
    )  # fmt: skip
    args = ap.parse_args(argv)

    extractor = Extractor()
    pool = sentence_pool(extractor)
    bundled = [read_article(p).text for p in sorted((ROOT / "ingest/articles").glob("*.txt"))]

    t0 = cpu()
    chars = sum(len(d.text) for d in synthetic(pool, args.articles, args.seed))
    gen_s = cpu() - t0

    def tokenize() -> tuple[float, int]:
        # The extractor's own tokenizer configuration, but a fresh instance (and so a
        # cold cache) for every pass: the extractor below starts cold too.
        nlp, words = make_tokenizer(), 0
        t0 = cpu()
        for doc in nlp.pipe(d.text for d in synthetic(pool, args.articles, args.seed)):
            words += len(doc)
        return cpu() - t0 - gen_s, words

    # One pass before the extraction and the others after it, so a machine that slows
    # down or speeds up during the run moves both sides of the ratio alike.
    # Tokenizer and extraction passes alternate (T E T E T for the defaults), so a
    # machine that slows down or speeds up during the run moves both sides alike.
    passes = [tokenize()]
    rss_tok = peak_rss_mb()
    extractions: list[float] = []
    for i in range(max(args.repeat - 1, 1)):
        extractor = Extractor()  # cold, like the tokenizer (the pool warmed the first one)
        t0, w0 = cpu(), time.perf_counter()
        counted = run_extraction(
            extractor, synthetic(pool, args.articles, args.seed), args.articles, 1
        )
        extractions.append(cpu() - t0 - gen_s)
        if i == 0:  # memory and output of the first pass; the others only add timings
            entities, relations, memory = counted
            wall_1 = time.perf_counter() - w0
        passes.append(tokenize())
    tokenize_s = sorted(t for t, _ in passes)[len(passes) // 2]
    extract_s = sum(extractions) / len(extractions)
    words = passes[0][1]

    n = args.articles
    print(f"articles:           {n:,} ({chars / n:,.0f} characters each on average)")
    print(f"tokens:             {words:,}")
    print(
        f"novel tokens:       {novelty(d.text for d in synthetic(pool, n, args.seed)):.1%}"
        f" of the synthetic corpus; first five articles"
        f" {novelty(d.text for d in synthetic(pool, 5, args.seed)):.1%}, the five bundled"
        f" articles {novelty(bundled):.1%}"
    )
    print(f"corpus generation:  {gen_s:.2f} s CPU (subtracted below)")
    print(
        f"tokenizer only:     {tokenize_s:.2f} s CPU  {n / tokenize_s:,.0f} articles/s"
        f"  {words / tokenize_s:,.0f} words/s"
    )
    print(
        f"full extraction:    {extract_s:.2f} s CPU  {n / extract_s:,.0f} articles/s"
        f"  {words / extract_s:,.0f} words/s"
    )
    ratio = extract_s / tokenize_s
    print(
        f"passes:             tokenizer {' / '.join(f'{t:.2f}' for t, _ in passes)} s,"
        f" extraction {' / '.join(f'{e:.2f}' for e in extractions)} s CPU, in turn"
    )
    print(f"ratio:              {ratio:.2f}x tokenization")
    print(f"output:             {entities:,} entities, {relations:,} relations (summed per chunk)")
    print(
        f"memory:             peak {rss_tok:.0f} MB after tokenizing; resident during extraction"
        f" at 25/50/100%: {' / '.join(f'{m:.0f}' for m in memory)} MB"
    )
    summary = f"RESULT ingest: {n} articles, extraction {ratio:.2f}x spaCy tokenization (CPU)"
    if args.workers > 1:
        w0 = time.perf_counter()
        run_extraction(extractor, synthetic(pool, n, args.seed), n, args.workers)
        wall_n = time.perf_counter() - w0
        print(
            f"workers:            1 process {wall_1:.2f} s wall, {args.workers} processes"
            f" {wall_n:.2f} s wall ({wall_1 / wall_n:.2f}x)"
        )
        summary += f"; {args.workers} workers {wall_1 / wall_n:.2f}x faster (wall)"
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
