/* 财表审核 · WPS build only: the few built-ins newer than ES2017 that the pane, React, Fluent UI and
   the engine call, for the older Chromium some WPS versions embed. Each is added only where missing.
   webpack.wps.js puts this file in front of every entry script (the pane and the engine's worker).
   Plain ES5, not a module. */
(function (g) {
  "use strict";
  function define(target, name, value) {
    if (!target[name]) Object.defineProperty(target, name, { value: value, configurable: true, writable: true });
  }
  if (typeof globalThis === "undefined") g.globalThis = g;
  define(Array.prototype, "flat", function flat(depth) {
    var d = depth === undefined ? 1 : Number(depth);
    var out = [];
    (function add(list, level) {
      for (var i = 0; i < list.length; i++) {
        if (!(i in list)) continue;
        if (Array.isArray(list[i]) && level > 0) add(list[i], level - 1);
        else out.push(list[i]);
      }
    })(this, d);
    return out;
  });
  define(Array.prototype, "flatMap", function flatMap(fn, thisArg) {
    return Array.prototype.map.call(this, fn, thisArg).flat(1);
  });
  function at(index) {
    var n = Math.trunc(Number(index)) || 0;
    if (n < 0) n += this.length;
    return n < 0 || n >= this.length ? undefined : this[n];
  }
  define(Array.prototype, "at", at);
  define(String.prototype, "at", function (index) {
    return at.call(String(this), index);
  });
  define(String.prototype, "trimStart", function trimStart() {
    return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
  });
  define(String.prototype, "trimEnd", function trimEnd() {
    return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
  });
  define(String.prototype, "replaceAll", function replaceAll(search, replacement) {
    if (search instanceof RegExp) return String(this).replace(search, replacement);
    return String(this).split(String(search)).join(String(replacement));
  });
  define(String.prototype, "matchAll", function matchAll(regexp) {
    var re = new RegExp(regexp, regexp.flags.indexOf("g") < 0 ? regexp.flags + "g" : regexp.flags);
    var text = String(this);
    var done = false;
    var iterator = {
      next: function () {
        if (done) return { value: undefined, done: true };
        var m = re.exec(text);
        if (!m) {
          done = true;
          return { value: undefined, done: true };
        }
        if (m[0] === "") re.lastIndex++;
        return { value: m, done: false };
      },
    };
    iterator[Symbol.iterator] = function () {
      return iterator;
    };
    return iterator;
  });
  define(Object, "fromEntries", function fromEntries(entries) {
    var out = {};
    var it = entries[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) out[step.value[0]] = step.value[1];
    return out;
  });
  define(Promise, "allSettled", function allSettled(promises) {
    return Promise.all(
      Array.prototype.map.call(Array.from(promises), function (p) {
        return Promise.resolve(p).then(
          function (value) {
            return { status: "fulfilled", value: value };
          },
          function (reason) {
            return { status: "rejected", reason: reason };
          },
        );
      }),
    );
  });
  if (typeof g.queueMicrotask !== "function") {
    g.queueMicrotask = function (fn) {
      Promise.resolve().then(fn);
    };
  }
})(typeof self !== "undefined" ? self : this);
