// The question editor: marks the form with the chosen type, so that kalan-admin.css hides
// the answer fields and inline panels that type does not use (their `data-kalan-types`),
// rows added later included. Without this script every field shows, labelled with its types,
// and the server drops what the type does not use (quizzes/forms.py::QuestionForm).
(function () {
  "use strict";

  function init() {
    var select = document.querySelector('select[name="question_type"]');
    var form = select && select.form;
    if (!form || !form.querySelector("[data-kalan-types]")) {
      return;
    }
    function update() {
      if (select.value) {
        form.setAttribute("data-kalan-question-type", select.value);
      } else {
        form.removeAttribute("data-kalan-question-type");
      }
    }
    select.addEventListener("change", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
