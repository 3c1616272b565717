"""What a line of a scraped page is: title, caption, credit, site chrome, byline or body.

Scraped news arrives as lines; the body paragraphs are the only lines an analyst codes
from. Everything else is recognised here by its shape, never by its exact wording.
"""

from __future__ import annotations

import re

# Lines that site templates print around articles (buttons, widgets, section headers).
CHROME = {
    "tt", "more news", "share", "share this", "share this article", "read more", "read also",
    "subscribe", "subscribe to our newsletter", "advertisement", "related", "related articles",
    "related news", "tweet", "print", "email", "e-mail", "follow us", "comments", "leave a comment",
    "most read", "most popular", "latest news", "trending", "top stories", "home", "menu", "search",
    "facebook", "twitter", "whatsapp", "telegram", "linkedin", "copy link", "listen", "listen to this article",
    "sign up", "log in", "login", "close", "skip to content", "back to top", "next article",
    "previous article", "you may also like", "recommended", "click here", "see also", "video",
    "photos", "gallery", "a a", "aa", "a+", "a-", "font size",
}

# Agencies and words that end a photo credit: "(AFP)", "(AFP/Bulent Kilic)", "REUTERS/Name".
_AGENCIES = (
    r"AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Getty(?: Images)?|Anadolu(?: Agency)?|AA|Xinhua|SANA|DPA|dpa|"
    r"UPI|ANHA|Shutterstock|File|File photo|Photo|Handout|Courtesy|Archive|Supplied|Social media|"
    r"Twitter|Telegram|X|Facebook|IRNA|WANA|Tasnim|Fars|Mehr|ISNA|Rudaw|Enab Baladi|Hawar"
)
_CREDIT_TAIL = re.compile(
    rf"(?:\((?i:photo|image|picture|credit|photo credit)s?\s*:[^()]{{1,80}}\)"
    rf"|\((?:{_AGENCIES})(?:\s*/\s*[^()]{{1,80}})?\)"
    rf"|\b(?:{_AGENCIES})\s*/\s*[A-Z][^.()]{{1,60}})\s*$"
)
_PHOTO_LEAD = re.compile(
    r"^(?:photo|file photo|image|picture|credit|photo credit|caption)\s*[:|]\s*|"
    r"^(?:in this (?:photo|photograph|picture|image|handout|file photo)|a general view (?:shows|of)|"
    r"this (?:photo|picture|handout))\b",
    re.I,
)
# "AP Photo <another story's headline>": a credit opens a picture's line, not a story's. A
# narrower list than `_AGENCIES`, in the credit's own shape: "Photo", "File", the social
# networks and "video" open reporters' prose too ("Facebook video showed jets bombing …").
_CREDIT_LEAD = re.compile(r"^(?:©\s*)?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Anadolu(?: Agency)?|AA|Xinhua|SANA|"
                          r"DPA|UPI)\s*(?:/\s*)?(?:Photo|PHOTO|Images|File Photo|FILE PHOTO)\s+[A-Z]")
MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Wire captions end with the place and date the picture was taken: "…, Syria, July 15, 2017."
_DATED = rf"(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}})"
_DATED_TAIL = re.compile(rf"{_DATED}\.?\s*$")
# "… on December 11, 2016, in Cairo's Abbasiya neighbourhood.": a wire caption's end, when its
# picture verb comes early and nothing in it is told as news.
_DATED_PLACE_TAIL = re.compile(rf"{_DATED},?\s+in\s+[A-Z][^.;]{{0,60}}\.?\s*$")
_NEWS_VERB = re.compile(r"\b(?:said|says|told|reported|killed|killing|died|dropped|struck|fired|launched|"
                        r"wounded|injured|(?:stands?|stood) at)\b", re.I)
# Present-tense picture verbs: captions describe what a photo shows, not what happened.
CAPTION_VERB = re.compile(
    r"\b(?:is|are) (?:seen|pictured|shown|photographed)\b|\bshows?\b|\bpictured\b|\bgathers?\b|"
    r"\bstands?\b|\bwalks?\b|\bwaits?\b|\bsits?\b|\bholds?\b|\brises?\b|\bbillows?\b|\bpose\b|"
    r"\battends?\b|\bcarries\b|\binspects?\b|\blooks? on\b|(?<!-)\bruns?\b(?!-)|"
    r"(?<!-)\bdrives?\b(?! out| off| back| away)|\brides?\b|\bmarches\b|"
    r"\bmourns?\b|\bprays?\b",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by|edited by)\s+[A-Z][\w.'’ -]{1,60}(?:,\s*[^,]{2,60})?$")
_SOURCE_LINE = re.compile(r"^(?:source|sources|via|outlet|published by)\s*:\s*(?P<outlet>[^|]{2,60})$", re.I)
_BY_OUTLET = re.compile(r"^(?i:by)\s+[\w .'’-]{1,40},\s*(?P<outlet>[A-Z][\w .'’&-]{1,50})$")
_COPYRIGHT = re.compile(r"^(?:©|copyright|\(c\))", re.I)

FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "into", "onto", "over", "after", "near", "amid", "per", "vs", "via", "up", "off",
    "out", "is", "are", "be", "its", "it", "than", "about", "against", "between", "during",
}


