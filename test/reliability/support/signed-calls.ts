import { identityHeader } from '@kompeten/testing';

// The services answer only calls the gateway signed (issue 21). The fault tests call them directly,
// as the gateway would: each service process registers its address here when it starts, and `post`
// signs a call to a registered address for that service and that request.
const services = new Map<string, string>();

export function registerService(url: string, service: string): void {
  services.set(new URL(url).origin, service);
}

/** The identity header for a call to `url`, when `url` is a registered service (the gateway's own routes need none). */
export function signedFor(method: string, url: string): Record<string, string> {
  const u = new URL(url);
  const service = services.get(u.origin);
  return service ? identityHeader(service, method, u.pathname + u.search) : {};
}
