/**
 * The renderer's Content Security Policy, the same in Electron (app://) and in browser mode
 * (the loopback host): own origin only, no eval, no inline script, no plugins, no framing.
 * Images allow data:/blob: for graph exports drawn on a canvas.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
