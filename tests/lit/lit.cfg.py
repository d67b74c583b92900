# lit configuration for certc: one folder per phase; RUN lines use %certc.
import os
import lit.formats

config.name = "certc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cert", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.certc_obj_root, "tests", "lit")

config.substitutions.append(("%certc", config.certc_tool))
config.substitutions.append(("%stdlib", os.path.join(config.certc_src_root, "stdlib")))
config.substitutions.append(("%policies", os.path.join(config.certc_src_root, "policies")))
config.substitutions.append(("%examples", os.path.join(config.certc_src_root, "examples")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%src", config.certc_src_root))
config.environment["NO_COLOR"] = "1"

# Diagnostics tests: exact spacing (so a caret line pins the column) and no
# diagnostic beyond those a test names: every error, warning and note must be
# matched by a CHECK line.
config.substitutions.append(
    ("%diagcheck",
     config.filecheck + " --strict-whitespace --implicit-check-not=error: "
     "--implicit-check-not=warning: --implicit-check-not=note:"))
