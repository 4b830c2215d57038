"""Page furniture, line by line: what a job board prints around a posting, and why it isn't one.

``furniture_reason(line)`` names the furniture kind of one line (navigation, counters, reviews...);
``FurnitureScan`` adds what needs neighbours (a criteria label's value, "Job title / Company · City"
pairs, review text after "Pros"). The posting's body is found in ``structure/body.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import IgnoredReason, Section, SectionKind
from .body import has_posting_cue, is_title_like

__all__ = ["furniture_reason", "furniture_reasons", "is_cruft_line", "line_kinds"]


def line_kinds(text: str, sections: tuple[Section, ...] = ()) -> list[SectionKind]:
    """Each line's kind; kept here for callers of the old name (see ``structure.layout``)."""
    from .layout import line_kinds as read_line_kinds  # layout imports this module

    return read_line_kinds(text, sections)


def _lines(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.I)


_NAVIGATION = _lines(
    r"skip to (?:main )?content",
    r"apply(?: now| for this job| on company site)?",
    r"easy apply",
    r"save(?: job)?",
    r"saved",
    r"share(?: this job)?",
    r"report (?:this )?job",
    r"sign (?:in|up)",
    r"log ?in",
    r"join now",
    r"register",
    r"back to (?:search )?results",
    r"< ?back.*",
    r"see all (?:reviews|jobs)",
    r"show (?:more|less)",
    r"view (?:all )?jobs",
    r"follow",
    r"message",
    r"cookie settings",
    r"search jobs.*",
    r"menu",
    r"home",
    r"see more jobs like this",
    # a job board's menu and search bar (Indeed, Glassdoor, Monster, StepStone...)
    r"find (?:jobs|salaries|a job|companies)",
    r"company reviews",
    r"upload (?:your |a )?(?:resume|cv)",
    r"(?:employers(?: ?/ ?| - )?)?post (?:a )?jobs?",
    r"employers",
    r"what",
    r"where",
    r"date posted",
    r"salary estimate",
    r"job type",
    r"experience level",
    r"encouraged to apply",
    r"profile insights",
    r"report job",
    r"career advice",
    r"browse (?:jobs|companies|categories)",
    r"hiring lab",
    # LinkedIn's job page: its assistant, premium and hirer prompts
    r"show (?:match details|more options|all)",
    r"tailor my (?:resume|cv)",
    r"help me stand out",
    r"use ai to assess how you fit",
    r"promoted by hirer",
    r"responses managed off linkedin",
    r"try premium.*",
    r"keyboard shortcuts",
    r"close jump menu",
    r"skip to search",
    r"(?:\d+ )?(?:new )?(?:feed updates )?notifications(?: total)?",
    r"set alert(?: for similar jobs)?",
    r"looking for talent\?",
    r"(?:\w+ ){0,3}(?:›|»|>) .*(?: (?:›|»|>) .*)+",  # breadcrumbs ("A / B / C" may be a skills line)
    # buttons in German, French, Spanish, Swedish
    r"(?:jetzt )?bewerben",
    r"merken",
    r"teilen",
    r"postuler(?: maintenant)?",
    r"sauvegarder",
    r"partager",
    r"(?:inscribirse|postularse|aplicar)(?: ahora)?",
    r"guardar",
    r"compartir",
    r"ansök(?: nu)?",
    r"spara",
    r"dela",
    r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)? [–-] [A-Z][A-Za-z ,/]+ \((?:[A-Z][a-z]+,? )+(?:&|and) [A-Z][A-Za-z ]+\)",
)
_NAV_WORDS = frozenset(
    {
        "home", "jobs", "job", "companies", "company", "salaries", "salary", "career", "advice", "for",
        "employers", "employer", "sign", "in", "join", "now", "search", "messages", "notifications",
        "network", "post", "a", "log", "login", "register", "my", "profile", "resources", "find", "people",
        "learning", "community", "help", "|", "·", "reviews", "interviews", "discover", "apply", "save", "saved",
        "share", "report", "easy", "back", "alert", "alerts", "product", "products", "customers", "careers",
        "blog", "pricing", "contact", "solutions", "imprint",
    }
)  # fmt: skip
_COUNTER = re.compile(
    r"\b\d[\d,.]*\+?\s*(?:views?|applicants?|clicks|candidates|people clicked apply|candidatures?|candidats|"
    r"bewerbungen|bewerber(?:innen)?|solicitudes|candidatos|inscritos|ansökningar|sökande)\b"
    r"|\b(?:il y a|vor|hace|för) \d+ (?:jours?|heures?|semaines?|mois|tagen?|stunden?|wochen?|monaten?|"
    r"días?|horas?|semanas?|meses|dagar|timmar|veckor|månader)\b(?: sedan)?"
    r"|\bposted\s+(?:\d+\+?|a|an|one)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\breposted\b"
    r"|^(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$|^be an early applicant$|^actively (?:recruiting|hiring)$",
    re.I,
)
_COMPANY_CARD = re.compile(
    r"\b\d[\d,.]*\+?\s*(?:(?:-|–|to)\s*\d[\d,.]*\s*)?(?:employees|staff)\b|^headquarters?\b|^founded\b|"
    r"^company size\b|^revenue\b|^(?:type|sector|website)\s*:|^\d[\d,]* (?:followers|on linkedin)$",
    re.I,
)
_REVIEWS = re.compile(
    r"^\d\.\d$|★|\b\d\.\d\s*(?:out of 5|/ ?5|stars?)\b|\b\d[\d,]*\s+(?:company\s+)?reviews?\b|\bcompany reviews?\b|"
    r"^(?:work ?[/&-]? ?life balance|culture (?:&|and) values|diversity (?:&|and) inclusion|career opportunities|"
    r"compensation (?:&|and) benefits|senior management|pros|cons|helpful(?: \(\d+\))?|"
    r"(?:current|former) (?:employee|intern|contractor)\b.*|recommend to a friend|approve of ceo|"
    r"(?:ceo|business) (?:approval|outlook)|\d{1,3} ?% recommend to a friend)(?:\s*\d\.\d)?$|^(?:pros|cons)\s*:",
    re.I,
)
_MONEY = r"[$€£]\s?\d[\d,.]*\s?[kK]?"
_SALARIES = re.compile(
    rf"^(?:.{{0,50}}\s)?{_MONEY}\s*(?:-|–|to)\s*{_MONEY}(?:\s*(?:/\s*yr|per year|a year|/year|/ ?mo))?(?:\s.{{0,30}})?$"
    r"|^(?:base pay|total pay|additional pay|median|average salary|salary range)\b.{0,40}$"
    r"|^.{0,40}\b(?:engineer|developer|analyst|scientist|manager) (?:i{1,3}|iv|l\d|level \d)$",
    re.I,
)
_INTERVIEW = re.compile(
    r"^(?:interview (?:difficulty|duration|experience|process)|difficulty|duration|offer rate|"
    r"(?:positive|negative|neutral) experience|got an offer|no offer|declined offer|applied (?:online|through .*)|"
    r"average|easy|hard|difficult|about \d+ (?:days?|weeks?))(?:\s*[:·]?\s*[\d.]+ ?%?)?$"
    r"|^\d{1,3} ?%$|^common questions\s*:|^\d[.)]\s*(?:recruiter|phone|hr|technical|onsite|on-site|final|hiring manager)\b.{0,40}$",
    re.I,
)
_NEWS = re.compile(
    r"(?i:^source\s*:\s*\S.{0,40}$|^\d+\s*(?:[smhdw]|mo|min|hrs?|days?|weeks?|months?)\s+ago$|^(?:news|·|•)$)"
    r"|^.{15,140}\s[-–]\s(?:[A-Z][\w.&']*)(?:\s[A-Z][\w.&']*){0,3}$",
)
_JOB_CRITERIA = _lines(
    r"seniority level",
    r"employment type",
    r"job function",
    r"industr(?:y|ies)",
    r"job type",
    r"work type",
    r"contract type",
    r"career level",
    r"experience level",
)
_LANGUAGE_NAMES = frozenset(
    {
        "english", "deutsch", "français", "francais", "español", "espanol", "svenska", "nederlands",
        "italiano", "português", "portugues", "polski", "dansk", "norsk", "suomi", "türkçe", "čeština",
        "magyar", "română", "日本語", "한국어", "中文", "русский", "العربية",
    }
)  # fmt: skip
_FOOTER = re.compile(
    r"^(?:©|\(c\) \d{4}|copyright\b)|\ball rights reserved\b|^privacy\b[^\n]*\bterms\b"
    r"|^(?:download on the app store|get it on google play|app store|google play|get the app|"
    r"(?:select |change )?language|privacy(?: policy| notice)?|terms(?: of (?:use|service))?|cookie policy|"
    r"cookies|sitemap|help(?: center| centre)?|accessibility|contact us|careers at .{2,30}|press|"
    r"english \(\w+\))$",
    re.I,
)
_MAX_FURNITURE_WORDS = 12
_PLAIN_WORDS = 6
_MARKS = re.compile(r"[\d★©$€£›»>–:·|]|\s-\s")  # what a longer furniture line holds
_PLAIN_COUNTER = re.compile(r"\bposted\s+(?:a|an|one)\s+\w+\s+ago\b|\breposted\b", re.I)
_PLAIN_REVIEWS = re.compile(r"\bcompany reviews?\b", re.I)
_CHECKS: tuple[tuple[IgnoredReason, re.Pattern[str]], ...] = (
    ("counter", _COUNTER), ("footer", _FOOTER), ("reviews", _REVIEWS), ("company_card", _COMPANY_CARD),
    ("interview", _INTERVIEW), ("job_criteria", _JOB_CRITERIA), ("salaries", _SALARIES), ("news", _NEWS),
    ("navigation", _NAVIGATION),
)  # fmt: skip


