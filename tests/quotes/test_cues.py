"""The quote stage's cue handling (diurna.quotes.cues): the cues near a quotation, found by
bisection, are every cue a pass over all of them would keep, in the same order."""

from __future__ import annotations

from diurna.quotes.cues import CueRanges, fold_according_to
from diurna.quotes.reported import find_cues

TEXT = (
    'The minister said the talks would resume in May. "We are ready," she told reporters.\n\n'
    "According to officials, the army has withdrawn. The rebels denied that they had attacked the town, "
    'and their leader said "nothing will change" until the elections.\n\n'
    'Analysts believe the deal will hold. "It is fragile," one diplomat warned, adding that aid '
    "was late."
)


def overlaps_or_follows(content, start, end):
    shared = max(0, min(content[1], end) - max(content[0], start))
    return shared > 0 or 0 <= start - content[1] <= 2


def test_the_cues_near_a_range_are_all_that_overlap_or_end_right_before_it_in_order(nlp):
    doc = nlp(TEXT)
    cues = list(find_cues(doc))
    ranges = CueRanges(doc, cues)
    assert len(ranges.items) >= 5
    position = {id(item[0]): k for k, item in enumerate(ranges.items)}
    for start in range(0, len(TEXT), 3):
        for end in range(start + 1, min(len(TEXT), start + 120), 7):
            near = ranges.near(start, end)
            wanted = [item for item in ranges.items if overlaps_or_follows(item[1], start, end)]
            assert all(any(w is n for n in near) for w in wanted), (start, end)
            assert [position[id(c)] for c, _, _ in near] == sorted(position[id(c)] for c, _, _ in near)


def test_according_to_relays_the_cue_of_its_own_sentence_only(nlp):
    doc = nlp("The army withdrew, the general said, according to state media. The rebels said they would wait.")
    cues = list(find_cues(doc))
    kept = fold_according_to(cues)
    assert [c.verb.lower_ for c in kept] == ["said", "said"]
    first, second = kept
    assert [t.text for t in first.relays] == ["media"]
    assert second.relays == []
