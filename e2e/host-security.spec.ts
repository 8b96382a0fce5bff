import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

test('a call without the token, or with a wrong one, is refused', async ({ liaison, request }) => {
  await liaison.launch();
  const { origin, token } = liaison.served!;
  const none = await request.post(`${origin}/api/app.info`, { data: {} });
  expect(none.status()).toBe(401);
  expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  const wrong = await request.post(`${origin}/api/app.info`, { data: {}, headers: { Authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const events = await request.get(`${origin}/api/events`);
  expect(events.status()).toBe(401);
  // With the token the same call answers, and carries no CORS headers.
  const ok = await request.post(`${origin}/api/app.info`, { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'Liaison', mode: 'browser' } });
  expect(ok.headers()['access-control-allow-origin']).toBeUndefined();
});

test('the renderer cannot reach any other origin', async ({ liaison }) => {
  // Another server on loopback that would answer if asked: it must never be asked.
  let hits = 0;
  const other = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    res.end('reached');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  const port = (other.address() as AddressInfo).port;
  try {
    const page = await liaison.launch();
    const result = await page.evaluate(async (p) => {
      try {
        const res = await fetch(`http://127.0.0.1:${p}/`);
        return `reached ${res.status}`;
      } catch (e) {
        return `blocked: ${(e as Error).message}`;
      }
    }, port);
    expect(result).toMatch(/^blocked/);
    expect(hits).toBe(0);
    // The page's own CSP is what blocks it.
    const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  } finally {
    other.close();
  }
});

test('requests from another origin are refused even with the token', async ({ liaison, request }) => {
  await liaison.launch();
  const { origin, token } = liaison.served!;
  const res = await request.post(`${origin}/api/app.info`, { data: {}, headers: { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' } });
  expect(res.status()).toBe(403);
});

test('the page asks for nothing the host does not have: its icon is served from its own origin', async ({ liaison, request }) => {
  const page = await liaison.launch();
  const { origin } = liaison.served!;
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./icon.svg');
  const icon = await request.get(new URL(href!, `${origin}/`).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});
