"""Economic relation rules: purchases, tariffs, investment, production, partnerships, bases."""

from __future__ import annotations

import re

from reegraph.extract import labels as L
from reegraph.extract.emit import Emitter
from reegraph.extract.folding import Folded
from reegraph.extract.hints import any_in
from reegraph.extract.mentions import Mention
from reegraph.extract.numbers import money, tariff_rates, tonnages
from reegraph.extract.views import View
from reegraph.model import RelationType as T

BUY = Folded(
    re.compile(
        r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing|import|imports)\b",
        re.I,
    )
)
TARIFF = Folded(
    re.compile(r"\btariffs?\b|\bduties\b|\blevies\b", re.I), starts=("tariff", "duties", "levies")
)
TARIFF_ON = re.compile(
    r"\b(?:tariffs?|duties|levies)\s+on\s+(?P<t>(?:\w+\s+){0,2}?⟨[JCKMS]\d+⟩)(?P<rest>[^⟨]{0,40}(?:⟨[KS]\d+⟩)?)",
    re.I,
)
INVEST = Folded(
    re.compile(r"\binvest(?:s|ed|ing|ments?)?\b|\bpledged\b|\bstakes?\b|\bplan\s+for\b", re.I),
    starts=("invest", "pledged", "stake", "plan"),
)
PRODUCE = Folded(
    re.compile(
        r"\b(?:boost|increase|expand|ramp up|scale up|grow)\s+(?:\w+\s+){0,2}?"
        r"(?P<g>(?:⟨[JC]\d+⟩\s+)?⟨[MK]\d+⟩)\s+(?:production|output|mining)\b|"
        r"\b(?:produces|produced|mines|mined|producing)\s+(?:\w+\s+){0,3}?(?P<g2>⟨[MK]\d+⟩)",
        re.I,
    ),
    starts=("boost", "increase", "expand", "ramp up", "scale up", "grow", "produc", "mine"),
)
PROCESS = Folded(
    re.compile(
        r"\b(?:process(?:es|ed|ing)?|refin(?:es|ed|ing))\s+(?:\w+\s+){0,4}?(?P<g>⟨M\d+⟩)", re.I
    ),
    starts=("process", "refin"),
)
INVOLVED = Folded(
    re.compile(
        r"\b(?:contribute|contributes|contributing|take part|participate|participates|"
        r"involved|work|works|working|collaborate)\s+(?:\w+\s+){0,4}?(?:in|on|to)\s+"
        r"(?:\w+\s+){0,3}?(?P<s>⟨S\d+⟩)",
        re.I,
    ),
    starts=("contribut", "take part", "participate", "involved", "work", "collaborate"),
)
PARTNER = Folded(
    re.compile(
        r"(?:signed|sign|inked|struck|formed|entered(?: into)?)\s+(?:a|an)\s+(?:\w+\s+){0,3}?"
        r"(?:memorandum|MOU|agreement|deal|partnership|joint venture)\s+(?:of understanding\s+)?"
        # "with Argentina's state miner X": the partner is X, not the possessor.
        r"with\s+(?:⟨C\d+⟩['’]s\s+)?(?:(?:\w+|⟨J\d+⟩)\s+){0,3}?(?P<b>⟨[OC]\d+⟩)(?!['’]s\b)|partner(?:ed|s|ing)?\s+with\s+(?:\w+\s+){0,2}?(?P<b2>⟨[OC]\d+⟩)",
        re.I,
    ),
    starts=("sign", "inked", "struck", "formed", "entered", "partner"),
)
BASED = re.compile(
    r"(?P<p>⟨[LC]\d+⟩)-based\s+(?:\w+\s+){0,3}?(?P<o>⟨O\d+⟩)|(?P<o2>⟨O\d+⟩)\s*,\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?P<p2>⟨[JC]\d+⟩)|"
    r"(?P<o3>⟨O\d+⟩)\s*,?\s+(?:is\s+)?(?:based|headquartered)\s+in\s+(?P<p3>⟨[LC]\d+⟩)"
)

# "Busan, South Korea": a listed place followed by its own country.
PLACE_COUNTRY = re.compile(r"(?P<p>⟨L\d+⟩),\s+(?P<c>⟨C\d+⟩)")


def _subject(v: View, upto: int, codes: str = "CJO") -> list:  # type: ignore[type-arg]
    head = v.masked[:upto]
    clause = head[max(head.rfind(";"), head.rfind(":"), -1) + 1 :]
    return v.slots(clause, codes)


