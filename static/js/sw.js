// Kalan's service worker (issue 19), served at /sw.js by lms.views.service_worker so that it
// covers the whole site. Written by hand, no framework, no build step.
//
// - Every request goes to the network first; only when the network fails does it answer from
//   the caches, so a page online is always the server's.
// - Downloaded courses live in one cache per person, "kalan-user-<key>", the key being an
//   opaque id the server gives (courses.selectors.offline_user_key). Offline, a page is looked
//   for in the cache of the person signed in and in the shared shell (the « Hors ligne » page,
//   the stylesheet, the scripts, the icon), never in another person's cache. A page that is
//   not there gets the « Hors ligne » page.
// - Who is signed in is what the server said last (see "Per person" below).
// - Lesson completions and quiz saves and submits pressed offline wait in IndexedDB ("queue",
//   by client id) and are sent by flush(), oldest first: on Background Sync where the browser has it, else when a page says hello
//   (each page load) or the connection returns. The server accepts each client id once.
"use strict";

var SHELL = "kalan-shell-v1";
var OFFLINE_URL = "/hors-ligne/";
var SYNC_TAG = "kalan-queue";
var REFRESH_MS = 10 * 60 * 1000; // a downloaded course is checked again at most this often
var PARALLEL = 4; // downloads at once: enough to hide a 400 ms round trip

// IndexedDB: "meta" (who is signed in), "courses" (one record per person and course: versions
// of the entries, date of the download), "queue" (actions waiting to be sent), "refused" (the
// server's refusals of queued quiz answers, until a page of their person shows them).
var dbPromise = null;
function db() {
  if (!dbPromise) {
    dbPromise = new Promise(function (resolve, reject) {
      var request = indexedDB.open("kalan-offline", 2);
      request.onupgradeneeded = function () {
        var base = request.result;
        var made = base.objectStoreNames;
        if (!made.contains("meta")) {
          base.createObjectStore("meta");
          base.createObjectStore("courses", { keyPath: "key" });
          base.createObjectStore("queue", { keyPath: "client_id" });
        }
        if (!made.contains("refused")) {
          base.createObjectStore("refused", { autoIncrement: true });
        }
      };
      request.onsuccess = function () {
        resolve(request.result);
      };
      request.onerror = function () {
        dbPromise = null;
        reject(request.error);
      };
    });
  }
  return dbPromise;
}

function store(name, mode, action) {
  return db().then(function (base) {
    return new Promise(function (resolve, reject) {
      var transaction = base.transaction(name, mode);
      var request = action(transaction.objectStore(name));
      transaction.oncomplete = function () {
        resolve(request ? request.result : undefined);
      };
      transaction.onerror = transaction.onabort = function () {
        reject(transaction.error);
      };
    });
  });
}

// Per person (issue 19, point 5: one phone, several officers). Whatever a person leaves on
// the device is keyed by the opaque id the server gives, never the username: the cache
// userCache(user), and a `user` field on the records of every IndexedDB store in USER_STORES,
// read with mine(). QUEUES are the stores of actions waiting to be sent, sendAll() the
// function that sends them (each sender sends only the signed-in person's items). A new queue
// joins both lists and sendAll(); signing out and the sign-in of someone else then treat it
// like the others. Quiz saves and submits share "queue" with lessons: one queue, sent in the
// order the buttons were pressed. "refused" is personal but not a queue.
var USER_STORES = ["courses", "queue", "refused"];
var QUEUES = ["queue"];

function userCache(user) {
  return "kalan-user-" + user;
}

function mine(name, user) {
  return store(name, "readonly", function (s) {
    return s.getAll();
  }).then(function (all) {
    return all.filter(function (record) {
      return record.user === user;
    });
  });
}

// In the order the buttons were pressed: a quiz's saves before its submit.
function queued(user) {
  return mine("queue", user).then(function (items) {
    return items.sort(function (a, b) {
      return a.done_at < b.done_at ? -1 : a.done_at > b.done_at ? 1 : 0;
    });
  });
}

