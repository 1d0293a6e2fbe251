"""Supply-risk analytics commands: analyze, what-if, in-force."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import BackendOption, DbOption, JsonOption, Neo4jUriOption
from reegraph.cli.render import print_json, print_table

if TYPE_CHECKING:
    from reegraph.analytics.report import AnalysisReport
    from reegraph.analytics.terms import AgreementTerm
    from reegraph.analytics.whatif import Affected, WhatIf

ViewOption = Annotated[
    Path | None, typer.Option("--view", help="Also write an HTML view of the result here.")
]
TopOption = Annotated[int, typer.Option("--top", min=1, help="Rows per table.")]


def _pct(share: float | None, low: float | None = None, high: float | None = None) -> str:
    if share is None:
        return "?"
    if low is not None and high is not None and low != high:
        return f"{share:.0%} ({low:.0%}–{high:.0%})"
    return f"{share:.0%}"


def _docs(*lists: tuple[str, ...]) -> str:
    return ", ".join(sorted({d for docs in lists for d in docs}))


def print_analysis(report: AnalysisReport, top: int) -> None:
    print_table(
        [
            {
                "mineral": r.mineral + (f" (via {r.via})" if r.inferred else ""),
                "stage": r.stage,
                "top supplier": r.top_supplier,
                "share": _pct(r.top_share, r.suppliers[0].low, r.suppliers[0].high),
                "low end": _docs(r.suppliers[0].low_documents),
                "high end": _docs(r.suppliers[0].high_documents),
                "HHI": f"{r.hhi:.2f}",
            }
            for r in report.concentration
            if not r.inferred
        ][:top],
        "Concentration (claims of the mineral itself; members inherit their group's)",
    )
    print_table(
        [
            {
                "mineral": c.mineral,
                "criticality": f"{c.criticality:.2f}",
                "HHI": f"{c.hhi:.2f}" if c.hhi is not None else "",
                "chokepoint": c.chokepoint_stage,
                "sectors": ", ".join(c.sectors),
                "countries": ", ".join(c.countries),
            }
            for c in report.criticality
            if c.criticality is not None
        ][:top],
        "Criticality = HHI × D / (D + 1), D = dependent sectors and countries",
    )
    print_table(
        [
            {
                "depends": e.entity,
                "label": e.label,
                "mineral": m.mineral + (f" (via {m.via})" if m.via else ""),
                "through": "; ".join(
                    f"{s.stage} {s.country} {_pct(s.share)}" for s in m.by_country
                ),
            }
            for e in report.exposure
            for m in e.minerals
        ][:top],
        "Exposure: share of each mineral passing through each supplier country",
    )
    print_table(
        [
            {
                "actor": a.name,
                "label": a.label,
                "pagerank": f"{a.pagerank:.3f}",
                "betweenness": f"{a.betweenness:.3f}",
                "bloc": "" if a.community is None else str(a.community),
            }
            for a in report.centrality
        ][:top],
        "Centrality in the agreement and partnership network",
    )


def _affected_rows(rows: tuple[Affected, ...]) -> list[dict[str, Any]]:
    return [
        {
            "entity": a.entity,
            "severity": a.severity,
            "lost": _pct(a.lost_share),
            "stage": a.stage,
            "how": ("direct" if not a.inferred else f"{a.routes[0].route} via {a.routes[0].via}"),
            "mineral": a.mineral,
            "evidence": a.routes[0].hops[0].sentences[0],
            "documents": _docs(*(h.documents for h in a.routes[0].hops)),
        }
        for a in rows
    ]


def print_what_if(result: WhatIf) -> None:
    scope = f"{', '.join(result.restricted)} restricts {result.mineral or 'everything it supplies'}"
    print_table(
        [
            {
                "mineral": m.mineral,
                "worst stage": m.stage,
                "restricted share": _pct(m.lost_share, m.lost_low, m.lost_high),
                "severity": m.severity,
            }
            for m in result.minerals
        ],
        f"If {scope}" + (f" ({result.stage})" if result.stage else ""),
    )
    print_table(_affected_rows(result.sectors), "Sectors")
    print_table(_affected_rows(result.countries), "Countries")
    print_table(_affected_rows(result.organisations + result.people), "Organisations and people")
    print_table(
        [
            {
                "agreement": o.name,
                "covers": ", ".join(o.covers),
                "exposed parties": ", ".join(o.exposed_parties),
                "with restricting party": ", ".join(o.restricted_parties),
                "documents": _docs(*(h.documents for h in o.hops)),
            }
            for o in result.agreements
        ],
        "Agreements that could offset it",
    )
    print_table(
        [
            {
                "supplier": a.name,
                "country": a.country or "",
                "of": a.mineral,
                "stage": a.stage,
                "share": _pct(a.share),
                "documents": _docs(*(h.documents for h in a.hops)),
            }
            for a in result.alternatives
        ],
        "Alternative suppliers in the graph",
    )


def print_terms(terms: list[AgreementTerm], on: str) -> None:
    print_table(
        [
            {
                "agreement": t.name,
                "state": t.state,
                "from": t.date or "",
                "until": t.end_date or ("open-ended" if t.date else ""),
                "term": t.duration or "",
                "status": t.status or "",
                "parties": ", ".join(t.parties),
            }
            for t in terms
        ],
        f"Agreements on {on}",
    )


def register(app: typer.Typer) -> None:
    @app.command()
    @handles_errors
    def analyze(
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        view: ViewOption = None,
        top: TopOption = 15,
    ) -> None:
        """Score supply risk: concentration (HHI, top share) per mineral and stage,
        criticality, exposure chains, and actor centrality and blocs; the scores are
        written back onto the nodes (`hhi`, `top_share`, `criticality`, `pagerank`,
        `betweenness`, `community`).

        Example: `reegraph analyze --json > analysis.json`
        """
        from reegraph.analytics.api import analyze_store
        from reegraph.analytics.plain import plain

        with open_store_for(backend, db, neo4j_uri, read_only=False) as store:
            run = analyze_store(store)
        if view is not None:
            _render(run.bundle, view)
        if as_json:
            print_json({**plain(run.report), "written": run.written})
        else:
            print_analysis(run.report, top)
            typer.echo(f"Scores written to {run.written} nodes.")

    @app.command("what-if")
    @handles_errors
    def what_if(
        restrict: Annotated[
            list[str],
            typer.Option("--restrict", "-r", help="Supplier that stops exporting (repeatable)."),
        ],
        mineral: Annotated[
            str | None,
            typer.Option("--mineral", "-m", help="Only this mineral (name, alias, symbol)."),
        ] = None,
        stage: Annotated[
            str | None,
            typer.Option("--stage", help="Only this stage: mining, processing, magnets."),
        ] = None,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        view: ViewOption = None,
    ) -> None:
        """Who is cut off or exposed if suppliers restrict exports, through which chain of
        evidence, and which agreements or alternative suppliers could offset it.

        Example: `reegraph what-if --restrict China --mineral dysprosium --view dy.html`
        """
        from reegraph.analytics.api import what_if_store
        from reegraph.analytics.plain import plain

        with open_store_for(backend, db, neo4j_uri) as store:
            run = what_if_store(store, restrict, mineral, stage)
        if view is not None:
            _render(run.subgraph, view)
        if as_json:
            print_json(plain(run.result))
        else:
            print_what_if(run.result)

    @app.command("in-force")
    @handles_errors
    def in_force(
        on: Annotated[
            str | None, typer.Option("--on", help="Date, YYYY-MM-DD [default: today].")
        ] = None,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Which agreements apply on a date, from their dates, terms ("one-year" = P1Y) and
        status; marks those whose term has ended or not yet started.

        Example: `reegraph in-force --on 2026-06-01`
        """
        from reegraph.analytics.api import agreements_in_force
        from reegraph.analytics.plain import plain

        day = on or date.today().isoformat()
        with open_store_for(backend, db, neo4j_uri) as store:
            terms = agreements_in_force(store, day)
        if as_json:
            print_json({"on": day, "agreements": plain(terms)})
        else:
            print_terms(terms, day)


def open_store_for(
    backend: str, db: Path | None, neo4j_uri: str | None, *, read_only: bool = True
) -> Any:
    from reegraph.store import open_store

    return open_store(
        backend,  # type: ignore[arg-type]
        db,
        read_only=read_only and backend == "embedded",
        neo4j_uri=neo4j_uri,
    )


def _render(bundle: Any, output: Path) -> None:
    from reegraph.views import render_html

    render_html(bundle, output)
    typer.echo(f"Wrote {output}", err=True)  # stdout stays clean for --json
