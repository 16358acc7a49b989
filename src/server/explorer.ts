import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A bearer token the explorer offers to paste, with a label (on the embedded engine: the demo data's). */
export interface ExplorerToken {
  label: string;
  token: string;
}

const ASSET_PATH = '/graphql/explorer/';

// Served from the process's own packages: the explorer must work with no internet at all.
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

/** A file of an installed package: its `exports` hide the UMD builds from require.resolve, so found by folder. */
function packageFile(pkg: string, file: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!(path.basename(dir) === pkg && existsSync(path.join(dir, 'package.json')))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package ${pkg} not found`);
    dir = up;
  }
  return path.join(dir, file);
}

const loaded = new Map<string, Buffer>();

function asset(name: string): Buffer {
  let body = loaded.get(name);
  if (!body) {
    body = readFileSync(packageFile(ASSETS[name].pkg, ASSETS[name].file));
    loaded.set(name, body);
  }
  return body;
}

/** JSON for a <script> element: `</script>` and friends cannot end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(tokens: readonly ExplorerToken[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>twinbook GraphQL explorer</title>
<link rel="stylesheet" href="${ASSET_PATH}graphiql.css">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  #as { padding: 6px 12px; font-size: 14px; border-bottom: 1px solid #ddd; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="as"></div>
<div id="graphiql">Loading…</div>
<script src="${ASSET_PATH}react.js"></script>
<script src="${ASSET_PATH}react-dom.js"></script>
<script src="${ASSET_PATH}graphiql.js"></script>
<script>
  const tokens = ${scriptJson(tokens)};
  const params = new URLSearchParams(location.search);
  const fetcher = GraphiQL.createFetcher({ url: location.pathname });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function show(label) {
    const chosen = tokens.find((t) => t.label === label);
    const headers = chosen ? JSON.stringify({ Authorization: 'Bearer ' + chosen.token }, null, 2) : '';
    root.render(React.createElement(GraphiQL, { key: label || 'none', fetcher, headers, query: params.get('query') || undefined, defaultEditorToolsVisibility: !!chosen }));
  }
  if (tokens.length) {
    const bar = document.getElementById('as');
    bar.append('Ask as: ');
    const select = document.createElement('select');
    select.id = 'token';
    for (const t of tokens) select.append(new Option(t.label, t.label));
    select.onchange = () => show(select.value);
    bar.append(select, ' (demo tokens of this database; the Authorization header is in Headers below)');
    show(tokens[0].label);
  } else {
    document.getElementById('as').textContent = 'Send your bearer token as an Authorization header (Headers, below).';
    show(null);
  }
</script>
</body>
</html>`;
}

/** What a browser gets instead of the explorer when introspection is off: GraphiQL cannot work without it. */
const INTROSPECTION_OFF_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>twinbook GraphQL API</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto">
<h1>twinbook GraphQL API</h1>
<p id="explorer-off">The explorer is off on this server: it reads the schema through GraphQL introspection, which this
server does not answer (<code>GRAPHQL_INTROSPECTION=false</code>, the default with <code>NODE_ENV=production</code>).</p>
<p>Send GraphQL requests to this URL with <code>POST</code> and your bearer token; the schema is published with the
API's documentation (<code>schema/schema.graphql</code>).</p>
</body>
</html>`;

/**
 * Serves the GraphQL explorer (GraphiQL) on GET /graphql to a browser (a request that accepts HTML and carries no
 * query) and its scripts and styles under /graphql/explorer/, or, with `introspection` off, a page saying why there
 * is none. Returns false for anything else, which goes on to GraphQL. `tokens` are offered in a chooser (the demo
 * data's, on the embedded engine; none elsewhere).
 */
export function serveExplorer(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  tokens: () => readonly ExplorerToken[],
  introspection = true,
): boolean {
  if (req.method !== 'GET') return false;
  if (introspection && pathname.startsWith(ASSET_PATH)) {
    const name = pathname.slice(ASSET_PATH.length);
    if (!Object.hasOwn(ASSETS, name)) return false;
    const body = asset(name);
    res.writeHead(200, { 'content-type': ASSETS[name].type, 'cache-control': 'public, max-age=86400' });
    res.end(body);
    return true;
  }
  // As Apollo does with its landing page: a browser navigating here (it accepts HTML) gets the explorer, which
  // pre-fills its editor from ?query=; API clients accept JSON.
  if (pathname !== '/graphql' || !/\btext\/html\b/.test(req.headers.accept ?? '')) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(introspection ? page(tokens()) : INTROSPECTION_OFF_PAGE);
  return true;
}
