"""Semantic comparison of API versions: what changed, how much it matters, and for whom.

The diff works on the IR (:mod:`generator.ir`), never on raw Swagger, so spelling differences
(``$ref`` layout, parameter order, path-parameter names) do not show up as changes.
"""
