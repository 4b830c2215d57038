"""The lexicon's documented ``group`` values: families of entries, for stats and for one rule.

One group changes behaviour: ``degree``. An entry in it is read as a degree: a posting naming it
states a degree requirement (level, field, "or equivalent"), and a resume holding a degree of the
same or a higher level meets it. Every other group is a label only (``atsmatch lexicon stats``
counts by it). A new family goes here and into docs/lexicon.schema.json in one change
(``ATSMATCH_UPDATE_GOLDEN=1 pytest tests/lexicon/test_schema.py`` regenerates the schema).
"""

from __future__ import annotations

__all__ = ["BEHAVIOUR_GROUPS", "GROUPS"]

# Groups whose entries are treated differently from a plain skill, and how.
BEHAVIOUR_GROUPS = {
    "degree": (
        "a degree: read as the posting's degree requirement; met by a degree of the same or a higher level"
    ),
}

GROUPS = frozenset(
    {
        "accounting", "agile-cert", "agriculture", "allied-health", "api", "architecture-cert", "banking",
        "behavioral-health-licence", "beverage-cert", "bi-analytics", "blockchain", "build-tools",
        "business", "business-analysis-cert", "cad", "chemical-engineering", "ci-cd", "civil-engineering",
        "clinical", "clinical-research-cert", "cloud", "cloud-aws", "cloud-azure", "cloud-cert",
        "cloud-gcp", "coaching-cert", "collaboration", "communication", "construction", "containers",
        "creativity", "customer", "customer-service", "data-cert", "data-engineering", "database", "degree",
        "design", "design-cert", "dev-tools", "devops", "devops-cert", "digital-marketing", "education",
        "education-cert", "electrical-engineering", "embedded", "energy", "engineering",
        "engineering-licence", "enterprise-software", "equipment-cert", "erp-cert", "finance",
        "finance-cert", "fitness-cert", "food-safety-cert", "food-service", "frontend", "graphics-gaming",
        "health-information-cert", "health-it", "health-safety", "healthcare-cert", "healthcare-licence",
        "hospitality", "hpc", "hr", "hr-cert", "iac", "insurance", "insurance-licence", "interpersonal",
        "it-cert", "it-support", "itsm-cert", "java-ecosystem", "laboratory", "language-cert", "leadership",
        "learning", "legal", "legal-licence", "life-support-cert", "linux-cert", "logistics",
        "machine-learning", "manufacturing", "marketing", "marketing-cert", "mechanical-engineering",
        "media", "medical-coding", "medical-licence", "messaging", "methodology", "microsoft-cert",
        "ml-framework", "mobile", "monitoring", "networking", "networking-cert", "nursing",
        "nursing-licence", "office-software", "oracle-cert", "organisation", "os", "personal-care",
        "pharmacy", "privacy-cert", "problem-solving", "programming-cert", "programming-concepts",
        "programming-language", "project-management-cert", "quality-cert", "real-estate-licence",
        "research-lab", "robotics", "safety-cert", "sales", "salesforce-cert", "science",
        "securities-licence", "security", "security-cert", "self-management", "software-architecture",
        "spoken-language", "statistics", "storage", "supply-chain", "supply-chain-cert", "tax", "testing",
        "testing-cert", "trades", "trades-licence", "transport", "transport-licence", "version-control",
        "virtualization", "virtualization-cert", "web-framework", "web-server", "work-ethic",
    }
)  # fmt: skip