# What a buying verb buys when it is a mineral: right after it, perhaps after a quantity
# ("purchase 20,000 tonnes of lithium"); "imports" of a mineral are too often a noun.
# Not when the mineral names what is bought ("bought lithium stocks", "buy cobalt mines").
_BOUGHT_MINERAL = re.compile(
    r"\s+(?:[\d,.]+\s+(?:[\w-]+\s+){0,2}?of\s+)?(?:[\w-]+\s+)?(⟨M\d+⟩)(?!\s+(?:stocks?|shares?"
    r"|assets?|mines?|projects?|compan\w+|miners?|producers?|deposits?|firms?|futures|equit\w+"
    r"|licen\w+|claims?|businesses|operations?|tenements?|propert\w+|refiner\w*|plants?)\b)"
)


def purchases(v: View, em: Emitter) -> None:
    for m in v.finditer(BUY):
        goods = v.slots(v.masked[m.end() :][:120], "K") or v.slots(
            v.masked[max(0, m.start() - 50) : m.start()], "K"
        )
        if not goods and not v.masked[m.start() : m.end()].lower().startswith("import"):
            bought = _BOUGHT_MINERAL.match(v.masked, m.end())
            goods = v.slots(bought.group(1)) if bought else []
        # A country right before the goods is their origin ("U.S. soybean"), not the buyer.
        origin = {
            x.entity
            for x in v.slots(v.masked[max(0, m.start() - 60) : m.end() + 60], "CJ")
            if re.search(
                re.escape(f"⟨{'J' if x.sense == 'adj' else 'C'}{v.mentions.index(x)}⟩")
                + r"\s+(?:[\w-]+\s+){0,2}⟨K",
                v.masked,
            )
        }
        subj = [
            s for s in _subject(v, m.start(), "CJO") if s.sense != "adj" and s.entity not in origin
        ]
        if not subj or not goods:
            continue
        qty = tonnages(v.text)
        for g in goods[:2]:
            q = qty[0] if qty else None
            em.emit(
                T.PURCHASES,
                subj[0],
                g,
                v,
                "purchases.subj_buys",
                0.75,
                quantity=q.value if q else None,
                unit=q.unit if q else None,
            )


def tariffs(v: View, em: Emitter, main: str | None) -> None:
    if not v.search(TARIFF):
        return
    for m in TARIFF_ON.finditer(v.masked):
        target = v.slots(m.group("t"))[0]
        if target.label is L.COUNTRY:
            tgt = target.entity
            goods = v.slots(m.group("rest"), "KS")
            topic = goods[0].name.lower() if goods else None
        else:
            adj = v.slots(m.group("t"), "cC")
            tgt = adj[0].entity if adj else target.entity
            topic = target.name.lower()
        subj = [s for s in _subject(v, m.start(), "C") if s.entity != tgt]
        imposer = subj[-1].entity if subj else main
        if imposer is None or imposer == tgt:
            continue
        rate_from, rate_to = tariff_rates(v.text)
        em.emit(
            T.IMPOSES_TARIFF,
            imposer,
            tgt,
            v,
            "imposes_tariff.tariffs_on",
            0.75 if subj else 0.5,
            rate_from=rate_from,
            rate_to=rate_to,
            topic=None if topic in {"imports", "goods", "products", None} else topic,
        )


_INVESTED_IN = re.compile(r"\b(?:in|into|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(⟨[CLRO]\d+⟩)")
_POSSESSOR = re.compile(r"(⟨O\d+⟩)[’']s\s+\$")


def investments(v: View, em: Emitter) -> None:
    cues = list(v.finditer(INVEST))
    if not cues:
        return
    amounts = money(v.text)
    for m in cues:
        subj = _subject(v, m.start(), "CJO")
        subj = [s for s in subj if s.sense != "adj"] or subj
        tail = v.masked[m.end() :]
        at = _INVESTED_IN.search(tail)
        targets = v.slots(at.group(1)) if at else []
        # "Toyota's $10 billion plan": the possessor invests.
        poss = _POSSESSOR.search(v.masked)
        if poss:
            subj = v.slots(poss.group(1))
        if not subj or not targets:
            continue
        amount = amounts[0] if amounts else None
        tgt = targets[0]
        em.emit(
            T.INVESTS_IN,
            subj[0],
            tgt,
            v,
            "invests_in.pledge",
            0.7,
            amount=amount.value if amount else None,
            currency=amount.unit if amount else None,
            qualifier=amount.qualifier if amount else None,
        )
        break


