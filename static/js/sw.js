// Kalan's service worker (issue 19), served at /sw.js by lms.views.service_worker so that it
// covers the whole site. Written by hand, no framework, no build step.
//
// - Every request goes to the network first; only when the network fails does it answer from
//   the caches, so a page online is always the server's.
// - Downloaded courses live in one cache per person, "kalan-user-<key>", the key being an
//   opaque id the server gives (courses.selectors.offline_user_key). Offline, a page is looked
//   for in the cache of the person signed in last on this device and in the shared shell
//   (the « Hors ligne » page, the stylesheet, the scripts, the icon), never in another
//   person's cache. A page that is not there gets the « Hors ligne » page.
// - Lesson completions pressed offline wait in IndexedDB ("queue", by client id) and are sent
//   by flush(): on Background Sync where the browser has it, else when a page says hello
//   (each page load) or the connection returns. The server accepts each client id once.
"use strict";

var SHELL = "kalan-shell-v1";
var OFFLINE_URL = "/hors-ligne/";
var SYNC_TAG = "kalan-queue";
var REFRESH_MS = 10 * 60 * 1000; // a downloaded course is checked again at most this often
var PARALLEL = 4; // downloads at once: enough to hide a 400 ms round trip

function userCache(user) {
  return "kalan-user-" + user;
}

// IndexedDB: "meta" (the person signed in last), "courses" (one record per person and
// course: versions of the entries, date of the download), "queue" (actions waiting to be sent).
var dbPromise = null;
function db() {
  if (!dbPromise) {
    dbPromise = new Promise(function (resolve, reject) {
      var request = indexedDB.open("kalan-offline", 1);
      request.onupgradeneeded = function () {
        var base = request.result;
        base.createObjectStore("meta");
        base.createObjectStore("courses", { keyPath: "key" });
        base.createObjectStore("queue", { keyPath: "client_id" });
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

var currentUser = null;
function getUser() {
  if (currentUser !== null) {
    return Promise.resolve(currentUser);
  }
  return store("meta", "readonly", function (s) {
    return s.get("user");
  }).then(function (user) {
    currentUser = user || "";
    return currentUser;
  });
}

function setUser(user) {
  currentUser = user || "";
  return store("meta", "readwrite", function (s) {
    return s.put(currentUser, "user");
  });
}

function records(user) {
  return store("courses", "readonly", function (s) {
    return s.getAll();
  }).then(function (all) {
    return all.filter(function (record) {
      return record.user === user;
    });
  });
}

// In the order the buttons were pressed: a quiz's saves before its submit.
function queued(user) {
  return store("queue", "readonly", function (s) {
    return s.getAll();
  }).then(function (all) {
    return all
      .filter(function (item) {
        return item.user === user;
      })
      .sort(function (a, b) {
        return a.done_at < b.done_at ? -1 : a.done_at > b.done_at ? 1 : 0;
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
      fetch(request).catch(function () {
        var hit = request.method === "GET" ? fromCache(url) : Promise.resolve(undefined);
        return hit.then(function (response) {
          return response || offlinePage().then((page) => page || Response.error());
        });
      })
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
      return records(user).then(function (mine) {
        var key = user + ":" + pack.course.id;
        var versions = {};
        pack.entries.forEach(function (entry) {
          versions[entry.url] = entry.version;
        });
        // What left the course (a page unpublished) leaves the device, unless another
        // downloaded course uses it (the stylesheet).
        var kept = {};
        mine.forEach(function (record) {
          if (record.key !== key) {
            Object.keys(record.versions).forEach(function (url) {
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
// good); it stays on a network failure, a 401/403 (signed out, or a stale CSRF token) and a
// 5xx, and the items after it wait with it, so that they arrive in order. Refusals are kept
// (refusedKeep) until a page shows them, even when Background Sync sent them.
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
        var offline = false;
        function next() {
          var item = items.shift();
          if (!item || offline) {
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
                if (response.status === 401 || response.status === 403 || response.status >= 500) {
                  offline = true;
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
                offline = true;
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
    ? store("meta", "readwrite", function (s) {
        var request = s.get("refused:" + user);
        request.onsuccess = function () {
          s.put((request.result || []).concat(refused), "refused:" + user);
        };
      })
    : Promise.resolve();
}

function refusedTake(user) {
  var kept;
  return store("meta", "readwrite", function (s) {
    var request = s.get("refused:" + user);
    request.onsuccess = function () {
      kept = request.result || [];
      s.delete("refused:" + user);
    };
  }).then(function () {
    return kept;
  });
}

function quizQueued(user, attempt) {
  return queued(user).then(function (items) {
    return {
      items: items.filter(function (item) {
        return item.attempt === attempt;
      }),
    };
  });
}

function pendingCount(user) {
  return user
    ? queued(user).then(function (items) {
        return items.length;
      })
    : Promise.resolve(0);
}

// A page of the site says who is signed in (or nobody), and gives the shell's files.
function hello(message) {
  var user = message.user || "";
  var result = { sent: 0, refused: [] };
  var work = setUser(user).then(function () {
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
  if (user && message.online) {
    work = work
      .then(function () {
        return flush(message.token);
      })
      .then(function (flushed) {
        result = flushed;
        return records(user);
      })
      .then(function (mine) {
        // Published changes reach the device at the next connection: only what changed.
        var due = mine.filter(function (record) {
          return Date.now() - record.checked > REFRESH_MS;
        });
        return Promise.all(
          due.map(function (record) {
            return download(user, record.manifest, function () {}).catch(function () {});
          })
        );
      });
  }
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
  return Promise.all([records(user || "-"), pendingCount(user)]).then(function (both) {
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
