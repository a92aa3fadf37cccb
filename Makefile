# Two commands: `make demo` and `make test`. Each sets up everything on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
PY := .venv/bin/python
# chromium + chromium-driver: tests/test_html_browser.py opens the HTML briefing in a real browser.
SYSTEM_PACKAGES := fonts-noto-core libharfbuzz-subset0 poppler-utils chromium chromium-driver
STAMP := .venv/.installed

.PHONY: demo test system lint bench clean

demo: $(STAMP)
	$(PY) -m compare report seeds/ -o reports/seeds-briefing.pdf

test: $(STAMP)
	.venv/bin/ruff check compare tests bench
	$(PY) -m pytest

lint: $(STAMP)
	.venv/bin/ruff check compare tests bench

# Benchmarks print figures; they are not timed tests. bench/big_inputs.py (minutes) runs on its own.
bench: $(STAMP)
	$(PY) -m bench.accuracy
	$(PY) -m bench.fit_align --dry-run
	$(PY) -m bench.facts_speed
	$(PY) -m bench.ans_stance
	$(PY) -m bench.align_scale
	$(PY) -m bench.baselines
	$(PY) -m bench.render_speed

# System packages the PDF needs: installed when missing and root, otherwise the exact command is printed.
system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing system packages; run: sudo apt-get update && sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml | system
	@test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

clean:
	rm -rf .venv reports/*.pdf reports/*.html reports/*.json reports/*.csv
