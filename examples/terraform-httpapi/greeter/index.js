// The greeter function of the HTTP API example: a Lambda proxy handler
// for payload format 2.0.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ greeting: `${process.env.GREETING || "Hello"}, ${event.pathParameters.name}!` }),
});
