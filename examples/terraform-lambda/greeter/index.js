// The greeter function: API Gateway's request template gives it
// {"name": "..."}; what it returns is the response body.
exports.handler = async (event) => {
  if (event.name === "") {
    throw new Error("Bad request: say who to greet with ?name=");
  }
  return { greeting: `Hello, ${event.name}!` };
};
