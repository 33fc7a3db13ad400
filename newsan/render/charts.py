"""The overview's charts, drawn here as inline HTML and SVG (no script, no network):
bar charts, the co-occurrence network and the timeline.

Every item is a `filter` link: the page's script shows the list of its articles.
"""

from __future__ import annotations

import math

from newsan.render.markup import tag, text
from newsan.render.overview import Item, Link, Period

NETWORK_SIZE = (800, 460)
NETWORK_MARGIN = 60  # room for the labels around the drawing
TIMELINE_WIDTH, TIMELINE_BAR_HEIGHT, TIMELINE_ROW = 760, 120, 22
TIMELINE_LABELS = 150  # right-hand column for the names of the people followed
TIMELINE_LEFT = 30  # room for the first period's label


def filter_link(content: str, docs: list[int], label: str, key: str = "", svg: bool = False, **extra) -> str:
    """A link to the list of the articles `docs`, titled `label`; the article opened from
    it lights the item `key`. Without the script it goes to the whole list."""
    return tag("a", content, href="#list", class_=" ".join(["f", extra.pop("class_", "")]).strip(),
               data_docs=" ".join(map(str, docs)), data_label=label, data_k=key or None, **extra)


def bar_chart(items: list[Item], unit: str, count_unit: str = "") -> str:
    """One row per item: its name, a bar as long as its number of articles, the number."""
    if not items:
        return ""
    most = max(len(item.docs) for item in items)
    rows = []
    for item in items:
        width = f"width:{100 * len(item.docs) / most:.1f}%"
        hint = f"{len(item.docs)} {unit}" + (f"، {item.count} {count_unit}" if count_unit else "")
        content = (tag("span", text(item.name), class_="name") + tag("span", tag("span", style=width), class_="bar")
                   + tag("span", str(len(item.docs)), class_="n"))
        rows.append(tag("li", filter_link(content, item.docs, item.name, item.key, class_=item.type, title=hint)))
    return tag("ol", "".join(rows), class_="bars")


