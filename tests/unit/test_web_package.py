"""indicators/web/ is a package of small modules behind one name: pages call `web.t`, `web.focus`,
... and the launcher path imports none of the caches."""
import subprocess
import sys
import types

from indicators import web
from indicators.config import REPO_DIR


def test_every_name_the_package_offers_is_the_function_not_a_module_of_the_same_name():
    for name in web.__all__:
        assert not isinstance(getattr(web, name), types.ModuleType), name


def test_importing_the_package_or_the_launcher_defines_no_cache():
    script = ("import sys, indicators.web, indicators.web.launcher; "
              "print(sorted(m for m in sys.modules if m.startswith('indicators.web')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_DIR, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "['indicators.web', 'indicators.web.launcher']"
    assert "No runtime found" not in done.stderr