def norm_line(line: str) -> str:
    """A line with its whitespace collapsed: the unit for duplicate detection."""
    return re.sub(r"\s+", " ", line).strip()


# Headings of a box of links to other stories, whose lines below are those stories' headlines.
LINK_HEADINGS = {
    "related", "related articles", "related news", "related stories", "read more", "read also", "more news",
    "most read", "most popular", "you may also like", "recommended", "see also", "latest news", "top stories",
    "اخبار ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا",
    "إقرأ أيضاً", "اقرأ المزيد", "الأكثر قراءة", "الاكثر قراءة", "آخر الأخبار", "اخر الاخبار",
}
CHROME |= LINK_HEADINGS


HEADLINE_WORDS = 12  # the most words a linked story's headline runs to


def heads_links(line: str) -> bool:
    """Whether a line heads a box of links to other stories ("Related news", "اقرأ أيضا")."""
    return norm_line(line).lower().strip(" |•·:>»«-–—") in LINK_HEADINGS


# Teasers for other stories: "Read more: …", "Related: …".
_TEASER = re.compile(r"^(?:read more|read also|also read|see also|related|watch|more on this|recommended)\s*:", re.I)


def is_chrome(line: str) -> bool:
    if _TEASER.match(norm_line(line)):
        return True
    s = norm_line(line).lower().strip(" |•·:>»«-–—")
    if not s:
        return True
    if s in CHROME:
        return True
    if _COPYRIGHT.match(s) or s.startswith("all rights reserved"):
        return True
    # Tiny all-capital tokens ("TT", "AR", "EN") are font-size and language buttons.
    return bool(re.fullmatch(r"[A-Z]{1,3}", norm_line(line)))


def is_caption(line: str) -> bool:
    """A photo caption or credit line, never part of the article body."""
    s = norm_line(line)
    if not s:
        return False
    if _CREDIT_TAIL.search(s) or _PHOTO_LEAD.search(s):
        return True
    # "A general view shows …, in Cairo, Egypt May 7, 2023." — a picture described, dated.
    if not 40 < len(s) < 400:
        return False
    if _DATED_TAIL.search(s) and CAPTION_VERB.search(s):
        return True
    return bool(_DATED_PLACE_TAIL.search(s) and CAPTION_VERB.search(" ".join(s.split()[:10]))
                and not _NEWS_VERB.search(s))


def opens_with_credit(sentence: str) -> bool:
    """A sentence that a photo credit opens ("AP Photo Leaders flee …"): a picture's caption
    or a teaser for another story glued into a scraped body. Asked of sentences only: a
    whole one-line body may follow a credit, and segmenting must not drop it."""
    return _CREDIT_LEAD.match(norm_line(sentence)) is not None


def outlet_in(line: str) -> str | None:
    """The outlet a line names: "Source: Enab Baladi", "By Staff, Al-Monitor"."""
    s = norm_line(line)
    m = _SOURCE_LINE.match(s) or _BY_OUTLET.match(s)
    return m.group("outlet").strip(" .") if m else None


def is_byline(line: str) -> bool:
    s = norm_line(line)
    return bool(_BYLINE.match(s) or _SOURCE_LINE.match(s))


def titleness(line: str) -> float:
    """How much a line looks like a headline: short, no closing period, capitalised words.

    Returns 0 for lines that cannot be titles, else a score in (0, 1]; Title Case lines
    score highest, sentence-case ones lower, so a caption above the headline loses to it.
    """
    s = norm_line(line)
    if not (12 <= len(s) <= 200) or s.endswith((".", ":", ";", ",")) and not s.endswith("..."):
        return 0.0
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    if not words and len(s.split()) >= 3 and not re.search(r"[.۔؟!]$", s):
        return 0.5  # scripts without capitals (Arabic): a short unpunctuated opening line
    if len(words) < 3 or len(words) > 30:
        return 0.0
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if not content:
        return 0.0
    capital = sum(1 for w in content if w[0].isupper()) / len(content)
    return 0.3 + 0.7 * capital
