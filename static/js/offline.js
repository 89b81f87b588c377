// Offline use, on the page's side (issue 19): registers the service worker (/sw.js) and talks
// to it. Without this script (or without service workers) every page works online as before.
// - On each page: says who is signed in, so that the worker sends what waits and refreshes
//   downloaded courses; shows « N envois en attente ».
// - Course page ([data-offline-pack]): the download button with the pack's size, a progress bar.
// - Course cards ([data-offline-course]): « Disponible hors ligne » and the date.
// - Lesson page (form[data-offline-sync]): offline, « J'ai terminé cette leçon » is queued.
// - « Hors ligne » page ([data-offline-list]): what this device holds for the person.
// - Quiz attempt (form[data-offline-attempt]): its pages kept on the device, answers queued
//   offline (the « Quizzes » functions below).
// - Sign-out form (form[data-offline-signout-form]): see signoutForm().
// Texts come from the page (#offline-strings, translated on the server).
(function () {
  "use strict";

  if (!("serviceWorker" in navigator) || !window.fetch || !window.MessageChannel) {
    return;
  }
  var body = document.body;
  var user = body.getAttribute("data-offline-user") || "";
  var strings = {};
  var source = document.getElementById("offline-strings");
  if (source) {
    strings = JSON.parse(source.textContent);
  }

  function text(key, values) {
    return (strings[key] || "").replace(/\{(\w+)\}/g, function (_all, name) {
      return values && name in values ? values[name] : "";
    });
  }

  function token() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString(document.documentElement.lang || "fr", {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
  }

  function ask(message, onProgress, timeout) {
    var asked = navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          var answer = event.data;
          if (answer.progress) {
            if (onProgress) {
              onProgress(answer);
            }
          } else if (answer.ok) {
            resolve(answer);
          } else {
            reject(new Error(answer.error));
          }
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
    return timeout
      ? Promise.race([
          asked,
          new Promise(function (_resolve, reject) {
            setTimeout(reject, timeout);
          }),
        ])
      : asked;
  }

  // One line with role="status" at the top of the page for what waits to be sent.
  var notice = null;
  function say(message) {
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "message message--warning";
      notice.setAttribute("role", "status");
      var main = document.getElementById("contenu");
      if (!main) {
        return;
      }
      main.insertBefore(notice, main.firstChild);
    }
    notice.textContent = message;
    notice.hidden = !message;
  }

  function report(answer) {
    var lines = (answer.refused || []).filter(function (line, i, all) {
      return all.indexOf(line) === i;
    });
    if (answer.sent) {
      lines.push(text("sent", { count: answer.sent }));
    }
    if (answer.pending) {
      lines.push(text("pending", { count: answer.pending }));
    }
    say(lines.join(" "));
  }

  function shell() {
    var urls = [];
    var css = document.querySelector("link[rel=stylesheet]");
    var icon = document.querySelector("link[rel=apple-touch-icon]");
    var script = document.querySelector("script[src*='offline']");
    [css, icon].forEach(function (link) {
      if (link) {
        urls.push(link.getAttribute("href"));
      }
    });
    if (script) {
      urls.push(script.getAttribute("src"));
    }
    return urls;
  }

  function hello() {
    if (document.querySelector("[data-offline-list]")) {
      // The « Hors ligne » page is the same for everybody: it does not say who is signed in.
      return ask({ type: "status" });
    }
    return ask({
      type: "hello",
      user: user,
      controlled: !!navigator.serviceWorker.controller,
      token: token(),
      online: navigator.onLine,
      shell: shell(),
    }).then(function (answer) {
      var form = document.querySelector("form[data-offline-signout-form]");
      if (answer.signout && form && navigator.onLine) {
        form.submit(); // signed out here offline: the server hears it now
      }
      report(answer);
    });
  }

  function showDownloaded(box, record) {
    var line = box.querySelector("[data-offline-date]");
    if (!line) {
      line = document.createElement("p");
      line.className = "status status--done";
      line.setAttribute("data-offline-date", "");
      box.appendChild(line);
    }
    line.textContent = text("available", { date: day(record.date) });
  }

  function packButton(box, records) {
    var id = box.getAttribute("data-offline-pack");
    var button = box.querySelector("button");
    var bar = box.querySelector("progress");
    var state = box.querySelector("[data-offline-state]");
    var record = records.filter(function (r) {
      return String(r.id) === id;
    })[0];
    var size = "";
    box.hidden = false;
    if (record) {
      showDownloaded(box, record);
    }
    if (!navigator.onLine) {
      button.disabled = true;
      return;
    }
    fetch(box.getAttribute("data-offline-manifest"), { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(new Error(response.status));
      })
      .then(function (pack) {
        size = pack.size_label;
        button.textContent = text(record ? "update" : "download", { size: size });
      })
      .catch(function () {});
    button.addEventListener("click", function () {
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      state.textContent = text("downloading", { done: 0, total: "…" });
      ask({ type: "download", manifest: box.getAttribute("data-offline-manifest") }, function (p) {
        bar.max = p.total;
        bar.value = p.done;
        state.textContent = text("downloading", { done: p.done, total: p.total });
      })
        .then(function (answer) {
          state.textContent = text("done", { fetched: answer.fetched, total: answer.total });
          showDownloaded(box, answer);
          button.textContent = text("update", { size: size });
        })
        .catch(function () {
          state.textContent = text("failed");
        })
        .then(function () {
          bar.hidden = true;
          button.disabled = false;
        });
    });
  }

  function listDownloaded(list, records) {
    var empty = document.querySelector("[data-offline-empty]");
    records.forEach(function (record) {
      var item = document.createElement("li");
      var title = document.createElement("h2");
      var link = document.createElement("a");
      link.href = record.course.url;
      link.textContent = record.course.title;
      title.appendChild(link);
      item.appendChild(title);
      var date = document.createElement("p");
      date.className = "muted";
      date.textContent = text("available", { date: day(record.date) });
      item.appendChild(date);
      var pages = document.createElement("ul");
      record.pages.forEach(function (page) {
        if (page.url === record.course.url) {
          return;
        }
        var line = document.createElement("li");
        var to = document.createElement("a");
        to.href = page.url;
        to.textContent = page.title;
        line.appendChild(to);
        pages.appendChild(line);
      });
      item.appendChild(pages);
      list.appendChild(item);
    });
    if (empty && records.length) {
      empty.hidden = true;
    }
  }

  function queueCompletion(form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine || !user || !window.crypto || !crypto.randomUUID) {
        return; // online: the form is sent as always
      }
      event.preventDefault();
      var item = {
        client_id: crypto.randomUUID(),
        user: user,
        url: form.getAttribute("data-offline-sync"),
        token: token(),
        done_at: new Date().toISOString(),
      };
      ask({ type: "queue", item: item })
        .then(function (answer) {
          var done = document.createElement("p");
          done.setAttribute("role", "status");
          done.textContent = text("queued");
          form.replaceWith(done);
          report({ pending: answer.pending });
        })
        .catch(function () {
          say(text("failed"));
        });
    });
  }

  // --- Quizzes (issue 19 point 4) -------------------------------------------------------------
  // An attempt's page or summary (form[data-offline-attempt]) lists the attempt's pages
  // (data-offline-urls). Online, they go into the person's cache: all of them the first time,
  // then the page shown and the one just left (its answers were saved), so that the copy
  // offline shows what the server holds. Offline, a save or the submit is queued with the
  // press time on the server's clock (the offset read from the Date header when caching),
  // and the page says what waits. Texts: #offline-quiz-strings.
  var quizText = {};

  function serverTime() {
    var offset = parseInt(localStorage.getItem("kalan-clock"), 10) || 0;
    return new Date(Date.now() + offset).toISOString();
  }

  function quizCache(form) {
    var previous = document.referrer ? new URL(document.referrer).pathname : "";
    return caches.open("kalan-user-" + user).then(function (cache) {
      return Promise.all(
        form
          .getAttribute("data-offline-urls")
          .split(" ")
          .map(function (url) {
            return cache.match(url).then(function (hit) {
              if (hit && url !== location.pathname && url !== previous) {
                return null;
              }
              return fetch(url, { credentials: "same-origin" }).then(function (response) {
                var date = Date.parse(response.headers.get("Date"));
                if (!isNaN(date)) {
                  localStorage.setItem("kalan-clock", String(date - Date.now()));
                }
                // Only this person's pages: the session may have changed since this page was
                // drawn (an old tab), and the server names whose page it is.
                return response.ok &&
                  !response.redirected &&
                  response.headers.get("Kalan-Offline-User") === user
                  ? cache.put(url, response)
                  : null;
              });
            });
          })
      );
    });
  }

  function quizFill(form, fields) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!/^q\d/.test(field.name)) {
        return;
      }
      var values = fields
        .filter(function (pair) {
          return pair[0] === field.name;
        })
        .map(function (pair) {
          return pair[1];
        });
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = values.indexOf(field.value) >= 0;
      } else {
        field.value = values[0] || "";
      }
    });
  }

  function quizStatus(form) {
    var box = document.querySelector("[data-offline-quiz-status]");
    return ask({ type: "quiz", attempt: form.getAttribute("data-offline-attempt") }).then(
      function (answer) {
        var saves = answer.items.filter(function (item) {
          return item.extra.fields;
        });
        var lines = [];
        if (saves.length) {
          lines.push(
            quizText[saves.length === 1 ? "pending_one" : "pending_other"].replace(
              "{count}",
              saves.length
            )
          );
        }
        if (saves.length < answer.items.length) {
          lines.push(quizText.submitted);
        }
        box.textContent = lines.join(" ");
        box.hidden = !lines.length;
        var here = saves.filter(function (item) {
          return item.url === form.getAttribute("data-offline-save");
        });
        if (here.length) {
          quizFill(form, here[here.length - 1].extra.fields);
        }
      }
    );
  }

  function quizQueue(form) {
    var save = form.getAttribute("data-offline-save");
    form.addEventListener("submit", function (event) {
      if (navigator.onLine || !user || !window.crypto || !crypto.randomUUID) {
        return; // online: the form is sent as always
      }
      event.preventDefault();
      var nav = (event.submitter && event.submitter.value) || "next";
      var fields = [];
      new FormData(form).forEach(function (value, name) {
        if (/^q\d/.test(name)) {
          fields.push([name, value]);
        }
      });
      ask({
        type: "queue",
        item: {
          client_id: crypto.randomUUID(),
          user: user,
          url: save || form.getAttribute("data-offline-submit"),
          token: token(),
          done_at: serverTime(),
          attempt: form.getAttribute("data-offline-attempt"),
          extra: save ? { fields: fields } : {},
        },
      })
        .then(function () {
          var next = save && form.getAttribute("data-offline-" + nav);
          if (next) {
            location.href = next;
          } else {
            form.hidden = true;
            return quizStatus(form);
          }
        })
        .catch(function () {
          say(text("failed"));
        });
    });
  }

  function quizzes() {
    var source = document.getElementById("offline-quiz-strings");
    var form = document.querySelector("form[data-offline-attempt]");
    if (!form || !source || !user) {
      return;
    }
    quizText = JSON.parse(source.textContent);
    quizQueue(form);
    quizStatus(form).catch(function () {});
    if (navigator.onLine) {
      quizCache(form).catch(function () {});
    }
  }


  // Signing out (issue 19, point 5: shared phones). The worker sends what waits, then
  // deletes this person's pages, downloads and queues from the device. What could not be
  // sent stays, and the dialog asks: « Envoyer d'abord » (again, once the connection is back)
  // or « Abandonner et me déconnecter ». A worker that does not answer within 15 s leaves
  // the form to go as without JavaScript.
  function signoutForm(form) {
    var dialog = document.querySelector("dialog[data-offline-signout]");
    if (!dialog || !dialog.showModal) {
      return;
    }
    var count = dialog.querySelector("[data-offline-signout-count]");
    var state = dialog.querySelector("[data-offline-signout-state]");
    var buttons = document.querySelectorAll("[data-offline-signout-form] button, dialog button");
    function busy(on) {
      Array.prototype.forEach.call(buttons, function (button) {
        button.disabled = on;
      });
    }
    function leave(discard) {
      state.textContent = "";
      busy(true);
      ask({ type: "signout", user: user, token: token(), discard: discard }, null, 15000)
        .then(function (answer) {
          if (!answer.pending) {
            return form.submit();
          }
          busy(false);
          count.textContent = text("pending", { count: answer.pending });
          if (dialog.open) {
            state.textContent = text(navigator.onLine ? "failed" : "offline");
          } else {
            dialog.showModal();
          }
        })
        .catch(function () {
          form.submit();
        });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      leave(false);
    });
    dialog.querySelector("[data-offline-send]").addEventListener("click", function () {
      leave(false);
    });
    dialog.querySelector("[data-offline-discard]").addEventListener("click", function () {
      leave(true);
    });
    dialog.querySelector("[data-offline-cancel]").addEventListener("click", function () {
      dialog.close();
    });
  }

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  Array.prototype.forEach.call(document.querySelectorAll("form[data-offline-signout-form]"), signoutForm);
  quizzes();
  Array.prototype.forEach.call(document.querySelectorAll("form[data-offline-sync]"), queueCompletion);
  hello()
    .catch(function () {})
    .then(function () {
      return ask({ type: "status" });
    })
    .then(function (answer) {
      var records = answer.courses;
      Array.prototype.forEach.call(document.querySelectorAll("[data-offline-pack]"), function (box) {
        packButton(box, records);
      });
      Array.prototype.forEach.call(document.querySelectorAll("[data-offline-course]"), function (card) {
        var record = records.filter(function (r) {
          return String(r.id) === card.getAttribute("data-offline-course");
        })[0];
        if (record) {
          showDownloaded(card, record);
        }
      });
      var list = document.querySelector("[data-offline-list]");
      if (list) {
        listDownloaded(list, records);
      }
      body.setAttribute("data-offline-ready", "");
    })
    .catch(function () {});
  window.addEventListener("online", function () {
    hello().catch(function () {});
  });
})();
