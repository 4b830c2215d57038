"""The section-heading vocabulary as data: a validated, immutable ``HeadingVocabulary``.

Each kind has a tuple of regular expressions, each matched against a whole heading
(case-insensitively). Order matters: the first kind whose pattern matches wins. Pass your own
``HeadingVocabulary`` to ``Analyzer(headings=...)`` to add or change headings; the defaults cover
English resumes and postings, and German, French, Spanish and Swedish posting headings.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import SectionKind

__all__ = ["HeadingKind", "HeadingVocabulary", "default_heading_kinds", "default_vocabulary"]


class HeadingKind(BaseModel):
    """A section kind and the headings that open it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SectionKind
    patterns: tuple[str, ...] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                compiled = re.compile(pattern, re.I)
            except re.error as exc:
                raise ValueError(
                    f"heading pattern {pattern!r} is not a valid regular expression: {exc}"
                ) from None
            if compiled.groups:
                raise ValueError(f"heading pattern {pattern!r}: use (?:...) instead of capturing groups")
            if compiled.fullmatch(""):
                raise ValueError(f"heading pattern {pattern!r} matches an empty heading")
        return patterns


_MEMO_SIZE = 4096  # stripped lines whose heading kind a vocabulary remembers
_UNSEEN = object()


# "About <Name>" is a company section; "About me" (resumes) and "About you" (postings) are not.
# "About Globex", "About 3M"; not "about 2 weeks" (an interview duration).
_ABOUT_NAME = r"about (?!(?:me|myself|you|yourself|the role|this role)\b)(?-i:[A-Z]|[0-9]+[A-Za-z]).{0,40}"


