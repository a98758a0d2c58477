"""The outline an export shows: project → tower (or phase) → trade or structure → floor →
activity, built from each activity's WBS path in the order activities first appear."""

from __future__ import annotations


class Group:
    """One summary row: its label and its items (activity positions and sub-groups)."""

    __slots__ = ("index", "items", "label")

    def __init__(self, label: str):
        self.label = label
        self.items: list = []
        self.index: dict[str, Group] = {}

    def group(self, key: str, label: str) -> Group:
        """The sub-group ``key``, made on first use."""
        got = self.index.get(key)
        if got is None:
            got = self.index[key] = Group(label)
            self.items.append(got)
        return got

    def members(self) -> list[int]:
        """Every activity position below this group."""
        out: list[int] = []
        for item in self.items:
            out.extend(item.members() if isinstance(item, Group) else (item,))
        return out


def wbs_path(act) -> tuple[str, ...]:
    """An activity's place in the outline: its WBS, else its tower."""
    if act.wbs:
        return tuple(act.wbs)
    return (act.tower,) if act.tower else ()


def outline(project, activities) -> Group:
    """The outline of ``activities`` under a root named after the project; a tower's group is
    labelled with the tower's name."""
    names = {t.id: t.name for t in getattr(project, "towers", ())}
    root = Group(project.name)
    for i, act in enumerate(activities):
        g = root
        for depth, part in enumerate(wbs_path(act)):
            label = names.get(part, part) if depth == 0 else part
            g = g.group(part, label or part)
        g.items.append(i)
    return root
