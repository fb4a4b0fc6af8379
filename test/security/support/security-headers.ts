/** What helmet (libs/platform/src/bootstrap.ts) puts on every answer of every service. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  // Asymmetric matchers: opaque values for toMatchObject (@types/jest types them `any`).
  'strict-transport-security': expect.stringContaining('max-age=') as unknown,
  'content-security-policy': expect.stringContaining("default-src 'self'") as unknown,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-dns-prefetch-control': 'off',
};
