// deploy/register-paths.cjs is plain CommonJS with no types of its own (and deploy/ is not the tests'
// to change): what it exports, typed here for test/docker-compose.spec.ts.
declare module '*/deploy/register-paths.cjs' {
  /** The repository (or image) root the preload resolves from. */
  export const ROOT: string;
  /** The compiled entry for a `@kompeten/<lib>` request, or undefined for any other request. */
  export function kompetenTarget(request: string, root?: string): string | undefined;
}
