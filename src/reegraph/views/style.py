"""The visual grammar: colour and shape per label, colour per relation type."""

from __future__ import annotations

from reegraph.model import Label, RelationType

LABEL_COLOURS: dict[Label, str] = {
    Label.COUNTRY: "#1f77b4",
    Label.REGION: "#8fbbd9",
    Label.PERSON: "#ff7f0e",
    Label.ORGANIZATION: "#2ca02c",
    Label.MINERAL: "#c2185b",
    Label.COMMODITY: "#e377c2",
    Label.SECTOR: "#9467bd",
    Label.AGREEMENT: "#8c564b",
    Label.EVENT: "#bcbd22",
    Label.PLACE: "#17becf",
}
# Shapes vis-network draws with the name underneath, so every name stays readable.
LABEL_SHAPES: dict[Label, str] = {
    Label.COUNTRY: "dot",
    Label.REGION: "dot",
    Label.PERSON: "diamond",
    Label.ORGANIZATION: "square",
    Label.MINERAL: "hexagon",
    Label.COMMODITY: "hexagon",
    Label.SECTOR: "triangle",
    Label.AGREEMENT: "star",
    Label.EVENT: "triangleDown",
    Label.PLACE: "dot",
}
# Related types share a hue family: supply in greens, constraints in oranges,
# agreements in browns, people in purples; red is kept for conflicting claims.
RELATION_COLOURS: dict[RelationType, str] = {
    RelationType.LEADS: "#6a51a3",
    RelationType.AFFILIATED_WITH: "#9e9ac8",
    RelationType.MET_WITH: "#807dba",
    RelationType.SIGNED: "#a6761d",
    RelationType.PARTY_TO: "#c49c5e",
    RelationType.COVERS: "#d9b98c",
    RelationType.PRODUCES: "#238b45",
    RelationType.PROCESSES: "#41ab5d",
    RelationType.CONTROLS_SHARE: "#006d2c",
    RelationType.PURCHASES: "#74c476",
    RelationType.RESTRICTS_EXPORT: "#e6550d",
    RelationType.IMPOSES_TARIFF: "#fd8d3c",
    RelationType.DEPENDS_ON: "#3182bd",
    RelationType.MEMBER_OF: "#a0a0a0",
    RelationType.INVESTS_IN: "#b8a000",
    RelationType.PARTNERS_WITH: "#17a589",
    RelationType.INVOLVED_IN: "#8d6e63",
    RelationType.PARTICIPATED_IN: "#a1887f",
    RelationType.HELD_IN: "#90a4ae",
    RelationType.LOCATED_IN: "#b0bec5",
    RelationType.BASED_IN: "#78909c",
    RelationType.MENTIONS: "#dddddd",
}
CONFLICT_COLOUR = "#e41a1c"