// Deletes the person caches and the records of `stores` whose person's key `test` picks.
function forget(stores, test) {
  var prefix = userCache("");
  return caches.keys().then(function (names) {
    var cleared = names
      .filter(function (name) {
        return name.indexOf(prefix) === 0 && test(name.slice(prefix.length));
      })
      .map(function (name) {
        return caches.delete(name);
      });
    return Promise.all(
      cleared.concat(
        stores.map(function (name) {
          return store(name, "readwrite", function (s) {
            s.openCursor().onsuccess = function (event) {
              var cursor = event.target.result;
              if (cursor) {
                if (test(cursor.value.user)) {
                  cursor.delete();
                }
                cursor.continue();
              }
            };
          });
        })
      )
    );
  });
}

function notQueues(name) {
  return QUEUES.indexOf(name) < 0;
}

function pendingCount(user) {
  return Promise.all(
    QUEUES.map(function (name) {
      return user ? mine(name, user) : [];
    })
  ).then(function (lists) {
    return [].concat.apply([], lists).length;
  });
}

function sendAll(token) {
  return flush(token);
}

// Who is signed in: {user, out}, in "meta". `user` is the person the server named last, in
// the header Kalan-Offline-User of a page relayed by this worker (the cookie's truth at that
// moment), or in the hello of a page that did not come through it; "" is nobody. `out` is a
// person who signed out here while the server could not hear it (offline): their session
// still lives in the browser, so nothing of theirs is served, and their next page online
// is told to sign out again.
var state = null;
function whoami() {
  return state
    ? Promise.resolve(state)
    : store("meta", "readonly", function (s) {
        return s.get("state");
      }).then(function (saved) {
        state = state || saved || { user: "", out: "" };
        return state;
      });
}

function remember(next) {
  state = next;
  return store("meta", "readwrite", function (s) {
    return s.put(next, "state");
  });
}

function getUser() {
  return whoami().then(function (now) {
    return now.user;
  });
}

// The server names `user`. Someone else signing in deletes the other people's pages and
// downloads; their queues stay for them (sent only under their own session).
function becomes(user) {
  return whoami().then(function (now) {
    if ((user && user === now.out) || (user === now.user && !now.out)) {
      return now;
    }
    return remember({ user: user, out: "" })
      .then(function () {
        return user
          ? forget(USER_STORES.filter(notQueues), function (key) {
              return key !== user;
            })
          : null;
      })
      .then(function () {
        return state;
      });
  });
}

// Signing out: what waits is sent first (unless the person discards it); if something could
// not be sent, nothing is deleted and the page asks. Else the person's pages, downloads and
// queues leave the device, and nothing is served offline until the server names someone.
function signout(message) {
  var user = message.user;
  return whoami().then(function (now) {
    if (!user) {
      return {};
    }
    // A page of someone who is no longer the one signed in (an old tab): their pages and
    // downloads go, their queue stays for them, and the device's state is left alone.
    var current = user === now.user;
    var sending = current && !message.discard ? sendAll(message.token) : Promise.resolve();
    return sending
      .then(function () {
        return current && !message.discard ? pendingCount(user) : 0;
      })
      .then(function (pending) {
        if (pending) {
          return { pending: pending };
        }
        return forget(current ? USER_STORES : USER_STORES.filter(notQueues), function (key) {
          return key === user;
        })
          .then(function () {
            return current ? remember({ user: "", out: user }) : null;
          })
          .then(function () {
            return {};
          });
      });
  });
}

