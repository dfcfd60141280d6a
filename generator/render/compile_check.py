"""The last guard before anything is written: every generated Python module must compile.

Escaping and the value checks keep spec text from breaking generated code; if something slips
through anyway, ``compile()`` on the rendered text turns it into one located line (the
generated file and line) instead of a package that fails at import.  It runs on the text that
goes to black, so a formatted result in the cache has always passed it.
"""

from __future__ import annotations

from generator.render.escape import comment


def compile_error(source: str, name: str) -> str | None:
    """None when ``source`` compiles, else one line: ``name:line: what is wrong``."""
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as error:
        return f"{name}:{error.lineno or 0}: generated code does not compile: {comment(error.msg)}"
    except ValueError as error:  # a NUL byte in the source
        return f"{name}:0: generated code does not compile: {comment(str(error))}"
    return None