# Money given to an organisation: a grant, loan, equity stake or award is an investment.
_FUNDING_NOUN = r"(?:grant|loan|funding|financing|equity\s+stake|stake|investment|award)s?\b"
FUNDING = Folded(
    re.compile(
        r"\b(?:awarded|granted|gave|given|provided|extended|lent|loaned|offered)\s+"
        r"(?P<b>⟨O\d+⟩)\s+(?:an?\s+|the\s+)?(?:[\w$€£¥.,-]+\s+){0,4}?" + _FUNDING_NOUN + r"|"
        r"\b(?:grant|loan|funding|financing|investment|award)s?\s+(?:\w+\s+){0,2}?to\s+"
        r"(?:the\s+)?(?P<b2>⟨O\d+⟩)|"
        r"\b(?:received|receives|won|wins|secured|secures|obtained|landed)\s+(?:an?\s+|the\s+)?"
        r"(?:[\w$€£¥.,-]+\s+){0,4}?" + _FUNDING_NOUN + r"\s+from\s+(?:the\s+)?(?P<f>⟨[OCR]\d+⟩)",
        re.I,
    ),
    starts=(
        "award", "grant", "gave", "given", "provided", "extended", "lent", "loan", "offered",
        "funding", "financing", "investment", "receive", "won", "win", "secure", "obtained",
        "landed",
    ),
)  # fmt: skip
# Money owed, repaid or only asked for was not given ("repaid a $40 million loan to X").
_NOT_GIVEN = re.compile(
    r"\b(?:repa\w*|owe[sd]?|owing|default\w*|refinanc\w*|seek\w*|sought|appl\w+ for|request\w*)\b"
)
_FUNDING_HINTS = ("grant", "loan", "funding", "financing", "stake", "investment", "award")


def funding(v: View, em: Emitter) -> None:
    """INVESTS_IN from money an actor gives an organisation ("awarded Nyrstar a $25
    million grant", "a $2 billion loan to Lithium Americas"). Needs a stated amount."""
    amounts = None
    for m in v.finditer(FUNDING):
        amounts = money(v.text) if amounts is None else amounts
        if not amounts:
            return
        if _NOT_GIVEN.search(v.low, max(0, m.start() - 40), m.end()):
            continue
        if m.group("f") is not None:  # "X received a grant from Y"
            given = _subject(v, m.start(), "O")
            funders = v.slots(v.group(m, "f") or "")
            if not given:
                continue
            funder, target = funders[0], given[-1]
        else:
            target = v.slots(v.group(m, "b") or v.group(m, "b2") or "")[0]
            funders = [
                s
                for s in _subject(v, m.start(), "CJO")
                if s.sense != "adj" and s.entity != target.entity
            ]
            if not funders:
                continue
            funder = funders[-1]
        at = v.sentence.start + m.start()
        amount = min(amounts, key=lambda a: abs(v.sentence.start + a.start - at))
        em.emit(
            T.INVESTS_IN,
            funder,
            target,
            v,
            "invests_in.funding",
            0.7,
            amount=amount.value,
            currency=amount.unit,
            qualifier=amount.qualifier,
        )


# One of which each PRODUCE / PROCESS match holds.
_PRODUCE_STEMS = ("produc", "output", "mining", "mine")
_PROCESS_STEMS = ("process", "refin")


