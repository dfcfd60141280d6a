// Loaded with `node -r` before the AutoRest test server: a listen() call that names a port but
// no host (express's app.listen(port) does this) binds the loopback address instead of every
// interface.  TESTSERVER_HOST may name another loopback address.
"use strict";
const net = require("net");

const host = process.env.TESTSERVER_HOST || "127.0.0.1";
const listen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === "number" || (typeof value === "string" && /^[0-9]+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (isPort(args[0]) && typeof args[1] !== "string") {
    args.splice(1, 0, host);
  } else if (args[0] !== null && typeof args[0] === "object" && "port" in args[0] && !args[0].host) {
    args[0] = { ...args[0], host };
  }
  return listen.apply(this, args);
};
