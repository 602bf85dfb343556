// Archway's Node.js bootstrap: loads the handler named by _HANDLER
// ("index.handler": module "index" under LAMBDA_TASK_ROOT, export
// "handler") and serves invocations one at a time. Async handlers,
// promise-returning handlers and callback handlers work as on AWS's
// nodejs runtimes.
//
// It does not call the Runtime API: it reads invocations from file
// descriptor 3 and writes its answers to file descriptor 4 as
// length-prefixed frames (the bootstrap protocol, runtime/frame.go), which
// carry what the Runtime API's headers and bodies carry.
//
// Between two invocations the process waits in a blocking read, after one
// turn of the event loop when something waits in it (a timer, a socket, a
// child process...): pending work is then held until the next invocation,
// as in an execution environment Lambda freezes between invocations (AWS's
// runtime also gives the loop a turn, scheduling its next iteration with
// setImmediate). Under an inspector (--inspect) invocations are read
// asynchronously instead, so that a debugger can attach at any time.
'use strict';
const fs = require('fs');
const path = require('path');

const IN = 3;
const OUT = 4;
const FRAME_INVOKE = 0x49; // 'I'
const FRAME_NEXT = 0x4e; // 'N'
const FRAME_RESPONSE = 0x52; // 'R'
const FRAME_ERROR = 0x45; // 'E'
const FRAME_INIT_ERROR = 0x58; // 'X'
const INVOKE_FIELDS = 7;

function fatal(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
  process.exit(1);
}

// The context's environment values, read once.
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
const functionVersion = process.env.AWS_LAMBDA_FUNCTION_VERSION;
const memoryLimitInMB = process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE;
const logGroupName = process.env.AWS_LAMBDA_LOG_GROUP_NAME;
const logStreamName = process.env.AWS_LAMBDA_LOG_STREAM_NAME;

// process.env._X_AMZN_TRACE_ID holds each invocation's trace id. Setting
// it in the real environment would leak: glibc's setenv keeps every value
// it was ever given, a new one per invocation. process.env becomes a view
// of the real environment that keeps this one variable in JavaScript; child
// processes still inherit it.
const TRACE = '_X_AMZN_TRACE_ID';
let traceId = process.env[TRACE];
const realEnv = process.env;
process.env = new Proxy(realEnv, {
  get: (env, k) => (k === TRACE ? traceId : Reflect.get(env, k)),
  set: (env, k, v) => {
    if (k !== TRACE) return Reflect.set(env, k, v);
    traceId = String(v);
    return true;
  },
  has: (env, k) => (k === TRACE ? traceId !== undefined : Reflect.has(env, k)),
  deleteProperty: (env, k) => {
    if (k !== TRACE) return Reflect.deleteProperty(env, k);
    traceId = undefined;
    return true;
  },
  ownKeys: (env) => {
    const keys = Reflect.ownKeys(env).filter((k) => k !== TRACE);
    if (traceId !== undefined) keys.push(TRACE);
    return keys;
  },
  getOwnPropertyDescriptor: (env, k) => {
    if (k !== TRACE) return Reflect.getOwnPropertyDescriptor(env, k);
    return traceId === undefined ? undefined : { value: traceId, writable: true, enumerable: true, configurable: true };
  },
  defineProperty: (env, k, d) => {
    if (k !== TRACE) return Reflect.defineProperty(env, k, d);
    traceId = String(d.value);
    return true;
  },
});
if (traceId !== undefined) delete realEnv[TRACE];

// Incoming bytes not yet decoded: rbuf[0:rlen].
const RBUF = 64 * 1024;
let rbuf = Buffer.allocUnsafeSlow(RBUF);
let rlen = 0;

// reserve makes rbuf hold at least n bytes, keeping its contents.
function reserve(n) {
  if (n <= rbuf.length) return;
  const grown = Buffer.allocUnsafeSlow(n);
  rbuf.copy(grown, 0, 0, rlen);
  rbuf = grown;
}

// takeInvocation decodes and removes the first frame of rbuf, an
// invocation's fields; undefined when the frame is not complete yet.
function takeInvocation() {
  if (rlen < 4) return undefined;
  const end = 4 + rbuf.readUInt32LE(0);
  if (rlen < end) {
    reserve(end);
    return undefined;
  }
  if (rbuf[4] !== FRAME_INVOKE) fatal(`unexpected frame type ${rbuf[4]}`);
  const f = [];
  let off = 5;
  while (off + 4 <= end && f.length < INVOKE_FIELDS) {
    const n = rbuf.readUInt32LE(off);
    if (off + 4 + n > end) break;
    f.push(rbuf.toString('utf8', off + 4, off + 4 + n));
    off += 4 + n;
  }
  if (f.length !== INVOKE_FIELDS || off !== end) fatal('malformed invoke frame');
  rbuf.copy(rbuf, 0, end, rlen);
  rlen -= end;
  if (rlen === 0 && rbuf.length > RBUF) rbuf = Buffer.allocUnsafeSlow(RBUF);
  return f;
}

// readInvocation blocks until an invocation arrives.
function readInvocation() {
  for (;;) {
    const f = takeInvocation();
    if (f) return f;
    const n = fs.readSync(IN, rbuf, rlen, rbuf.length - rlen, null);
    if (n === 0) process.exit(0); // Archway closed the channel
    rlen += n;
  }
}

