// The benchmark's Node.js Lambda handler: a small JSON proxy response,
// served unchanged by Archway (functions.yaml) and serverless-offline
// (serverless.yml).
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ hello: event.pathParameters ? event.pathParameters.name : null }),
});
