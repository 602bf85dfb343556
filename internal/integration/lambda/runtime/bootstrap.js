// Archway's Node.js bootstrap: a Lambda Runtime API client that loads the
// handler named by _HANDLER ("index.handler": module "index" under
// LAMBDA_TASK_ROOT, export "handler") and serves invocations one at a
// time. Async handlers, promise-returning handlers and callback handlers
// work as on AWS's nodejs runtimes.
'use strict';
const http = require('http');
const path = require('path');
const fs = require('fs');
const url = require('url');

const api = process.env.AWS_LAMBDA_RUNTIME_API;
const base = '/2018-06-01/runtime/';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const [host, port] = api.split(':');

function request(method, p, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: base + p, agent, headers: headers || {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function errorPayload(err) {
  const e = err instanceof Error ? err : new Error(String(err));
  return JSON.stringify({ errorType: e.name || 'Error', errorMessage: e.message, trace: String(e.stack || '').split('\n') });
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
      mod = ext === '.mjs' ? await import(url.pathToFileURL(base + ext).href) : require(base + ext);
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

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    await request('POST', 'init/error', errorPayload(err), { 'Lambda-Runtime-Function-Error-Type': err.name || 'Runtime.Unknown' });
    process.exit(1);
  }
  for (;;) {
    const next = await request('GET', 'invocation/next');
    const id = next.headers['lambda-runtime-aws-request-id'];
    const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
    if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    const context = {
      awsRequestId: id,
      invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      getRemainingTimeInMillis: () => deadline - Date.now(),
      callbackWaitsForEmptyEventLoop: true,
    };
    try {
      const result = await invoke(handler, JSON.parse(next.body.toString('utf8')), context);
      const body = result === undefined ? 'null' : JSON.stringify(result);
      await request('POST', `invocation/${id}/response`, body, { 'Content-Type': 'application/json' });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      await request('POST', `invocation/${id}/error`, errorPayload(e), { 'Lambda-Runtime-Function-Error-Type': e.name || 'Error' });
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