// Outgoing frames are built in wbuf (or a larger buffer of their own) and
// written synchronously: Archway reads them at once.
const WBUF = 64 * 1024;
const wbuf = Buffer.allocUnsafeSlow(WBUF);

// send writes a frame of the given type: the string fields, then body
// when it is not undefined.
function send(type, fields, body) {
  let max = 9 + (body === undefined ? 0 : 3 * body.length);
  for (const s of fields) max += 4 + 3 * s.length;
  let buf = wbuf;
  if (max > buf.length) {
    let size = 9 + (body === undefined ? 0 : Buffer.byteLength(body));
    for (const s of fields) size += 4 + Buffer.byteLength(s);
    buf = Buffer.allocUnsafeSlow(size);
  }
  buf[4] = type;
  let off = 5;
  for (const s of fields) off = put(buf, off, s);
  if (body !== undefined) off = put(buf, off, body);
  buf.writeUInt32LE(off - 4, 0);
  for (let n = 0; n < off; ) n += fs.writeSync(OUT, buf, n, off - n);
}

function put(buf, off, s) {
  const n = buf.write(s, off + 4);
  buf.writeUInt32LE(n, off);
  return off + 4 + n;
}

function toError(err) {
  return err instanceof Error ? err : new Error(String(err));
}

function errorPayload(e) {
  return JSON.stringify({ errorType: e.name || 'Error', errorMessage: e.message, trace: String(e.stack || '').split('\n') });
}

function parseJSON(s) {
  return s === '' ? undefined : JSON.parse(s);
}

async function loadHandler() {
  const spec = process.env._HANDLER || 'index.handler';
  const dot = spec.lastIndexOf('.');
  const modName = spec.slice(0, dot);
  const fnName = spec.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const base = path.resolve(root, modName);
  let mod;
  for (const ext of ['.js', '.mjs', '.cjs']) {
    if (fs.existsSync(base + ext)) {
      mod = ext === '.mjs' ? await import(require('url').pathToFileURL(base + ext).href) : require(base + ext);
      break;
    }
  }
  if (!mod) {
    const err = new Error(`Cannot find module '${modName}'`);
    err.name = 'Runtime.ImportModuleError';
    throw err;
  }
  const fn = mod[fnName] || (mod.default && mod.default[fnName]);
  if (typeof fn !== 'function') {
    const err = new Error(`${spec} is undefined or not exported`);
    err.name = 'Runtime.HandlerNotFound';
    throw err;
  }
  return fn;
}

function invoke(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err ? reject(err) : resolve(result));
    try {
      const out = handler(event, context, callback);
      if (out && typeof out.then === 'function') out.then(resolve, reject);
      else if (handler.length < 3) resolve(out);
    } catch (err) {
      reject(err);
    }
  });
}

// run invokes handler with the invocation f (takeInvocation's fields) and
// sends its outcome.
async function run(handler, f) {
  const [id, deadlineMs, arn, trace, clientContext, identity, event] = f;
  const deadline = Number(deadlineMs);
  traceId = trace === '' ? undefined : trace;
  try {
    const context = {
      awsRequestId: id,
      invokedFunctionArn: arn,
      functionName,
      functionVersion,
      memoryLimitInMB,
      logGroupName,
      logStreamName,
      identity: parseJSON(identity),
      clientContext: parseJSON(clientContext),
      getRemainingTimeInMillis: () => deadline - Date.now(),
      callbackWaitsForEmptyEventLoop: true,
    };
    const result = await invoke(handler, JSON.parse(event), context);
    const body = result === undefined ? 'null' : JSON.stringify(result);
    send(FRAME_RESPONSE, [id], body === undefined ? '' : body);
  } catch (err) {
    const e = toError(err);
    send(FRAME_ERROR, [id, e.name || 'Error'], errorPayload(e));
  }
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    const e = toError(err);
    send(FRAME_INIT_ERROR, [e.name || 'Runtime.Unknown'], errorPayload(e));
    process.exit(1);
  }
  send(FRAME_NEXT, []);
  if (inspecting()) {
    readAsync(handler);
    return;
  }
  for (;;) {
    await run(handler, readInvocation());
    if (!loopIdle()) await new Promise(setImmediate);
  }
}

// loopIdle reports whether nothing but standard streams waits in the event
// loop.
function loopIdle() {
  return process.getActiveResourcesInfo().every((r) => r === 'PipeWrap' || r === 'TTYWrap');
}

// inspecting reports whether node runs with --inspect or --inspect-brk (on
// its command line or in NODE_OPTIONS).
function inspecting() {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS || '').split(/\s+/)];
  return flags.some((a) => a.startsWith('--inspect'));
}

// readAsync serves invocations as they arrive on a stream. The stream keeps
// the process alive between invocations only: a handler whose promise
// never settles, with nothing left to wait for, ends the process as with
// blocking reads.
function readAsync(handler) {
  const input = new (require('net').Socket)({ fd: IN, readable: true, writable: false });
  input.on('end', () => process.exit(0));
  input.on('data', async (chunk) => {
    reserve(rlen + chunk.length);
    chunk.copy(rbuf, rlen);
    rlen += chunk.length;
    for (let f = takeInvocation(); f; f = takeInvocation()) {
      input.unref();
      await run(handler, f);
      input.ref();
    }
  });
}

main().catch((err) => fatal(String((err && err.stack) || err)));