self.addEventListener("install", function (event) {
  // The « Hors ligne » page is the same for everybody: fetched without cookies.
  event.waitUntil(
    caches
      .open(SHELL)
      .then(function (cache) {
        return cache.add(new Request(OFFLINE_URL, { credentials: "omit" }));
      })
      .then(function () {
        return self.skipWaiting();
      })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf("kalan-shell-") === 0 && name !== SHELL;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

// Another size of the same image (the pages offer several), when the one asked is not there.
var RENDITION = /\.(width|height|fill|max|min|format|original)-.*$/;

function fromCache(url) {
  var key = url.pathname + url.search;
  return getUser().then(function (user) {
    var names = user ? [userCache(user), SHELL] : [SHELL];
    return names.reduce(function (found, name) {
      return found.then(function (response) {
        return (
          response ||
          caches.has(name).then(function (exists) {
            return exists
              ? caches.open(name).then(function (cache) {
                  return cache.match(key).then(function (hit) {
                    if (hit || !user || name === SHELL || !RENDITION.test(url.pathname)) {
                      return hit;
                    }
                    var stem = url.pathname.replace(RENDITION, ".");
                    return cache.keys().then(function (requests) {
                      var other = requests.find(function (request) {
                        return new URL(request.url).pathname.indexOf(stem) === 0;
                      });
                      return other ? cache.match(other) : undefined;
                    });
                  });
                })
              : undefined;
          })
        );
      });
    }, Promise.resolve(undefined));
  });
}

function offlinePage() {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(OFFLINE_URL);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || /^\/(django-)?admin\//.test(url.pathname)) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(
        function (response) {
          // The server names whose session this page belongs to: noted before it is shown.
          var who = response.headers.get("Kalan-Offline-User");
          var shown = function () {
            return response;
          };
          return who === null ? response : becomes(who).then(shown, shown);
        },
        function () {
          var hit = request.method === "GET" ? fromCache(url) : Promise.resolve(undefined);
          return hit.then(function (response) {
            return response || offlinePage().then((page) => page || Response.error());
          });
        }
      )
    );
  } else if (request.method === "GET") {
    event.respondWith(
      fetch(request).catch(function () {
        return fromCache(url).then(function (response) {
          return response || Response.error();
        });
      })
    );
  }
});

function fetchOk(url) {
  return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    // A redirection is the sign-in page: the session ended, nothing to keep.
    if (!response.ok || response.redirected) {
      throw new Error(url + " " + response.status);
    }
    return response;
  });
}

// Downloads a course's pack for `user`, fetching only the entries whose version changed.
function download(user, manifestUrl, progress) {
  var pack, cache, old;
  return fetchOk(manifestUrl)
    .then(function (response) {
      return response.json();
    })
    .then(function (data) {
      pack = data;
      if (!user || pack.user !== user) {
        throw new Error("user");
      }
      return Promise.all([
        caches.open(userCache(user)),
        store("courses", "readonly", function (s) {
          return s.get(user + ":" + pack.course.id);
        }),
      ]);
    })
    .then(function (opened) {
      cache = opened[0];
      old = (opened[1] && opened[1].versions) || {};
      var entries = pack.entries.slice();
      var total = entries.length;
      var done = 0;
      var fetched = 0;
      function next() {
        var entry = entries.shift();
        if (!entry) {
          return Promise.resolve();
        }
        return cache
          .match(entry.url)
          .then(function (hit) {
            if (hit && old[entry.url] === entry.version) {
              return null;
            }
            fetched += 1;
            return fetchOk(entry.url).then(function (response) {
              return cache.put(entry.url, response);
            });
          })
          .then(function () {
            done += 1;
            progress({ progress: true, done: done, total: total });
            return next();
          });
      }
      var workers = [];
      for (var i = 0; i < PARALLEL; i += 1) {
        workers.push(next());
      }
      return Promise.all(workers).then(function () {
        return fetched;
      });
    })
    .then(function (fetched) {
      return mine("courses", user).then(function (records) {
        var key = user + ":" + pack.course.id;
        var versions = {};
        pack.entries.forEach(function (entry) {
          versions[entry.url] = entry.version;
        });
        // What left the course (a page unpublished) leaves the device, unless another
        // downloaded course uses it (the stylesheet).
        var kept = {};
        records.forEach(function (other) {
          if (other.key !== key) {
            Object.keys(other.versions).forEach(function (url) {
              kept[url] = true;
            });
          }
        });
        var gone = Object.keys(old).filter(function (url) {
          return !(url in versions) && !kept[url];
        });
        var record = {
          key: key,
          user: user,
          course: pack.course,
          manifest: manifestUrl,
          versions: versions,
          size: pack.size,
          date: new Date().toISOString(),
          checked: Date.now(),
          pages: pack.entries
            .filter(function (entry) {
              return entry.kind !== "static" && entry.kind !== "image";
            })
            .map(function (entry) {
              return { url: entry.url, title: entry.title, kind: entry.kind };
            }),
        };
        return Promise.all(
          gone.map(function (url) {
            return cache.delete(url);
          })
        )
          .then(function () {
            return store("courses", "readwrite", function (s) {
              return s.put(record);
            });
          })
          .then(function () {
            return {
              fetched: fetched,
              total: pack.entries.length,
              date: record.date,
              size: pack.size,
            };
          });
      });
    });
}

