"""The words that name an occupation, for the title finder and the body finder alike."""

from __future__ import annotations

import re

__all__ = ["COMPOUND_ROLE", "ROLE_NOUN", "ROMANCE_ROLE", "names_a_role"]

# Head nouns of job titles: a title ends with one ("Senior Data Engineer", "Staff Nurse").
ROLE_NOUN = re.compile(
    r"(?:engineer|developer|programmer|architect|scientist|analyst|manager|director|designer|"
    r"consultant|specialist|administrator|technician|coordinator|assistant|associate|officer|"
    r"representative|lead|head|intern|accountant|nurse|teacher|instructor|advisor|adviser|"
    r"writer|editor|researcher|strategist|planner|operator|supervisor|executive|clerk|"
    r"recruiter|agent|therapist|pharmacist|physician|technologist|mechanic|electrician|"
    r"driver|chef|cook|attendant|auditor|controller|buyer|owner|partner|expert|practitioner|"
    r"tester|steward|secretary|receptionist|paralegal|lawyer|solicitor|counsel|economist|"
    r"statistician|marketer|producer|artist|trainer|coach|president|vp|cto|ceo|cfo|sre|"
    r"apprentice|trainee|graduate|fellow|worker|carer|assembler|welder|fitter|surveyor)",
    re.I,
)
# German and Swedish titles end in a compound's role noun ("Backend-Entwickler", "Systemutvecklare");
# French and Spanish ones start with it ("Développeur Java", "Ingeniero de Datos").
COMPOUND_ROLE = re.compile(
    r"\w*(?:entwickler|ingenieur|berater|leiter|architekt|administrator|referent|sachbearbeiter|"
    r"utvecklare|ingenjör|konsult|arkitekt|projektledare)(?:in|innen)?",
    re.I,
)
ROMANCE_ROLE = re.compile(
    r"(?:développeur|développeuse|ingénieur|ingénieure|chef|cheffe|responsable|technicien|technicienne|"
    r"desarrollador|desarrolladora|ingeniero|ingeniera|analista|consultor|consultora|jefe|jefa|técnico|técnica)",
    re.I,
)

_ROLE_WORD = re.compile(r"[\w-]+")


def names_a_role(line: str) -> bool:
    """Whether any word of ``line`` is a role noun ("Nurse Practitioner - Urgent Care",
    "Backend-Entwickler (m/w/d)", "Ingénieur Data")."""
    for match in _ROLE_WORD.finditer(line):
        written = match.group()
        # the word, or its singular: "Analysts", "Nurses" (one s only: "Business" is no "Busine")
        for word in (written, written[:-1]) if written[-1:] in "sS" else (written,):
            if (
                ROLE_NOUN.fullmatch(word)
                or COMPOUND_ROLE.fullmatch(word.split("-")[-1])
                or ROMANCE_ROLE.fullmatch(word)
            ):
                return True
    return False
