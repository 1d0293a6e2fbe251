"""Ingest benchmark: full extraction vs spaCy's blank-English tokenizer on the same text.

Builds a synthetic corpus in memory by recombining the bundled articles' sentences in
shuffled order (with a few invented company names swapped in), then times
``nlp.pipe`` with no components and ``Extractor.extract`` over the same documents, in
one run. Documents are streamed in batches so memory stays flat.

    python benchmarks/bench_ingest.py [--articles 2000] [--batch 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reegraph.corpus import read_article  # noqa: E402
from reegraph.extract.clean import clean  # noqa: E402
from reegraph.extract.pipeline import Extractor  # noqa: E402
from reegraph.extract.sentences import split_sentences  # noqa: E402
from reegraph.model import Document  # noqa: E402

# Invented names swapped for real ones so the open-world rules see unseen companies.
RENAMES = {
    "REAlloys": ["Borealis Magnetics", "Kestrel Alloys"],
    "Energy Fuels": ["Northgate Minerals", "Pinecrest Resources"],
    "Shenghe Resources": ["Huaxin Rare Metals Group", "Lingnan Resources"],
    "Tokyo Gas": ["Osaka Energy Holdings", "Sendai Power Corp"],
}


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "ingest/articles").glob("*.txt")):
        doc = read_article(path)
        for s in split_sentences(doc.text, clean(doc.text).debris):
            if not s.heading:
                pool.append(doc.text[s.start : s.end])
    return pool


def synthetic(n: int, seed: int) -> Iterator[Document]:
    rng = random.Random(seed)
    pool = sentence_pool()
    for i in range(n):
        sentences = rng.sample(pool, k=min(len(pool), rng.randint(25, 45)))
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        text = "\n".join(paragraphs)
        for real, fakes in RENAMES.items():
            text = text.replace(real, rng.choice(fakes))
        yield Document(id=f"syn-{i:05d}", title=f"Synthetic {i}", published="2025-11", text=text)


def batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=50, help="documents per extract() call")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    extractor = Extractor()
    nlp = extractor.finder.nlp  # the same tokenizer the extractor uses
    words = 0
    t0 = time.perf_counter()
    for batch in batches(synthetic(args.articles, args.seed), args.batch):
        for doc in nlp.pipe(d.text for d in batch):
            words += len(doc)
    tokenize_s = time.perf_counter() - t0
    rss_tok = peak_rss_mb()

    entities = relations = 0
    t0 = time.perf_counter()
    for batch in batches(synthetic(args.articles, args.seed), args.batch):
        bundle = extractor.extract(batch)
        entities += len(bundle.entities)
        relations += len(bundle.relations)
    extract_s = time.perf_counter() - t0
    # Corpus generation is inside both timings; measure it alone to report it.
    t0 = time.perf_counter()
    for _ in synthetic(args.articles, args.seed):
        pass
    gen_s = time.perf_counter() - t0

    tok_net, ext_net = max(tokenize_s - gen_s, 1e-9), max(extract_s - gen_s, 1e-9)
    print(f"articles:           {args.articles} (batches of {args.batch})")
    print(f"tokens:             {words:,}")
    print(f"corpus generation:  {gen_s:.2f} s (subtracted below)")
    print(f"tokenizer only:     {tok_net:.2f} s  {args.articles / tok_net:,.0f} articles/s"
          f"  {words / tok_net:,.0f} words/s")
    print(f"full extraction:    {ext_net:.2f} s  {args.articles / ext_net:,.0f} articles/s"
          f"  {words / ext_net:,.0f} words/s")
    print(f"ratio:              {ext_net / tok_net:.2f}x tokenization")
    print(f"output:             {entities:,} entities, {relations:,} relations (summed per batch)")
    print(f"peak RSS:           {rss_tok:.0f} MB after tokenizing, {peak_rss_mb():.0f} MB at end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