// Sends what waits in the queue for the person signed in, one item at a time, oldest first. An
// item leaves the queue once the server has answered it (accepted, a replay, or refused for
// good); it stays on a network failure, a 401/403 (signed out, or a stale CSRF token), a 5xx,
// and a 409 (the browser's session is someone else's: it waits for its author's), and the
// items after it wait with it, so that they arrive in order. Refusals are kept (refusedKeep)
// until a page of their person shows them, even when Background Sync sent them.
var flushing = null;
function flush(token) {
  if (!flushing) {
    flushing = getUser()
      .then(function (user) {
        return user ? queued(user) : [];
      })
      .then(function (items) {
        var user = items.length ? items[0].user : "";
        var sent = 0;
        var refused = [];
        var stop = false;
        function next() {
          var item = items.shift();
          if (!item || stop) {
            return Promise.resolve();
          }
          return fetch(item.url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": token || item.token },
            body: JSON.stringify(
              Object.assign(
                { client_id: item.client_id, user: item.user, done_at: item.done_at },
                item.extra
              )
            ),
          })
            .then(
              function (response) {
                if (
                  response.status === 401 ||
                  response.status === 403 ||
                  response.status === 409 ||
                  response.status >= 500
                ) {
                  stop = true;
                  return null;
                }
                return response
                  .json()
                  .catch(function () {
                    return {};
                  })
                  .then(function (answer) {
                    if (answer.error) {
                      refused.push(answer.error);
                    } else {
                      sent += 1;
                    }
                    return store("queue", "readwrite", function (s) {
                      return s.delete(item.client_id);
                    });
                  });
              },
              function () {
                stop = true;
              }
            )
            .then(next);
        }
        return next()
          .then(function () {
            return refusedKeep(user, refused);
          })
          .then(function () {
            return { sent: sent };
          });
      })
      .finally(function () {
        flushing = null;
      });
  }
  return flushing;
}

// --- Quizzes (issue 19 point 4) ---------------------------------------------------------------
// The server's refusals of queued answers (« arrivées trop tard… »), kept per person until a
// page shows them; and the answers still waiting for one attempt (the page shows their count
// and puts them back in its fields).
function refusedKeep(user, refused) {
  return refused.length
    ? store("refused", "readwrite", function (s) {
        refused.forEach(function (message) {
          s.add({ user: user, message: message });
        });
      })
    : Promise.resolve();
}

function refusedTake(user) {
  var kept = [];
  return store("refused", "readwrite", function (s) {
    s.openCursor().onsuccess = function (event) {
      var cursor = event.target.result;
      if (cursor) {
        if (cursor.value.user === user) {
          kept.push(cursor.value.message);
          cursor.delete();
        }
        cursor.continue();
      }
    };
  }).then(function () {
    return kept;
  });
}