_RANK = (
    r"(?:largest|biggest|top|leading|dominant|major|main|(?:second|third)[- ]largest"
    r"|(?:second|third)[- ]biggest|no\.\s*1|number[- ]one)"
)
_RANKED = (
    r"(?:an?\s+|the\s+|one\s+of\s+the\s+)(?:(?:world|globe|country|nation)(?:’s|'s)\s+"
    r"|⟨C\d+⟩(?:’s|'s)\s+|global\s+)?" + _RANK + r"\s+(?:(?P<g>⟨[MK]\d+⟩)\s+)?"
    r"(?:producer|miner)s?\b(?:\s+of\s+(?:refined\s+|mined\s+)?(?P<g2>⟨[MK]\d+⟩))?"
)
# "X is the world's largest cobalt producer"; "X, the largest producer of lithium, ...".
LEADING_PRODUCER = Folded(
    re.compile(
        r"(?:\b(?:is|was|remains|became|has\s+become|ranks\s+as)\s+(?:now\s+|also\s+)?"
        r"|(?P<s>⟨[OC]\d+⟩),\s+)" + _RANKED,
        re.I,
    ),
    starts=("is", "was", "remains", "became", "has", "ranks", "⟨"),
)  # fmt: skip
_RANK_HINTS = ("larg", "bigg", "top", "lead", "domin", "major", "main", "no. 1", "number")
# "X supplies neodymium to Y": Y buys it, and X (the supplier) produces it.
SUPPLIES_TO = Folded(
    re.compile(
        r"\bsuppl(?:y|ies|ied|ying)\s+(?:[\d,.]+\s+(?:[\w-]+\s+){0,2}?of\s+)?(?P<g>⟨[MK]\d+⟩)"
        r"(?:\s*,\s*⟨[MK]\d+⟩)*(?:,?\s+and\s+⟨[MK]\d+⟩)?\s+to\s+(?:the\s+)?(?P<b>⟨[OC]\d+⟩)",
        re.I,
    ),
    starts=("suppl",),
)


# A comma-delimited insertion right before a verb: "X, the miner that runs Y, is ...".
_INSERTION = re.compile(
    r",\s+(?:which|who|that|the|a|an|one of|based|owned|controlled|backed|part of)\b[^,]*,\s*\Z"
)


def _clause_subject(v: View, upto: int) -> Mention | None:
    """The actor a verb at ``upto`` has for subject: the last country or organisation of
    its clause, once an apposition or relative clause just before the verb is set aside."""
    head = v.masked[:upto]
    if head.rstrip().endswith(",") and (ins := _INSERTION.search(head)):
        head = head[: ins.start()]
    subj = [s for s in _subject(v, len(head), "CO") if s.sense != "adj"]
    return subj[-1] if subj else None


def leading_producers(v: View, em: Emitter) -> None:
    for m in v.finditer(LEADING_PRODUCER):
        goods = v.slots(v.group(m, "g") or v.group(m, "g2") or "", "MK")
        named = v.slots(v.group(m, "s") or "")
        subj = named[0] if named else _clause_subject(v, m.start())
        if goods and subj is not None:
            em.emit(T.PRODUCES, subj, goods[0], v, "produces.leading_producer", 0.75)


def supplies(v: View, em: Emitter) -> None:
    for m in v.finditer(SUPPLIES_TO):
        if v.masked[: m.start()].rstrip().lower().endswith(("the", "its", "their", "’s", "'s")):
            continue  # "the supplies of ..." is a noun
        chunk = v.masked[m.start() : m.start("b")]
        goods = v.slots(chunk, "MK")
        buyer = v.slots(v.group(m, "b") or "")[0]
        supplier = _clause_subject(v, m.start())
        for g in goods[:3]:
            if buyer.label is not L.COUNTRY or buyer.sense != "adj":
                em.emit(T.PURCHASES, buyer, g, v, "purchases.supplied_to", 0.65)
            if supplier is not None and supplier.entity != buyer.entity:
                em.emit(T.PRODUCES, supplier, g, v, "produces.supplies", 0.6)


def production(v: View, em: Emitter) -> None:
    for m in v.finditer(PRODUCE) if v.may_match(_PRODUCE_STEMS) else ():
        goods = v.slots(v.group(m, "g") or v.group(m, "g2") or "", "MK")
        subj = [s for s in _subject(v, m.start(), "CO") if s.sense != "adj"]
        if subj and goods:
            em.emit(T.PRODUCES, subj[-1], goods[-1], v, "produces.subj_verb", 0.7)
    for m in v.finditer(PROCESS) if v.may_match(_PROCESS_STEMS) else ():
        subj = [s for s in _subject(v, m.start(), "CO") if s.sense != "adj"]
        goods = v.slots(v.group(m, "g") or "")
        if subj and goods and m.start() - v.masked.rfind("⟩", 0, m.start()) < 4:
            em.emit(T.PROCESSES, subj[-1], goods[0], v, "processes.subj_verb", 0.7)


def involvement(v: View, em: Emitter) -> None:
    for m in v.finditer(INVOLVED):
        sector = v.slots(v.group(m, "s") or "")[0]
        for s in _subject(v, m.start(), "CO"):
            if s.sense != "adj":
                em.emit(T.INVOLVED_IN, s, sector, v, "involved_in.contribute_to", 0.65)


