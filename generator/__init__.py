"""Compile Azure-flavoured Swagger 2.0 specs into typed Python clients and version-diff reports.

Pipeline: load (read, validate, resolve ``$ref``) -> normalize Swagger quirks -> intermediate
model (IR) -> naming pass -> render -> format -> write.  The version diff works on the IR.
"""

__version__ = "0.1.0"
