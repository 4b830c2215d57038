"""Understanding: what a posting asks for and how, what a resume shows an ATS, degrees."""
