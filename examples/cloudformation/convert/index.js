// Converts {"amount": n, "rate": r}, which the request template builds, into
// the converted amount rounded to cents.
exports.handler = async (event) => ({ amount: Math.round(event.amount * event.rate * 100) / 100 });