# The built-in headings: each row a kind, then its patterns (plain strings: compiled on first use).
_DEFAULT_HEADINGS: tuple[tuple[str, ...], ...] = (
    ("overview",
        r"about (?:the|this) (?:role|job|position|opportunity)", r"(?:the )?role", r"role overview",
        r"job (?:description|summary|details|overview)", r"position (?:summary|overview|description)",
        r"overview", r"description", r"the opportunity", r"summary of (?:the )?role", r"opportunity",
        # de, fr, es, sv
        r"(?:die |deine |ihre )?stellenbeschreibung", r"über die (?:stelle|position|rolle)", r"deine rolle",
        r"description du poste", r"(?:le |votre )?poste", r"descripción del (?:puesto|empleo|cargo)",
        r"sobre el (?:puesto|rol)", r"om (?:tjänsten|rollen)", r"tjänstebeskrivning",
    ),
    ("responsibilities",
        r"(?:key |main |primary |core |your |role |job |major )?responsibilities", r"what you(?:'ll| will) do",
        r"what you(?:'ll| will) be doing", r"(?:job |essential |main )?duties(?: and responsibilities)?",
        r"your role", r"(?:a )?day[- ]to[- ]day", r"in this role(?: you will)?", r"your mission",
        r"responsibilities and duties", r"essential functions", r"the work", r"your impact",
        r"(?:ihre |deine |die )?(?:aufgaben|tätigkeiten|hauptaufgaben)(?: und verantwortlichkeiten)?",
        r"(?:das )?(?:erwartet|macht) (?:dich|sie)", r"was (?:dich|sie) erwartet", r"deine mission",
        r"(?:vos |les |principales )?missions(?: principales)?", r"(?:vos )?responsabilités", r"votre rôle",
        r"(?:tus |sus |principales )?(?:responsabilidades|funciones|tareas)", r"qué harás",
        r"(?:dina )?(?:arbetsuppgifter|ansvarsområden)", r"ditt uppdrag", r"i rollen kommer du att",
    ),
    ("preferred",
        r"preferred(?: qualifications| skills| experience| requirements)?", r"nice[- ]to[- ]haves?",
        r"bonus(?: points)?", r"(?:it'?s )?a plus", r"pluses", r"desired(?: skills| qualifications| experience)?",
        r"desirable(?: skills| qualifications| experience| criteria)?(?: (?:and|&) (?:experience|skills))?", r"additional (?:qualifications|skills)", r"ideally(?: you have)?",
        r"good to have", r"even better if(?: you have)?", r"extra credit", r"bonus if you have",
        r"preferred but not required", r"nice to have skills",
        r"wünschenswert", r"von vorteil", r"(?:ein )?plus(?:punkte)?", r"idealerweise",
        r"(?:les )?atouts", r"(?:serait )?un plus", r"(?:sería |es )?deseable", r"se valorará", r"valorable",
        r"meriterande", r"det är meriterande om du",
    ),
    ("required",
        r"(?:minimum|basic|required|essential|key|job|core|must[- ]have)? ?(?:qualifications|requirements)",
        r"requirements and qualifications", r"qualifications and requirements", r"required skills(?: and experience)?",
        r"what you(?:'ll| will)? need(?: to succeed)?", r"what you(?:'ll| will)? bring(?: to the (?:team|table))?",
        r"who you are", r"you have", r"must[- ]haves?", r"what we(?:'re| are) looking for",
        r"skills (?:and|&) (?:experience|qualifications)", r"experience (?:and|&) skills", r"your profile",
        r"about you", r"you should have", r"the ideal candidate", r"ideal candidate(?: profile)?",
        r"candidate requirements", r"knowledge,? skills,? (?:and|&) abilities",
        r"to be successful(?: in this role)?(?:,? you will have)?", r"what you have", r"your skills",
        r"requirements? (?:and|&) skills", r"skills required", r"mandatory skills",
        # a UK recruiter's profile: "Essential Skills & Experience", "Essential criteria"
        r"essential(?: skills| experience| criteria)?(?: (?:and|&) (?:experience|skills|qualifications))?",
        r"person specification", r"key skills(?: (?:and|&) experience)?",
        r"(?:ihr |dein |unser )?(?:profil|anforderungsprofil)", r"(?:deine |ihre )?(?:anforderungen|qualifikationen)",
        r"was (?:du|sie) mitbring(?:en|st)", r"das bringst du mit", r"das bringen sie mit", r"(?:deine |ihre )?kenntnisse",
        r"(?:le )?profil recherché", r"votre profil", r"(?:compétences|qualifications) (?:requises|recherchées)",
        r"exigences", r"ce que nous recherchons", r"qui êtes-vous",
        r"requisitos(?: mínimos| imprescindibles)?", r"(?:tu |su )?perfil(?: buscado)?", r"qué buscamos",
        r"buscamos", r"(?:requisitos|competencias) (?:y|e) (?:experiencia|habilidades)",
        r"kvalifikationer", r"krav", r"vi söker dig som(?: har)?", r"din profil", r"om dig", r"vem är du",
    ),
    ("benefits",
        r"(?:our |your )?benefits(?: and perks)?", r"perks(?: (?:and|&) benefits)?", r"what we offer",
        r"we offer", r"compensation(?: (?:and|&) benefits)?", r"why (?:join us|work (?:here|with us)|you'll love (?:it|working) here)",
        r"salary(?: (?:and|&) benefits)?", r"what(?:'s| is) in it for you", r"total rewards",
        r"(?:pay|salary|compensation) (?:range|transparency)", r"what you(?:'ll| will) get", r"our offer", r"the perks",
        r"wir bieten(?: dir| ihnen)?", r"was wir (?:dir |ihnen )?bieten", r"das bieten wir(?: dir| ihnen)?",
        r"unser angebot", r"(?:deine |ihre )?vorteile",
        r"(?:ce que )?nous (?:vous )?(?:offrons|proposons)", r"(?:nos )?avantages", r"pourquoi nous rejoindre",
        r"(?:qué )?ofrecemos", r"(?:nuestros )?beneficios", r"vi erbjuder(?: dig)?", r"förmåner",
    ),
    ("legal",
        r"equal (?:employment )?opportunity.*", r"eeo.*", r"diversity.*", r"(?:reasonable )?accommodations?",
        r"privacy(?: notice| policy)?", r"legal(?: notice)?", r"disclaimer", r"e-verify", r"our commitment.*",
    ),
    ("cruft",
        r"similar (?:jobs|roles|positions|companies|job categories)", r"related jobs", r"more jobs.*", r"people also viewed",
        r"(?:recommended )?jobs you may (?:like|be interested in)", r"recommended jobs", r"other jobs.*",
        r"(?:company )?reviews", r"in the news", r"(?:latest |company |recent )?news", r"interview (?:questions|experiences?|statistics|tips|process)",
        r"interviews?", r"salaries", r"(?:salary|pay) (?:insights|estimates|by level)", r"see all reviews", r"jobs at .*",
        r"more from .*", r"explore (?:more|similar) .*", r"similar job categories", r"popular (?:searches|categories)",
        r"people also searched", r"meet the hiring team", r"(?:get|download) (?:the|our) app", r"browse (?:jobs|categories)",
        r"ähnliche (?:jobs|stellen(?:angebote)?)", r"weitere (?:jobs|stellen).*", r"offres similaires",
        r"(?:d')?autres offres.*", r"(?:empleos|ofertas) similares", r"liknande (?:jobb|tjänster)",
    ),
    ("company",
        r"about(?: us)?", r"about (?:the|our) (?:company|team|employer|organi[sz]ation)", r"who we are",
        r"our (?:company|mission|story|team|culture)", r"company (?:overview|description|profile)",
        r"the (?:company|team)", _ABOUT_NAME,
        r"über uns", r"wer wir sind", r"das unternehmen", r"unternehmensprofil", r"qui sommes-nous",
        r"à propos(?: de nous)?", r"l'entreprise", r"sobre nosotros", r"quiénes somos", r"la empresa",
        r"om oss", r"om företaget", r"vilka vi är",
    ),
    ("summary",
        r"(?:professional |career |executive )?summary", r"(?:professional )?profile", r"about me",
        r"(?:career )?objective", r"personal statement",
    ),
    ("experience",
        r"(?:work |professional |relevant |employment |industry )?experience", r"employment(?: history)?",
        r"work history", r"career history", r"professional background", r"positions held",
    ),
    ("education", r"education(?: (?:and|&) (?:training|certifications))?", r"academic (?:background|history)"),
    ("skills",
        r"(?:technical |core |key |relevant |professional )?skills(?: (?:and|&) (?:tools|technologies|expertise|interests))?",
        r"technologies", r"tools(?: (?:and|&) technologies)?", r"tech(?:nology)? stack", r"(?:core )?competencies",
        r"areas of expertise", r"expertise", r"technical proficiencies", r"skill set", r"skillset",
        r"(?:unser )?tech[- ]stack", r"compétences(?: techniques)?", r"habilidades", r"tekniker",
    ),
    ("certifications",
        r"certifications?(?: (?:and|&) (?:licen[cs]es|training|courses))?", r"licen[cs]es(?: (?:and|&) certifications)?",
        r"courses", r"training", r"professional development",
    ),
    ("projects", r"(?:selected |personal |side |key |academic )?projects"),
    ("publications", r"publications", r"papers", r"selected publications", r"research"),
    ("awards", r"awards(?: (?:and|&) honou?rs)?", r"honou?rs(?: (?:and|&) awards)?", r"achievements"),
    ("languages", r"languages", r"spoken languages", r"language skills"),
    ("volunteer", r"volunteer(?:ing| experience| work)?", r"community(?: involvement)?"),
    ("interests", r"interests", r"hobbies(?: (?:and|&) interests)?"),
)  # fmt: skip


