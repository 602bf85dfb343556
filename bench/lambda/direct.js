// The floor of bench/lambda.sh: a plain Node.js HTTP server that calls
// index.js's handler in its own process for GET /dev/hello/{name}, with a
// minimal proxy event and no gateway in between. Archway's p50 minus this
// one is what the gateway and the process hop add to a Lambda proxy
// request. Usage: node direct.js PORT
'use strict';
const http = require('http');
const { handler } = require('./index.js');

const port = Number(process.argv[2]);
const route = /^\/dev\/hello\/([^/?]+)/;

http
  .createServer(async (req, res) => {
    const m = route.exec(req.url);
    if (!m) {
      res.writeHead(404);
      res.end();
      return;
    }
    const event = {
      resource: '/hello/{name}',
      path: req.url.slice('/dev'.length),
      httpMethod: req.method,
      headers: req.headers,
      pathParameters: { name: decodeURIComponent(m[1]) },
      body: null,
      isBase64Encoded: false,
    };
    const out = await handler(event, {});
    res.writeHead(out.statusCode, out.headers);
    res.end(out.body);
  })
  .listen(port, '127.0.0.1');