function quizQueued(user, attempt) {
  return (user ? queued(user) : Promise.resolve([])).then(function (items) {
    return {
      items: items.filter(function (item) {
        return item.attempt === attempt;
      }),
    };
  });
}

// A page of the site says who is signed in (or nobody), and gives the shell's files. A page
// that came through this worker was already named by its header: its hello names nobody new
// (an old tab of someone who signed out must not take the device back). A page of another
// person than the one signed in gets nothing; one of a person who signed out offline is told
// to sign out again.
function hello(message) {
  var user = message.user || "";
  var result = { sent: 0, refused: [] };
  var work = (message.controlled ? whoami() : becomes(user)).then(function (now) {
    if (user !== now.user) {
      result.signout = !!user && user === now.out;
      user = "";
    }
    return caches.open(SHELL).then(function (cache) {
      return Promise.all(
        (message.shell || []).map(function (url) {
          return cache.match(url).then(function (hit) {
            return hit || cache.add(new Request(url, { credentials: "omit" })).catch(function () {});
          });
        })
      );
    });
  });
  work = work.then(function () {
    if (!user || !message.online) {
      return null;
    }
    return Promise.resolve()
      .then(function () {
        return flush(message.token);
      })
      .then(function (flushed) {
        result = flushed;
        return mine("courses", user);
      })
      .then(function (records) {
        // Published changes reach the device at the next connection: only what changed.
        var due = records.filter(function (record) {
          return Date.now() - record.checked > REFRESH_MS;
        });
        return Promise.all(
          due.map(function (record) {
            return download(user, record.manifest, function () {}).catch(function () {});
          })
        );
      });
  });
  return work
    .then(function () {
      return user ? refusedTake(user) : [];
    })
    .then(function (refused) {
      result.refused = refused;
      return pendingCount(user);
    })
    .then(function (pending) {
      result.pending = pending;
      return result;
    });
}

function status(user) {
  return Promise.all([mine("courses", user), pendingCount(user)]).then(function (both) {
    return {
      courses: both[0].map(function (record) {
        return { id: record.course.id, course: record.course, date: record.date, pages: record.pages };
      }),
      pending: both[1],
    };
  });
}

function enqueue(item) {
  return store("queue", "readwrite", function (s) {
    return s.put(item);
  })
    .then(function () {
      return self.registration.sync ? self.registration.sync.register(SYNC_TAG) : null;
    })
    .catch(function (error) {
      if (error && error.name === "QuotaExceededError") {
        throw error;
      }
    })
    .then(function () {
      return pendingCount(item.user).then(function (pending) {
        return { pending: pending };
      });
    });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  var port = event.ports && event.ports[0];
  function reply(answer) {
    if (port) {
      port.postMessage(answer);
    }
  }
  var job = null;
  if (message.type === "hello") {
    job = hello(message);
  } else if (message.type === "status") {
    job = getUser().then(status);
  } else if (message.type === "download") {
    job = getUser().then(function (user) {
      return download(user, message.manifest, reply);
    });
  } else if (message.type === "quiz") {
    job = getUser().then(function (user) {
      return quizQueued(user, message.attempt);
    });
  } else if (message.type === "signout") {
    job = signout(message);
  } else if (message.type === "queue") {
    job = getUser().then(function (user) {
      if (!user || message.item.user !== user) {
        throw new Error("user");
      }
      return enqueue(message.item);
    });
  }
  if (job) {
    event.waitUntil(
      job.then(
        function (answer) {
          answer.ok = true;
          reply(answer);
        },
        function (error) {
          reply({ ok: false, error: String((error && error.message) || error) });
        }
      )
    );
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === SYNC_TAG) {
    event.waitUntil(
      flush(null).then(function () {
        return getUser().then(pendingCount);
      }).then(function (pending) {
        if (pending) {
          throw new Error("pending"); // the browser tries again later
        }
      })
    );
  }
});
