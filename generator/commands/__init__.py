"""One module per command: each runs its stages in order and maps the outcome to an exit code.

The stages (load, normalize, ir_builder, naming, render, diff, write, sync) never import from
here; ``generator.cli`` parses arguments and calls the ``run_*`` function of one module.
"""