_PLAIN_CHECKS: tuple[tuple[IgnoredReason, re.Pattern[str]], ...] = (
    ("counter", _PLAIN_COUNTER), ("footer", _FOOTER), ("reviews", _PLAIN_REVIEWS),
)  # fmt: skip


# A pure function of the line, asked again for the same lines by the title finder and the posting
# reader: a bounded memo keeps those repeat questions cheap.
@lru_cache(maxsize=4096)
def furniture_reason(line: str) -> IgnoredReason | None:
    """The furniture kind of one line on its own, or None if it may be the posting's.

    Furniture is short: a line of more than 12 words is only ever a footer (a copyright line),
    so "Screened 200 candidates a month" or "Led 30 code reviews" in a sentence stay text.
    """
    stripped = line.strip().strip("•*-– ").strip()
    if not stripped or len(stripped) > 200:
        return None
    count = len(stripped.split())
    if count > _MAX_FURNITURE_WORDS:
        return "footer" if _FOOTER.search(stripped) else None
    # Most posting lines are plain words: only a few furniture kinds can be written that way.
    plain = count > _PLAIN_WORDS and _MARKS.search(stripped) is None
    for reason, pattern in _PLAIN_CHECKS if plain else _CHECKS:
        if pattern.search(stripped):
            if reason == "news" and (is_title_like(stripped) or has_posting_cue(stripped)):
                continue  # "Senior Engineer - Platform", "Experience with Go - AWS": not news
            return reason
    words = stripped.lower().replace("|", " | ").replace("·", " · ").split()
    if len(words) >= 3 and sum(w in _NAV_WORDS for w in words) / len(words) >= 0.8:
        return "navigation"
    if sum(w.strip(",|·") in _LANGUAGE_NAMES for w in words) >= 3:
        return "footer"  # a language picker on one line
    return None


