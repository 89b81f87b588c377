from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def home(request):
    """ "Mes formations": the learner's courses. Empty until courses exist (issue 3)."""
    return render(request, "courses/home.html", {"enrollments": []})