def force_layout(count: int, links: list[tuple[int, int, float]], iterations: int = 250) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions in the unit square: linked nodes attract, all repel.
    Deterministic (the nodes start on a circle), so the same batch gives the same page."""
    if count == 1:
        return [(0.5, 0.5)]
    spacing = math.sqrt(1.0 / count)
    positions = [[0.5 + 0.4 * math.cos(2 * math.pi * i / count) * (1 - 0.1 * (i % 3)),
                  0.5 + 0.4 * math.sin(2 * math.pi * i / count) * (1 - 0.1 * (i % 3))] for i in range(count)]
    step = 0.1
    for _ in range(iterations):
        moves = [[0.0, 0.0] for _ in range(count)]
        for i in range(count):
            for j in range(i + 1, count):
                dx, dy = positions[i][0] - positions[j][0], positions[i][1] - positions[j][1]
                distance = max(math.hypot(dx, dy), 1e-3)
                push = spacing * spacing / distance
                moves[i][0] += dx / distance * push
                moves[i][1] += dy / distance * push
                moves[j][0] -= dx / distance * push
                moves[j][1] -= dy / distance * push
        for i, j, weight in links:
            dx, dy = positions[i][0] - positions[j][0], positions[i][1] - positions[j][1]
            distance = max(math.hypot(dx, dy), 1e-3)
            pull = distance * distance / spacing * (1 + math.log(weight))
            moves[i][0] -= dx / distance * pull
            moves[i][1] -= dy / distance * pull
            moves[j][0] += dx / distance * pull
            moves[j][1] += dy / distance * pull
        for position, move in zip(positions, moves):
            move[0] += (0.5 - position[0]) * 0.05 * count  # gravity: unlinked groups stay on the page
            move[1] += (0.5 - position[1]) * 0.05 * count
            length = max(math.hypot(*move), 1e-9)
            position[0] += move[0] / length * min(length, step)
            position[1] += move[1] / length * min(length, step)
        step *= 0.985
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    width, height = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return [((x - min(xs)) / width, (y - min(ys)) / height) for x, y in positions]


def network(nodes: list[Item], links: list[Link], unit: str) -> str:
    """Who appears with whom: a node per person or organisation (its area: articles), a
    line per pair (its width: articles together)."""
    if not nodes:
        return ""
    index = {node.key: i for i, node in enumerate(nodes)}
    places = force_layout(len(nodes), [(index[l.source.key], index[l.target.key], l.count) for l in links])
    width, height = NETWORK_SIZE
    inner_w, inner_h = width - 2 * NETWORK_MARGIN, height - 2 * NETWORK_MARGIN
    xy = [(NETWORK_MARGIN + x * inner_w, NETWORK_MARGIN + y * inner_h) for x, y in places]
    most_docs = max(len(n.docs) for n in nodes)
    most_together = max(l.count for l in links)
    lines = []
    for link in links:
        (x1, y1), (x2, y2) = xy[index[link.source.key]], xy[index[link.target.key]]
        label = f"{link.source.name} + {link.target.name}"
        line = (tag("line", tag("title", text(f"{label}: {link.count} {unit}")), x1=f"{x1:.1f}", y1=f"{y1:.1f}",
                    x2=f"{x2:.1f}", y2=f"{y2:.1f}", stroke_width=f"{1 + 5 * link.count / most_together:.1f}"))
        lines.append(filter_link(line, link.docs, label, link.source.key, class_="edge"))
    circles = []
    for node, (x, y) in zip(nodes, xy):
        radius = 4 + 12 * math.sqrt(len(node.docs) / most_docs)
        content = (tag("title", text(f"{node.name}: {len(node.docs)} {unit}"))
                   + tag("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{radius:.1f}")
                   + tag("text", text(node.name), x=f"{x:.1f}", y=f"{y + radius + 13:.1f}"))
        circles.append(filter_link(content, node.docs, node.name, node.key, class_=f"node {node.type}"))
    return tag("svg", tag("g", "".join(lines), class_="edges") + "".join(circles), class_="network",
               viewBox=f"0 0 {width} {height}", role="img")


def timeline(periods: list[Period], followed: list[Item], unit: str) -> str:
    """Articles per period as bars, then one row per person followed: the darker a cell,
    the more of the period's articles mention them. Time runs left to right."""
    if not periods:
        return ""
    plot = TIMELINE_WIDTH - TIMELINE_LABELS  # the names of the people followed go right of it
    slot = (plot - TIMELINE_LEFT) / len(periods)
    lefts = [TIMELINE_LEFT + i * slot for i in range(len(periods))]
    most = max(len(p.docs) for p in periods) or 1
    bar_width = min(max(slot * 0.8, 1), 40)
    parts = []
    for left, period in zip(lefts, periods):
        bar = len(period.docs) / most * (TIMELINE_BAR_HEIGHT - 14)
        content = (tag("title", text(f"{period.label}: {len(period.docs)} {unit}"))
                   + tag("rect", x=f"{left + (slot - bar_width) / 2:.1f}", y=f"{TIMELINE_BAR_HEIGHT - bar:.1f}",
                         width=f"{bar_width:.1f}", height=f"{bar:.1f}"))
        parts.append(filter_link(content, period.docs, period.label, class_="period") if period.docs else content)
    parts.append(tag("text", str(most), x=f"{plot + 6:.1f}", y="12", class_="axis"))
    for row, person in enumerate(followed):
        y = TIMELINE_BAR_HEIGHT + 6 + row * TIMELINE_ROW
        parts.append(tag("text", text(person.name), x=f"{plot + 6:.1f}", y=f"{y + 15:.1f}", class_="who"))
        for left, period in zip(lefts, periods):
            found = period.entities.get(person.key, 0)
            if found:
                parts.append(tag("rect", tag("title", text(f"{person.name}، {period.label}: {found} {unit}")),
                                 x=f"{left + 1:.1f}", y=f"{y:.1f}", width=f"{max(slot - 2, 1):.1f}",
                                 height=str(TIMELINE_ROW - 4), class_="cell",
                                 fill_opacity=f"{0.15 + 0.85 * found / len(period.docs):.2f}"))
    bottom = TIMELINE_BAR_HEIGHT + 16 + len(followed) * TIMELINE_ROW
    every = max(1, math.ceil(len(periods) / 8))
    for left, period in list(zip(lefts, periods))[::every]:
        parts.append(tag("text", text(period.label), x=f"{left + slot / 2:.1f}", y=f"{bottom:.1f}", class_="axis",
                         text_anchor="middle"))
    return tag("svg", "".join(parts), class_="timeline", viewBox=f"0 0 {TIMELINE_WIDTH} {bottom + 8}", role="img")
