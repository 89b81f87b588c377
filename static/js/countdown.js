// The countdown of a timed quiz attempt (templates/quizzes/countdown.html). It counts from the
// seconds left that the server wrote into the page, measured on this device from the moment
// the page loaded: a phone's clock set a few minutes off must not shift it. Screen readers
// hear it only at 5 minutes, at 1 minute and at the end, through the live region, not every
// second. At zero it presses, once, the page's button marked data-countdown-submit, so that
// the answers on the page are saved (or the attempt sent, on the summary of a quiz whose
// attempts are sent when time is up). The server stays the judge of the deadline: it keeps
// what arrives in time and refuses the rest; without JavaScript, it closes the attempt itself.
(function () {
  "use strict";

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function clock(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    return hours ? hours + ":" + two(minutes) + ":" + two(rest) : minutes + ":" + two(rest);
  }

  function start(box) {
    var left = parseInt(box.getAttribute("data-seconds-left"), 10);
    // Offline, the page may be the copy kept on the device when the attempt started (static/
    // js/offline.js): its seconds are stale, so count to the deadline on the server's clock,
    // by the offset offline.js measured against the server's Date header.
    var offset = window.localStorage && localStorage.getItem("kalan-clock");
    var deadline = Date.parse(box.getAttribute("data-deadline"));
    if (!navigator.onLine && offset !== null && !isNaN(deadline)) {
      left = Math.max(0, Math.floor((deadline - Date.now() - parseInt(offset, 10)) / 1000));
    }
    var shown = box.querySelector("[data-countdown-clock]");
    var live = box.querySelector("[data-countdown-announce]");
    if (isNaN(left) || !shown || !live) {
      return;
    }
    var end = Date.now() + left * 1000;
    // A threshold already passed when the page loads is not announced: the page says it.
    var thresholds = [
      [300, box.getAttribute("data-five")],
      [60, box.getAttribute("data-one")],
      [0, box.getAttribute("data-over")],
    ].filter(function (t) {
      return left > t[0];
    });
    var timer;

    function tick() {
      var now = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      shown.textContent = clock(now);
      box.classList.toggle("countdown--soon", now <= 300);
      box.classList.toggle("countdown--over", now === 0);
      // After the device slept, only the last threshold passed is said.
      var message = null;
      while (thresholds.length && now <= thresholds[0][0]) {
        message = thresholds.shift()[1];
      }
      if (message) {
        live.textContent = message;
      }
      if (now === 0) {
        window.clearInterval(timer);
        submit();
      }
    }

    var submitted = false;

    function submit() {
      var button = document.querySelector("[data-countdown-submit]");
      if (submitted || !button || !button.form) {
        return;
      }
      submitted = true;
      if (button.form.requestSubmit) {
        button.form.requestSubmit(button);
      } else {
        button.click();
      }
    }

    box.hidden = false;
    tick();
    timer = window.setInterval(tick, 1000);
  }

  function init() {
    var boxes = document.querySelectorAll("[data-countdown]");
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