@lru_cache(maxsize=1)
def default_heading_kinds() -> tuple[HeadingKind, ...]:
    """The built-in headings by kind, built on first use (nothing is compiled at import)."""
    return tuple(HeadingKind(kind=kind, patterns=tuple(patterns)) for kind, *patterns in _DEFAULT_HEADINGS)


class HeadingVocabulary(BaseModel):
    """Section headings by kind, in priority order; compiled once into one alternation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: tuple[HeadingKind, ...] = Field(default_factory=default_heading_kinds, min_length=1)
    max_words: int = Field(default=8, ge=1, description="A heading has at most this many words")

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], tuple[SectionKind, ...]]:
        # One alternation, in order: one match per line instead of twenty.
        alternation = "|".join(
            f"(?P<k{i}>(?:{'|'.join(kind.patterns)}))" for i, kind in enumerate(self.kinds)
        )
        return re.compile(rf"^(?:{alternation})$", re.I), tuple(kind.kind for kind in self.kinds)

    def match(self, words: str) -> SectionKind | None:
        """The kind of the first pattern matching all of ``words``, or None."""
        pattern, kinds = self._compiled
        found = pattern.match(words)
        return kinds[int(found.lastgroup[1:])] if found else None  # type: ignore[index]

    @cached_property
    def _memo(self) -> dict[str, SectionKind | None]:
        return {}

    def remembered(self, line: str) -> tuple[bool, SectionKind | None]:
        """``(True, kind)`` if ``heading_kind`` has seen this stripped line (headings and the short
        lines of job boards repeat from posting to posting), else ``(False, None)``."""
        found = self._memo.get(line, _UNSEEN)  # one lookup: another thread may clear the memo
        return (False, None) if found is _UNSEEN else (True, found)  # type: ignore[return-value]

    def remember(self, line: str, kind: SectionKind | None) -> None:
        """Keep ``heading_kind``'s answer for a stripped line; bounded (cleared when full)."""
        memo = self._memo
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[line] = kind

    def extended(self, *extra: HeadingKind) -> HeadingVocabulary:
        """This vocabulary with ``extra`` kinds tried first (your headings win over the defaults)."""
        return HeadingVocabulary(kinds=(*extra, *self.kinds), max_words=self.max_words)


@lru_cache(maxsize=1)
def default_vocabulary() -> HeadingVocabulary:
    """The built-in vocabulary, built on first use."""
    return HeadingVocabulary()
