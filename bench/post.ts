/**
 * A sender of GraphQL requests to the bench's API with one bearer token, which fails loudly on anything but a clean
 * answer (an HTTP error, a GraphQL error, a user error): a bench that measured refusals would measure the wrong work.
 */
export function strictPoster(graphqlUrl: string, token: string): (query: string, variables: object) => Promise<string> {
  return async (query, variables) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    if (res.status !== 200 || body.includes('"errors"') || /"userErrors":\[\{/.test(body)) throw new Error(`request failed: ${body.slice(0, 300)}`);
    return body;
  };
}
