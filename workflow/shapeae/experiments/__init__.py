"""One module or small package per experiment: its own analyses, figures and `claims(...)`.

Imports flow one way: workflow scripts -> experiment modules -> shared modules (`shapeae.*`); no
shared module imports an experiment. Each experiment exposes `claims(scores, ...)`, the rows
(`shapeae.claims.row`) of the published findings it measures, in the order of `CLAIM_IDS`.
"""
