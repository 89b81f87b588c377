// The completion page, while the certificate is being issued
// (templates/certificates/includes/completion_certificate.html). The certificate is made by a
// background task a few seconds after the completion: this script asks the server whether it
// is ready, a few times and less and less often, and shows its links as soon as it is. The
// line with role="status" says it to screen readers. Without this script, the page offers a
// refresh link; a failed request changes nothing and the link stays.
(function () {
  "use strict";

  // Seconds to wait before each question: about a minute in all.
  var DELAYS = [2, 3, 4, 5, 8, 10, 13, 15];

  function start(box) {
    var url = box.getAttribute("data-status-url");
    var status = box.querySelector("[data-certificate-status]");
    var links = box.querySelector("[data-certificate-links]");
    var pdf = box.querySelector("[data-certificate-pdf]");
    var verify = box.querySelector("[data-certificate-verify]");
    var refresh = box.querySelector("[data-certificate-refresh]");
    if (!url || !status || !links || !pdf || !verify || !window.fetch) {
      return;
    }
    var round = 0;

    function show(answer) {
      pdf.setAttribute("href", answer.pdf);
      verify.setAttribute("href", answer.verify);
      links.hidden = false;
      if (refresh) {
        refresh.hidden = true;
      }
      status.textContent = box.getAttribute("data-ready");
      box.setAttribute("data-certificate-state", "ready");
    }

    function giveUp() {
      status.textContent = box.getAttribute("data-late");
      box.setAttribute("data-certificate-state", "late");
    }

    function ask() {
      window
        .fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && answer.ready && answer.pdf && answer.verify) {
            show(answer);
          } else {
            next();
          }
        })
        .catch(next);
    }

    function next() {
      if (round >= DELAYS.length) {
        giveUp();
        return;
      }
      window.setTimeout(ask, DELAYS[round] * 1000);
      round += 1;
    }

    next();
  }

  function init() {
    var boxes = document.querySelectorAll("[data-certificate-wait]");
    for (var i = 0; i < boxes.length; i++) {
      start(boxes[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
