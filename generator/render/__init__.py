"""Rendering: IR -> the files of the generated client distribution.

The steps, each in its own module:

* :mod:`~generator.render.types` -- IR types as Python annotations (and the imports they need);
* :mod:`~generator.render.docs` -- spec text as safely escaped, wrapped docstrings;
* :mod:`~generator.render.model_context`, :mod:`~generator.render.operation_context`,
  :mod:`~generator.render.client_context`, :mod:`~generator.render.readme_context` -- plain
  template contexts; every decision is made here, in Python (a method's from its parts:
  :mod:`~generator.render.operation_parameters`, :mod:`~generator.render.parameter_groups`,
  :mod:`~generator.render.operation_bodies` and :mod:`~generator.render.operation_results`,
  collected in :mod:`~generator.render.method_parts`, values written by
  :mod:`~generator.render.wire_values`);
* :mod:`~generator.render.templates` -- the strict Jinja2 environment over ``templates/client``;
* :mod:`~generator.render.format` -- black (pinned) with a result cache;
* :mod:`~generator.render.package` -- the distribution's file list, rendered in memory;
* :mod:`~generator.commands.generate` -- the ``generate`` command; :mod:`generator.write` writes the
  tree atomically or compares it for ``--check``.
"""