def partnerships(v: View, em: Emitter) -> None:
    for m in v.finditer(PARTNER):
        b = v.slots(v.group(m, "b") or v.group(m, "b2") or "")[0]
        subj = [s for s in _subject(v, m.start(), "CO") if s.sense != "adj" and s is not b]
        if subj:
            em.emit(T.PARTNERS_WITH, subj[-1], b, v, "partners_with.signed_with", 0.8)


_INVOLVE_HINTS = ("contribut", "take part", "particip", "involved", "work", "collaborat")
_PRODUCE_HINTS = ("produc", "mine", "mining", "process", "refin", "output")


def bases(v: View, em: Emitter, low: str) -> None:
    orgs, places = "⟨o" in low, "⟨l" in low
    if not (orgs or places):
        return  # each rule below needs an organisation or a place
    for m in v.mentions if orgs else ():
        if m.label is L.ORGANIZATION and m.country and (m.rule != "lexicon" or m.country_from):
            how = m.country_from or m.rule.split(".")[-1]
            conf = {"name_prefix": 0.6, "list": 0.5}.get(how, 0.75)
            em.emit(T.BASED_IN, m, m.country, v, f"based_in.{how}", conf, mod="asserted")
    # BASED needs an organisation, and "based", "headquartered" or a comma and a country.
    based = orgs and (
        "based" in low or "headquartered" in low or ("," in low and ("⟨j" in low or "⟨c" in low))
    )
    for bm in BASED.finditer(v.masked) if based else ():
        org = v.slots(bm.group("o") or bm.group("o2") or bm.group("o3") or "")
        place = v.slots(bm.group("p") or bm.group("p2") or bm.group("p3") or "")
        if org and place:
            p = place[0]
            em.emit(T.BASED_IN, org[0], p, v, "based_in.pattern", 0.8, mod="asserted")
            if p.label is L.PLACE and p.country:
                em.emit(
                    T.BASED_IN, org[0], p.country, v, "based_in.city_country", 0.7, mod="asserted"
                )
    for pm in PLACE_COUNTRY.finditer(v.masked) if "⟨l" in low else ():
        listed, country = v.slots(pm["p"])[0], v.slots(pm["c"])[0]
        if listed.rule == "lexicon" and listed.country and listed.country == country.entity:
            em.emit(
                T.LOCATED_IN, listed, country, v, "located_in.city_country", 0.8, mod="asserted"
            )
    for m in v.mentions if places else ():
        if (
            m.label is L.PLACE
            and m.country
            and m.rule in {"place.city_country", "place.possessive"}
        ):
            em.emit(
                T.LOCATED_IN,
                m,
                m.country,
                v,
                f"located_in.{m.rule.split('.')[-1]}",
                0.8,
                mod="asserted",
            )


def run_all(views: list[View], em: Emitter, leaders: dict[str, str], main: str | None) -> None:
    for v in views:
        if v.sentence.heading or not v.mentions:
            continue
        low = v.low
        # Keyword checks keep the per-sentence cost near zero for sentences that say none of
        # this; a rule whose pattern needs a placeholder ("⟨M3⟩") also needs its code.
        if "⟨k" in low and ("buy" in low or "purchas" in low or "import" in low):
            purchases(v, em)
        if "tariff" in low or "dut" in low or "lev" in low:
            tariffs(v, em, main)
        if "invest" in low or "pledge" in low or "stake" in low or "plan for" in low:
            investments(v, em)
        goods = "⟨m" in low or "⟨k" in low
        if "⟨m" in low and ("buy" in low or "purchas" in low) and "⟨k" not in low:
            purchases(v, em)
        if goods and any_in(low, _PRODUCE_HINTS):
            production(v, em)
            if ("producer" in low or "miner" in low) and any_in(low, _RANK_HINTS):
                leading_producers(v, em)
        if goods and "suppl" in low and "to ⟨" in low:
            supplies(v, em)
        if "⟨o" in low and any_in(low, _FUNDING_HINTS):
            funding(v, em)
        if "⟨s" in low and any_in(low, _INVOLVE_HINTS):
            involvement(v, em)
        if "with" in low and ("⟨o" in low or "⟨c" in low):
            partnerships(v, em)
        bases(v, em, low)