def is_cruft_line(line: str) -> bool:
    """Whether a line on its own is job-board furniture (buttons, counters, ratings, navigation)."""
    return furniture_reason(line) is not None


_PLACE_LINE = re.compile(r"^[^·•|]{2,60}\s[·•|]\s[^·•|]{2,60}(?:\s[·•|]\s.{2,40})?$")
_LABEL_ONLY = re.compile(r"^(?:pros|cons)\s*:?$", re.I)


def furniture_reasons(lines: list[str]) -> list[IgnoredReason | None]:
    """Each line's furniture kind, using neighbours where one line can't tell.

    A criteria label's next line is its value; two or more ``Job title`` / ``Company · City``
    pairs in a row are a similar-jobs rail; the text after a bare ``Pros``/``Cons`` is a review;
    three language names on consecutive lines are a language picker.
    """
    own = [furniture_reason(line) for line in lines]
    reasons = list(own)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for position, index in enumerate(filled):
        follower = filled[position + 1] if position + 1 < len(filled) else None
        if follower is None or reasons[follower] is not None:
            continue
        # Only a label's own line gives its value line the label's kind (a value is no label), and
        # a job title is no value: "Job type" / "Nurse Practitioner - Urgent Care" in a search bar.
        if own[index] == "job_criteria" and len(lines[follower].split()) <= 8:
            if not is_title_like(lines[follower]):
                reasons[follower] = "job_criteria"
        elif _LABEL_ONLY.match(lines[index].strip()):
            reasons[follower] = "reviews"
    _mark_similar_job_pairs(lines, filled, reasons)
    _mark_language_runs(lines, filled, reasons)
    return reasons


def _mark_similar_job_pairs(lines: list[str], filled: list[int], reasons: list[IgnoredReason | None]) -> None:
    pairs = [
        (filled[p - 1], filled[p])
        for p in range(1, len(filled))
        if reasons[filled[p]] is None
        and reasons[filled[p - 1]] is None
        and _PLACE_LINE.match(lines[filled[p]].strip())
        and len(lines[filled[p - 1]].split()) <= 10
        and not _PLACE_LINE.match(lines[filled[p - 1]].strip())
    ]
    position = {line: p for p, line in enumerate(filled)}
    for index, (title, place) in enumerate(pairs):
        # Pairs in a row: the next pair's title is within two filled lines of this pair's place.
        after_previous = index > 0 and 0 < position[title] - position[pairs[index - 1][1]] <= 2
        before_next = index + 1 < len(pairs) and 0 < position[pairs[index + 1][0]] - position[place] <= 2
        if after_previous or before_next:
            reasons[title] = reasons[place] = "similar_jobs"


def _mark_language_runs(lines: list[str], filled: list[int], reasons: list[IgnoredReason | None]) -> None:
    def is_language(i: int) -> bool:
        return lines[i].strip().split(" (")[0].lower() in _LANGUAGE_NAMES

    run: list[int] = []
    for index in [*filled, -1]:
        if index >= 0 and is_language(index):
            run.append(index)
            continue
        if len(run) >= 3:
            for member in run:
                reasons[member] = "footer"
        run = []
