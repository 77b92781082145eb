"""Reads of the e-learning: what a trainee sees, each in a fixed number of queries.

`catalogue` reads what is published (modules, lesson counts, approvals, the
catalogue's address); `cards` a module as one trainee sees it in a list;
`learning` where a trainee is in their modules; `pathways` the career pathway pages;
`review` content due for or in review.
"""
