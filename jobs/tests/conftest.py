import tempfile
from pathlib import Path

import pytest

from jobs import registry


@pytest.fixture
def test_kind():
    """A kind whose runner does what the test puts in `behaviour`: return an outcome with a
    file, raise JobFailed, or raise anything else. `allowed` is switchable too."""
    state = {"behaviour": "file", "allowed": True, "runs": 0}

    def run(job, report):
        state["runs"] += 1
        report(1, 2)
        behaviour = state["behaviour"]
        if callable(behaviour):
            return behaviour(job, report)
        if behaviour == "fail":
            raise registry.JobFailed("Refusé pour la démonstration.", errors=["Question 2 : x"])
        if behaviour == "crash":
            raise RuntimeError("bug")
        handle, name = tempfile.mkstemp(suffix=".csv")
        with open(handle, "w") as out:
            out.write("matricule;nom\nT-1;Awa\n")
        return registry.Outcome(message="1 ligne.", path=Path(name), filename="essai.csv")

    registry.kind_register(
        registry.Kind(
            name="jobs.test",
            label=lambda params: "Tâche d’essai",
            run=run,
            allowed=lambda user, params: state["allowed"],
            back_url=lambda params: "/",
        )
    )
    yield state
    registry._kinds.pop("jobs.test", None)
