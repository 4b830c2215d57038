"""Document structure: sections from headings, furniture and legal lines, the posting's title."""
