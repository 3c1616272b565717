"""Split a scraped text into its articles and clean each one.

A part of a page is cleaned line by line (see `lines`): the title is the most headline-like
of the first lines; repeated lines are kept once; captions and credits are set aside;
chrome, bylines and datelines are dropped from the body (datelines and outlet lines are
kept for metadata). Glued articles are split where a long gap is followed by a headline
and both sides have a real body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..arabic.text import ARABIC_WORD, fold
from ..pubdate import Dateline, arabic_date_after, leading_dateline, parse_dateline
from . import lines as L

_HEAD_WINDOW = 8  # the title, captions and dateline sit in the first lines of a page
_MIN_BODY = 120  # characters of body a part needs to stand as an article of its own
# "… arriving on the scene. \t \tSyria's army announces …": scrapers that flatten a page's
# blocks into one line leave a run of two or more tabs where a paragraph (or a caption,
# or a subheading) ended. A single tab stays: it may be a column of a table. Only inside a
# line (tabs at its end are whitespace), and only where a block can end: after a sentence's
# end, or before a capital that does not go on from a word like "of" ("the town of\t\tAriha"
# is a link's markup). A dash after the tabs opens no paragraph ("(Reuters)\t\t- Jets …").
_TAB_BREAK = re.compile(r"(?<=\S)[ ]*\t[ ]*\t[ \t]*(?:[-–—][ \t]+)?(?=\S)")
_ENDS_BLOCK = re.compile(r"[.!?:\"”’)\]]$")
_GOES_ON = re.compile(r"\b(?:of|in|on|at|to|the|a|an|and|or|from|by|for|with|near|into|as|than)$", re.I)


def _tab_break(m: re.Match[str]) -> str:
    before, after = m.string[max(0, m.start() - 30):m.start()], m.string[m.end():m.end() + 1]
    if _ENDS_BLOCK.search(before) or (after[:1].isupper() or after[:1].isdigit()) and not _GOES_ON.search(before):
        return "\n\n"
    return " "


@dataclass
class Part:
    """One article's worth of lines, sorted into kinds."""

    title: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)  # datelines, bylines, outlet lines
    outlet: str | None = None


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks, each with the number of blank lines before it. A run of
    tabs inside a line (`_TAB_BREAK`) ends a block, as a blank line does."""
    out: list[tuple[int, list[str]]] = []
    gap = 0
    cur: list[str] = []
    text = _TAB_BREAK.sub(_tab_break, text.replace("\r\n", "\n").replace("\r", "\n"))
    for raw in text.split("\n"):
        if raw.strip():
            if not cur:
                out.append((gap, cur))
            cur.append(raw.strip())
            gap = 0
        else:
            if cur:
                cur = []
            gap += 1
    return out


def _body_chars(bs: list[tuple[int, list[str]]]) -> int:
    return sum(len(ln) for _, b in bs for ln in b if L.titleness(ln) == 0 and not L.is_caption(ln))


def split_glued(text: str) -> list[list[tuple[int, list[str]]]]:
    """Blocks grouped into articles: a new article starts after two or more blank lines when
    its first line reads as a headline and both sides carry a real body."""
    bs = blocks(text)
    parts: list[list[tuple[int, list[str]]]] = [[]]
    for i, (gap, block) in enumerate(bs):
        if (gap >= 2 and parts[-1] and L.titleness(block[0]) >= 0.6
                and _body_chars(parts[-1]) >= _MIN_BODY and _body_chars(bs[i:]) >= _MIN_BODY):
            parts.append([])
        parts[-1].append((gap, block))
    return [p for p in parts if p]


_LINKED_HEADLINES = 4  # the most lines a box of links to other stories holds
# An Arabic line that opens with "و" (and) goes on with the story ("وأدى القصف إلى مقتل …"): no headline.
_GOES_ON_AR = re.compile(r"و(?=[\u0621-\u064a])")


def clean_part(part: list[tuple[int, list[str]]], *, title: str | None = None) -> Part:
    """Sort the lines of one article; `title` is a title known from metadata."""
    flat = [(bi, ln) for bi, (_, b) in enumerate(part) for ln in b]
    out = Part(title=title)
    if out.title is None:
        # The headline comes before the story: a short line after two of its sentences is a
        # subheading ("No claim of responsibility"), and the story above it stays. (One long
        # line first may be a site's tagline, with the headline under it.)
        story = [i for i, (_, ln) in enumerate(flat[:_HEAD_WINDOW]) if _a_story_line(ln)]
        limit = story[1] + 1 if len(story) > 1 else _HEAD_WINDOW
        head = [(i, ln) for i, (_, ln) in enumerate(flat[:min(_HEAD_WINDOW, limit)])
                if not L.is_caption(ln) and not L.is_chrome(ln) and not L.is_byline(ln)
                and not _continues(flat, i)]
        # Earlier lines win ties: the headline opens the page.
        scored = [(L.titleness(ln) - 0.03 * i, -i, i, ln) for i, ln in head if L.titleness(ln) > 0]
        if scored:
            best = max(scored)
            out.title = L.norm_line(best[3])
            # Lines above the headline are captions or chrome of the page, not the story.
            for _, ln in flat[: best[2]]:
                if L.norm_line(ln) != out.title and not L.is_chrome(ln):
                    out.captions.append(L.norm_line(ln))
            flat = flat[best[2]:]
    seen: set[str] = set()
    last_block = -1
    links = 0  # lines left under a heading of links to other stories: their headlines, not the story
    for i, (bi, ln) in enumerate(flat):
        key = L.norm_line(ln)
        if key in seen or (out.title and key.lower() == out.title.lower()):
            continue
        seen.add(key)
        if L.is_chrome(ln):
            links = _LINKED_HEADLINES if L.heads_links(ln) else links
            continue
        # (a headline runs a dozen words at most; a longer line is the story going on)
        if links and L.titleness(ln) > 0 and len(key.split()) <= L.HEADLINE_WORDS and not _GOES_ON_AR.match(key):
            out.meta_lines.append(key)
            links -= 1
            continue
        links = 0
        if L.is_caption(ln):
            out.captions.append(key)
            continue
        outlet = L.outlet_in(ln)
        if outlet or L.is_byline(ln):
            out.outlet = out.outlet or outlet
            out.meta_lines.append(key)
            continue
        # Datelines sit above the story (before its second paragraph) or at its foot.
        if parse_dateline(key) is not None and (len(out.body) <= 1 or i >= len(flat) - 3):
            out.meta_lines.append(key)
            continue
        # Hard-wrapped paragraphs: a line that stops mid-sentence continues on the next — but
        # a list's item ("• A shell kills two children near Sake") and the line under a
        # heading in capitals ("HIGHLIGHTS", "SITUATION OVERVIEW") start their own.
        if out.body and bi == last_block and not re.search(r"[.!?:\"”’)]$", out.body[-1]) \
                and not _ITEM.match(key) and not _HEADING.fullmatch(out.body[-1]):
            out.body[-1] = f"{out.body[-1]} {key}"
        else:
            out.body.append(key)
        last_block = bi
    return out


_ITEM = re.compile(r"[•·▪●◦‣∙]")
_HEADING = re.compile(r"[A-Z][A-Z&/'’ -]{3,40}")


def _a_story_line(line: str) -> bool:
    """A line of the story itself: a long sentence, no headline, caption or chrome."""
    s = L.norm_line(line)
    return (len(s) >= 60 and s.endswith((".", '"', "”", "’")) and L.titleness(s) == 0
            and not L.is_caption(s) and not L.is_chrome(s) and not L.is_byline(s))


def _continues(flat: list[tuple[int, str]], i: int) -> bool:
    """A hard-wrapped line: the next line of its block carries on the same sentence."""
    return i + 1 < len(flat) and flat[i + 1][0] == flat[i][0] and flat[i + 1][1][:1].islower()


def strip_lead(first: str, title: str | None) -> tuple[str, Dateline | None]:
    """The first paragraph of a scraped body without what was glued before the story: a
    dateline ("Wed 05 Apr 2017 …") and the headline repeated ("<headline>. Victims of …"),
    in either order; and the dateline found, if any. Nothing is cut that would leave the
    paragraph empty."""
    dateline = None
    for _ in range(2):
        found = leading_dateline(first)
        if found is not None and first[found[1]:].strip():
            dateline = dateline or found[0]
            first = first[found[1]:]
        cut = _after_repeat(first, title) if title else None
        if cut is not None:
            first = first[cut:]
    if dateline is None and title and ARABIC_WORD.search(title):
        # "الرئيسية أخبار <the headline> 30 مارس 2025 دارفور24 الضعين يستقبل …", "<the headline>
        # السومرية نيوز/ نينوى 15-10-2017 | 14:20 تفقد …": a scraped Arabic page glues its
        # breadcrumbs, the headline and the date to the story; the date a few words after the
        # headline is the page's.
        end = _repeat_end(first[:300 + len(title)], title)
        found = arabic_date_after(first, end) if end is not None else None
        if found is not None and first[found[1]:].strip():
            dateline, first = found[0], first[found[1]:]
    return first, dateline


def _repeat_end(text: str, title: str) -> int | None:
    """Where `title` (letters and digits compared, folded) ends inside `text`, or None."""
    want = "".join(c for c in fold(title) if c.isalnum())
    if len(want) < 12:
        return None
    folded = fold(text)
    at = [i for i, c in enumerate(folded) if c.isalnum()]
    letters = "".join(folded[i] for i in at)
    k = letters.find(want)
    return at[k + len(want) - 1] + 1 if k >= 0 else None


def _after_repeat(text: str, title: str) -> int | None:
    """Where `text` goes on after repeating `title` at its start (letters and digits compared,
    case and punctuation ignored: scrapes drop apostrophes), or None."""
    want = [c.lower() for c in title if c.isalnum()]
    if len(want) < 12:
        return None
    k = 0
    for i, c in enumerate(text):
        if k == len(want):
            rest = text[i:]
            gap = len(rest) - len(rest.lstrip(" .:-–—|"))
            # The repeat must end where a sentence does ("… nerve agent use WHO. Victims …",
            # "… kills six Syrian state TV A bomb …"): "Syrian army recaptures Palmyra from
            # Islamic State" is the lede itself. And the story must go on after it.
            broke = any(ch in rest[:gap] for ch in ".:-–—|") or rest[gap:gap + 1].isupper()
            return i + gap if rest[gap:].strip() and not c.isalnum() and broke else None
        if c.isalnum():
            if c.lower() != want[k]:
                return None
            k += 1
    return None


# A photo caption glued into a scraped paragraph, ending with the picture's date and credit:
# "A checkpoint … is seen after … June 6 2015 (Reuters) Two people were killed …".
_GLUED_CAPTION = re.compile(
    rf"(?:^|(?<=[.!?\"”)]\s))(?P<cap>[A-Z][^.!?]{{10,400}}?\b{L.MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d\.?"
    rf"\s*\([^()]{{2,60}}\))\s*")


def cut_glued_captions(paragraph: str) -> tuple[str, list[str]]:
    """A paragraph without the photo captions glued into it (a described picture — "is
    seen", "stands", "shows" — ending with a date and a credit), and those captions."""
    captions: list[str] = []

    def cut(m: re.Match[str]) -> str:
        if not L.CAPTION_VERB.search(m.group("cap")):
            return m.group(0)
        captions.append(m.group("cap"))
        return ""
    return _GLUED_CAPTION.sub(cut, paragraph).strip(), captions


# A site's tag list glued into a scraped paragraph: "… on spying. Tags Syria Islamic State
# activists murder video Palmyra The Islamic State group has released …". The list is words
# without a sentence's small words; the story resumes at a capitalised one ("The", "A", …).
_TAG_RUN = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))(?:Tags?|Keywords|Topics)\s*:?\s+(?:(?!(?:The|A|An|In|On|At|After|As|Some|More|"
    r"At least|Two|Three|Several|Dozens|Hundreds)\b)\S+\s+){1,15}?(?=(?:The|A|An|In|On|At|After|As|Some|More|"
    r"At least|Two|Three|Several|Dozens|Hundreds)\s)")


def cut_tag_runs(paragraph: str) -> str:
    """A paragraph without the tag lists glued into it (when where the story resumes is clear)."""
    return _TAG_RUN.sub("", paragraph)
