"""Semantic comparison of API versions: what changed, how much it matters, and for whom.

The diff works on the IR (:mod:`generator.ir`), never on raw Swagger, so spelling differences
(``$ref`` layout, parameter order, path-parameter names) do not show up as changes.

Pipeline, one module per step:

- :mod:`~generator.diff.index` — per version: lookups, the "uses" graph of models and enums, and
  which operations reach each of them in requests and in responses (direction awareness).
- :mod:`~generator.diff.match` — pairs operations (operationId, then method + normalised path:
  moves) and definitions (key, then moved uses: renames and splits; class name; shape).
- :mod:`~generator.diff.compare_service` (root URL, schemes, client parameters, security),
  :mod:`~generator.diff.compare_operations` (added, removed, moved, renamed; each pair's parts:
  :mod:`~generator.diff.compare_inputs` over :mod:`~generator.diff.operation_inputs`,
  :mod:`~generator.diff.compare_media`, :mod:`~generator.diff.compare_behaviour`),
  :mod:`~generator.diff.compare_responses`, :mod:`~generator.diff.compare_models`,
  :mod:`~generator.diff.compare_values` (constraints, defaults, nullability of any value),
  :mod:`~generator.diff.compare_enums`, :mod:`~generator.diff.compare_renames`,
  :mod:`~generator.diff.client_surface` — one :class:`~generator.diff.changes.Change` per root
  cause, with a rule from :mod:`~generator.diff.rules` (Azure's rules 1000-1050 and ours; the
  table as a document: ``RULES.md``, by :mod:`~generator.diff.rules_doc`), a wire verdict, a
  generated-client verdict and a migration note.
- :mod:`~generator.diff.engine` — :func:`~generator.diff.engine.diff_specs` /
  :func:`~generator.diff.engine.diff_indexed` for one pair.
- :mod:`~generator.diff.timeline`, :mod:`~generator.diff.ignore`,
  :mod:`~generator.diff.report` — several versions, accepted changes, the whole report.
- :mod:`~generator.diff.report_view` — what every format shows (``--only``, ``--summary``, the
  migration list, grouping by operation group); :mod:`~generator.diff.render_md`,
  :mod:`~generator.diff.render_json` (schema in ``SCHEMA.md``),
  :mod:`~generator.diff.render_html` (``templates/diff_report.html.jinja``).
- :mod:`~generator.commands.diff` — the ``diff`` command; :mod:`~generator.diff.api` — what
  ``generate`` and the benchmark call.
"""
